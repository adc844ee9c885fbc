import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.js';
import { orgUnits } from '../org-units/org-units.table.js';

/** The value of one metric as a report used it: the figure and the definition version behind it. */
export interface SnapshotValue {
  value: number;
  numerator?: number;
  denominator?: number;
  unit: string;
  version: number;
  name: string;
}

/** A generated report (报表快照): every figure with the metric version it was computed under. */
export const reportSnapshots = pgTable(
  'report_snapshots',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** The org unit the report covers (the street committee for the whole street). */
    orgId: uuid().notNull(),
    title: text().notNull(),
    periodLabel: text().notNull(),
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    values: jsonb().$type<Record<string, SnapshotValue>>().notNull(),
    createdBy: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [users.tenantId, users.id] }),
    index('report_snapshots_org_idx').on(t.tenantId, t.orgId, t.createdAt),
  ],
);

export const exportJobStates = ['queued', 'running', 'done', 'failed'] as const;
export type ExportJobState = (typeof exportJobStates)[number];

/** A ledger export running in the background; its state lives here so any API process can answer for it. */
export const exportJobs = pgTable(
  'export_jobs',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    userId: uuid().notNull(),
    /** A ledger id, 'all' for the street's whole ledger set, or 'metric:<id>' for a metric's records. */
    target: text().notNull(),
    periodFrom: date({ mode: 'string' }),
    periodTo: date({ mode: 'string' }),
    orgId: uuid(),
    state: text().$type<ExportJobState>().notNull().default('queued'),
    rowsDone: integer().notNull().default(0),
    rowsTotal: integer(),
    fileName: text().notNull(),
    /** Path relative to the data dir's exports folder. */
    filePath: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    index('export_jobs_user_idx').on(t.tenantId, t.userId, t.createdAt),
  ],
);

export interface DigestItem {
  kind: string;
  title: string;
  link: string;
  severity: 'info' | 'warning' | 'overdue';
  count?: number;
  dueAt?: string | null;
  escalated?: boolean;
}

/** One digest per user per day instead of a message per event (每日待办汇总). */
export const dailyDigests = pgTable(
  'daily_digests',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    userId: uuid().notNull(),
    day: date({ mode: 'string' }).notNull(),
    items: jsonb().$type<DigestItem[]>().notNull(),
    itemCount: integer().notNull(),
    overdueCount: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    uniqueIndex('daily_digests_user_day_uq').on(t.tenantId, t.userId, t.day),
  ],
);
