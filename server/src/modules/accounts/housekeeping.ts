import { lt } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import type { AppServices } from '../../platform/request-context.js';
import { purgeAuditEvents } from '../audit/index.js';
import { tenants } from '../tenants/tenants.table.js';
import { loginFailures } from './accounts.table.js';
import { purgeClosedRequestContacts } from './privacy.service.js';
import { deleteExpiredSessions, disableDormantAccounts } from './users.service.js';

export interface HousekeepingReport {
  dormantDisabled: number;
  auditPurged: number;
  contactsErased: number;
  sessionsDeleted: number;
}

/** The daily security and privacy job (idempotent): dormant accounts, audit retention, PIPL retention, stale sessions. */
export async function runSecurityHousekeeping(db: Db, services: AppServices, now = new Date()): Promise<HousekeepingReport> {
  const report: HousekeepingReport = { dormantDisabled: 0, auditPurged: 0, contactsErased: 0, sessionsDeleted: 0 };
  for (const t of await db.select({ id: tenants.id }).from(tenants)) {
    report.dormantDisabled += await disableDormantAccounts(db, services, t.id, now);
    report.auditPurged += (await purgeAuditEvents(db, t.id, services.config.auditRetentionDays, now)).purged;
    report.contactsErased += await purgeClosedRequestContacts(db, services, t.id, now);
  }
  report.sessionsDeleted = await deleteExpiredSessions(db, now);
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - 86_400_000)));
  return report;
}
