import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';
import { members } from '../members/members.table.js';

/** 巡视反馈问题: entered once, tracked in the rectification ledger until signed off. */
export const feedbackItems = pgTable(
  'inspection_feedback_items',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** The inspection the problem came from, e.g. 2018年市委第三巡察组反馈. */
    inspection: text().notNull(),
    problem: text().notNull(),
    measures: text().notNull(),
    /** The responsible unit (责任单位). */
    orgId: uuid().notNull(),
    responsibleName: text().notNull(),
    deadline: date({ mode: 'string' }).notNull(),
    evidenceFileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    rectificationItemId: uuid(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('inspection_feedback_items_org_idx').on(t.tenantId, t.orgId),
  ],
);

export const disciplineKinds = ['admonishment', 'warning', 'serious_warning', 'removal_from_post', 'probation', 'expulsion'] as const;
export type DisciplineKind = (typeof disciplineKinds)[number];

/** 违规违纪处理: restricted to street admins and auditors; every read is audited. */
export const disciplineRecords = pgTable(
  'discipline_records',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    memberId: uuid().notNull(),
    orgId: uuid().notNull(),
    decidedOn: date({ mode: 'string' }).notNull(),
    kind: text().$type<DisciplineKind>().notNull(),
    outcome: text().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('discipline_records_org_idx').on(t.tenantId, t.orgId, t.decidedOn),
  ],
);

/** 纪检监察全覆盖: a supervisor assigned to a unit. */
export const supervisorAssignments = pgTable(
  'supervisor_assignments',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    supervisorName: text().notNull(),
    userId: uuid(),
    since: date({ mode: 'string' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('supervisor_assignments_org_uq').on(t.tenantId, t.orgId),
  ],
);
