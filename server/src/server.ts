import { buildApp } from './app.js';
import { ensureDemo, openRuntime } from './bootstrap.js';
import { loadConfig } from './platform/config.js';
import { roleLabels, type Role } from './platform/roles.js';
import { scheduleDailyJob } from './platform/daily-job.js';
import { buildDailyDigests } from './modules/dashboards/index.js';
import { runSecurityHousekeeping } from './modules/accounts/index.js';
import { scheduleBackups } from './modules/backup/index.js';

const startedAt = Date.now();
const log = (line: string) => process.stdout.write(line + '\n');

async function main() {
  const config = loadConfig();
  const rt = await openRuntime(config);
  const demo = config.seedDemo ? await ensureDemo(rt, log) : null;
  const app = await buildApp({ database: rt.database, config, cipher: rt.cipher, storage: rt.storage, logger: config.logLevel !== 'silent' });

  // The daily to-do digest (instead of a message per event), built once a day from 07:00 Shanghai time.
  const stopDigest = scheduleDailyJob(
    'digest',
    7,
    async (day) => {
      const r = await buildDailyDigests(rt.database.db, rt.services, day);
      log(`每日待办摘要已生成 (daily digests): ${r.digests} users, ${day}`);
    },
    log,
  );

  // The daily encrypted backup with retention (GONGJIAN_BACKUP_DIR, _KEEP_DAYS, _HOUR; see docs/operations.md).
  const stopBackups = scheduleBackups(rt.database, config, log);

  // Security and privacy housekeeping from 03:00: dormant accounts, audit and PIPL retention, stale sessions.
  const stopHousekeeping = scheduleDailyJob(
    'security-housekeeping',
    3,
    async (day) => {
      const r = await runSecurityHousekeeping(rt.database.db, rt.services);
      log(`安全与隐私例行任务 (housekeeping) ${day}: dormant ${r.dormantDisabled}, audit purged ${r.auditPurged}, contacts erased ${r.contactsErased}, sessions ${r.sessionsDeleted}`);
    },
    log,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`收到 ${signal}，正在关闭… (shutting down)`);
    try {
      stopDigest();
      stopHousekeeping();
      stopBackups();
      await app.close();
    } finally {
      await rt.database.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const dbLabel = rt.database.kind === 'pglite' ? `PGlite (embedded) in ${config.dataDir}/pglite` : 'PostgreSQL (DATABASE_URL)';
  log('');
  log(`共建 Gongjian is running at ${url}`);
  log(`  database: ${dbLabel}`);
  log(`  API docs: ${url}/api/docs`);
  if (demo) {
    log('  demo logins (演示账号):');
    for (const l of demo.logins) log(`    ${l.username.padEnd(12)} ${roleLabels[l.role as Role]} (${l.role})`);
    log(`  demo password (演示密码): ${demo.password ?? '(set at first start; see GONGJIAN_DEMO_PASSWORD)'}`);
  }
  log(`  started in ${Date.now() - startedAt} ms`);
  log(`GONGJIAN_READY ${url}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`启动失败 (failed to start): ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
