import type { Db } from '../../platform/db.js';
import { fieldError } from '../../platform/errors.js';
import type { AppServices } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { buildDailyDigests } from './dashboards.inbox.js';

/**
 * CLI hook for the daily digest: `digest [YYYY-MM-DD]` builds every user's digest for that day
 * (default: today in Asia/Shanghai). The lead wires it into server/src/cli.ts and the scheduler.
 */
export async function runDigestCommand(db: Db, services: AppServices, args: string[], log: (line: string) => void = console.log): Promise<number> {
  const day = args[0] ?? shanghaiDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw fieldError('day', '日期格式应为 YYYY-MM-DD');
  const r = await buildDailyDigests(db, services, day);
  log(`${day}：已为 ${r.digests} 名用户生成每日待办汇总（共 ${r.users} 名在用账号）`);
  return 0;
}
