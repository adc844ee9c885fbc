import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

/** 散乱污 treatment: 关停取缔 / 整合搬迁 / 升级改造. */
export const pollutionTreatments = ['shutdown', 'relocation', 'upgrade'] as const;
export type PollutionTreatment = (typeof pollutionTreatments)[number];
export const pollutionStates = ['listed', 'remediating', 'signed_off', 'rebound'] as const;
export type PollutionState = (typeof pollutionStates)[number];

/** 两断三清: 断水、断电、清除原料、清除设备、清除产品 — all five before a shut-down is signed off. */
export const shutdownChecklistKeys = ['waterCut', 'powerCut', 'materialsCleared', 'equipmentCleared', 'productsCleared'] as const;
export type ShutdownChecklistKey = (typeof shutdownChecklistKeys)[number];
export type ShutdownChecklist = Record<ShutdownChecklistKey, boolean>;

/** The 散乱污 ledger: one row per enterprise under treatment, with its 两断三清 checklist and re-check schedule. */
export const pollutionEnterprises = pgTable(
  'pollution_enterprises',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    name: text().notNull(),
    address: text().notNull(),
    operatorName: text(),
    problem: text().notNull(),
    treatment: text().$type<PollutionTreatment>().notNull(),
    state: text().$type<PollutionState>().notNull().default('listed'),
    checklist: jsonb().$type<ShutdownChecklist>().notNull(),
    listedOn: date({ mode: 'string' }).notNull(),
    /** Deadline for the treatment (rectification item). */
    dueOn: date({ mode: 'string' }),
    signedOffOn: date({ mode: 'string' }),
    signedOffBy: uuid(),
    /** Next scheduled re-check against rebound (防反弹). */
    nextRecheckOn: date({ mode: 'string' }),
    recheckIntervalDays: integer().notNull().default(30),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('pollution_enterprises_org_idx').on(t.tenantId, t.orgId),
    index('pollution_enterprises_recheck_idx').on(t.tenantId, t.nextRecheckOn),
  ],
);

/** A re-check of a signed-off enterprise; a failed one re-opens it (反弹). */
export const pollutionRechecks = pgTable(
  'pollution_rechecks',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    pollutionEnterpriseId: uuid().notNull(),
    orgId: uuid().notNull(),
    checkedOn: date({ mode: 'string' }).notNull(),
    passed: boolean().notNull(),
    note: text(),
    checkerName: text().notNull(),
    checkerUserId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.pollutionEnterpriseId], foreignColumns: [pollutionEnterprises.tenantId, pollutionEnterprises.id] }),
    index('pollution_rechecks_enterprise_idx').on(t.tenantId, t.pollutionEnterpriseId),
    index('pollution_rechecks_org_date_idx').on(t.tenantId, t.orgId, t.checkedOn),
  ],
);

/** The 8个100% standard for construction sites (扬尘治理). */
export const siteStandardKeys = [
  'fencing',
  'stockpileCovered',
  'vehicleWashing',
  'groundHardened',
  'wetDemolition',
  'sealedTransport',
  'monitoringInstalled',
  'machineryCompliant',
] as const;
export type SiteStandardKey = (typeof siteStandardKeys)[number];
export type SiteStandardChecks = Record<SiteStandardKey, boolean>;

/** 安置区工地 with the grid worker stationed there (全天候驻地). */
export const constructionSites = pgTable(
  'construction_sites',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    name: text().notNull(),
    address: text().notNull(),
    stationedWorkerName: text(),
    stationedUserId: uuid(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('construction_sites_org_idx').on(t.tenantId, t.orgId),
  ],
);

/** One daily check of a site against the 8个100% standard; one per site per day. */
export const siteDailyChecks = pgTable(
  'site_daily_checks',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    siteId: uuid().notNull(),
    orgId: uuid().notNull(),
    checkedOn: date({ mode: 'string' }).notNull(),
    checks: jsonb().$type<SiteStandardChecks>().notNull(),
    allMet: boolean().notNull(),
    note: text(),
    checkerName: text().notNull(),
    checkerUserId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [constructionSites.tenantId, constructionSites.id] }),
    uniqueIndex('site_daily_checks_site_day_uq').on(t.tenantId, t.siteId, t.checkedOn),
  ],
);

export const entryApplicationStates = ['submitted', 'under_review', 'approved', 'refused'] as const;
export type EntryApplicationState = (typeof entryApplicationStates)[number];

/** 联审联批: a unit asking to move into the street, reviewed on industry, planning and environment. */
export const entryApplications = pgTable(
  'entry_applications',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    applicantName: text().notNull(),
    creditCode: text(),
    industry: text().notNull(),
    address: text().notNull(),
    description: text(),
    state: text().$type<EntryApplicationState>().notNull().default('submitted'),
    industryOk: boolean(),
    planningOk: boolean(),
    environmentOk: boolean(),
    reviewNote: text(),
    decisionReason: text(),
    submittedOn: date({ mode: 'string' }).notNull(),
    decidedOn: date({ mode: 'string' }),
    decidedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('entry_applications_org_idx').on(t.tenantId, t.orgId),
  ],
);

