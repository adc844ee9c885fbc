import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

/** Kinds of unit the street keeps a ledger of (企业台账). */
export const enterpriseCategories = ['production', 'key_unit', 'workshop', 'training_institution'] as const;
export type EnterpriseCategory = (typeof enterpriseCategories)[number];
export const enterpriseStatuses = ['operating', 'banned', 'closed'] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];

/** Departments that join the street's inspections (联合检查). */
export const inspectionDepartments = ['消防', '派出所', '教体局', '食药监', '安监', '环保', '住建', '市场监管'] as const;

/**
 * 生产经营单位、重点单位、小作坊、校外培训机构. Each belongs to the village or community unit
 * (orgId) it lies in, so grid workers see the units in their own scope only.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    gridId: uuid(),
    name: text().notNull(),
    category: text().$type<EnterpriseCategory>().notNull(),
    /** GB 32100 code, checked on write; small workshops often have none. */
    creditCode: text(),
    address: text().notNull(),
    industry: text(),
    contactName: text(),
    contactPhoneEnc: text(),
    contactPhoneMasked: text(),
    status: text().$type<EnterpriseStatus>().notNull().default('operating'),
    bannedOn: date({ mode: 'string' }),
    bannedReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('enterprises_org_idx').on(t.tenantId, t.orgId),
    index('enterprises_category_idx').on(t.tenantId, t.category),
    uniqueIndex('enterprises_credit_code_uq').on(t.tenantId, t.creditCode).where(sql`${t.creditCode} is not null`),
  ],
);

/** One inspection of a unit, by the street alone or jointly with other departments. */
export const enterpriseInspections = pgTable(
  'enterprise_inspections',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    enterpriseId: uuid().notNull(),
    /** Copied from the unit at the time of inspection (scope). */
    orgId: uuid().notNull(),
    inspectedOn: date({ mode: 'string' }).notNull(),
    /** Other departments taking part; empty for the street alone. */
    departments: text().array().notNull().default(sql`'{}'::text[]`),
    topic: text().notNull(),
    inspectorName: text().notNull(),
    inspectorUserId: uuid(),
    summary: text(),
    findingCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.enterpriseId], foreignColumns: [enterprises.tenantId, enterprises.id] }),
    index('enterprise_inspections_enterprise_idx').on(t.tenantId, t.enterpriseId),
    index('enterprise_inspections_org_date_idx').on(t.tenantId, t.orgId, t.inspectedOn),
  ],
);

/** A finding of an inspection; each one becomes a hazard (隐患) that is followed to closure. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    inspectionId: uuid().notNull(),
    description: text().notNull(),
    hazardId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.inspectionId], foreignColumns: [enterpriseInspections.tenantId, enterpriseInspections.id] }),
    index('inspection_findings_inspection_idx').on(t.tenantId, t.inspectionId),
  ],
);

/** 应急预案演练: a drill held at a unit or a village/community. */
export const emergencyDrills = pgTable(
  'emergency_drills',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    enterpriseId: uuid(),
    heldOn: date({ mode: 'string' }).notNull(),
    title: text().notNull(),
    location: text().notNull(),
    participants: integer().notNull().default(0),
    notes: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('emergency_drills_org_date_idx').on(t.tenantId, t.orgId, t.heldOn),
  ],
);

