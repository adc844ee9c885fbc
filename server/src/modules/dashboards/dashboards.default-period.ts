import { and, eq, lte, max, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { hazards } from '../hazards/hazards.table.js';
import { underPath } from '../org-units/index.js';
import { pointEntries } from '../points/points.table.js';
import { studySessions } from '../study/study.table.js';
import { resolveOrg } from './dashboards.service.js';

/**
 * The activity registers whose dates say a year "has records": hazards reported, points earned and
 * study sessions held (stock figures such as members and orgs exist in every year and say nothing).
 */
const activity: Array<{ table: PgTable; tenantId: AnyPgColumn; orgId: AnyPgColumn; day: AnyPgColumn }> = [
  { table: hazards, tenantId: hazards.tenantId, orgId: hazards.orgId, day: hazards.reportedDate },
  { table: pointEntries, tenantId: pointEntries.tenantId, orgId: pointEntries.orgId, day: pointEntries.occurredOn },
  { table: studySessions, tenantId: studySessions.tenantId, orgId: studySessions.orgId, day: studySessions.heldOn },
];

/**
 * The period the dashboard opens on: the latest year, not after today, in which every activity
 * register that is in use under the org has entries (a register with a stray recent entry does not
 * make an almost empty year the default); failing that the latest year any register has; the
 * current year when nothing is recorded at all.
 */
export async function defaultPeriod(ctx: ActorContext, orgId?: string, today: string = shanghaiDate()) {
  const org = await resolveOrg(ctx, orgId);
  const perRegister: Array<Set<number>> = [];
  let latest: string | null = null;
  for (const a of activity) {
    const where = and(eq(a.tenantId, ctx.tenantId), lte(a.day, today), underPath(ctx.tenantId, org.path, a.orgId)) as SQL;
    const rows = await ctx.db
      .select({ year: sql<number>`extract(year from ${a.day})::int`, last: max(a.day) })
      .from(a.table)
      .where(where)
      .groupBy(sql`1`);
    if (rows.length === 0) continue;
    perRegister.push(new Set(rows.map((r) => Number(r.year))));
    for (const r of rows) {
      const day = r.last ? String(r.last).slice(0, 10) : null;
      if (day && (latest === null || day > latest)) latest = day;
    }
  }
  const everywhere = perRegister.length === 0 ? [] : [...perRegister[0]].filter((y) => perRegister.every((s) => s.has(y)));
  const anywhere = perRegister.flatMap((s) => [...s]);
  const year = String(everywhere.length > 0 ? Math.max(...everywhere) : anywhere.length > 0 ? Math.max(...anywhere) : Number(today.slice(0, 4)));
  return { period: year, label: `${year}年`, latestRecordDate: latest };
}
