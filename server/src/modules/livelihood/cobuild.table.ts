import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

export const cobuildUnitKinds = ['enterprise', 'school', 'agency', 'hospital', 'other'] as const;
export type CobuildUnitKind = (typeof cobuildUnitKinds)[number];

/** 共驻共建单位: a unit based in the street, with its party organisation (org tree) and a contact. */
export const cobuildUnits = pgTable(
  'cobuild_units',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** The unit's party organisation in the org tree (a unit contact's scope root). */
    orgId: uuid().notNull(),
    name: text().notNull(),
    kind: text().$type<CobuildUnitKind>().notNull(),
    contactName: text().notNull().default(''),
    contactPhoneEnc: text(),
    contactPhoneMasked: text(),
    /** 双报到: the community the unit reports to, and when. */
    reportedOrgId: uuid(),
    reportedOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('cobuild_units_org_idx').on(t.tenantId, t.orgId),
    index('cobuild_units_reported_idx').on(t.tenantId, t.reportedOrgId),
  ],
);

/** 共建协议 between a unit and a community. */
export const cobuildAgreements = pgTable(
  'cobuild_agreements',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    unitId: uuid().notNull(),
    communityOrgId: uuid().notNull(),
    title: text().notNull(),
    signedOn: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [cobuildUnits.tenantId, cobuildUnits.id] }),
    index('cobuild_agreements_unit_idx').on(t.tenantId, t.unitId),
  ],
);

/** 在职党员双报到: a serving member of a unit reporting to a community. */
export const cobuildMemberReports = pgTable(
  'cobuild_member_reports',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    unitId: uuid().notNull(),
    communityOrgId: uuid().notNull(),
    memberName: text().notNull(),
    memberId: uuid(),
    reportedOn: date({ mode: 'string' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [cobuildUnits.tenantId, cobuildUnits.id] }),
    index('cobuild_member_reports_unit_idx').on(t.tenantId, t.unitId),
  ],
);

export const needStates = ['open', 'matched', 'closed'] as const;
export type NeedState = (typeof needStates)[number];

/** 需求清单: what a community needs. */
export const cobuildNeeds = pgTable(
  'cobuild_needs',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    category: text().notNull(),
    state: text().$type<NeedState>().notNull().default('open'),
    postedOn: date({ mode: 'string' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('cobuild_needs_org_idx').on(t.tenantId, t.orgId)],
);

/** 资源清单: what a unit offers. */
export const cobuildResources = pgTable(
  'cobuild_resources',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    unitId: uuid().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    category: text().notNull(),
    offeredOn: date({ mode: 'string' }).notNull(),
    active: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [cobuildUnits.tenantId, cobuildUnits.id] }),
    index('cobuild_resources_unit_idx').on(t.tenantId, t.unitId),
  ],
);

export const projectStates = ['claimed', 'delivered', 'rated'] as const;
export type CobuildProjectState = (typeof projectStates)[number];

/** 项目清单: a need matched to a unit (and its resource), delivered with evidence and rated by the community. */
export const cobuildProjects = pgTable(
  'cobuild_projects',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    needId: uuid().notNull(),
    unitId: uuid().notNull(),
    resourceId: uuid(),
    /** The community that posted the need. */
    orgId: uuid().notNull(),
    title: text().notNull(),
    state: text().$type<CobuildProjectState>().notNull().default('claimed'),
    claimedOn: date({ mode: 'string' }).notNull(),
    deliveredOn: date({ mode: 'string' }),
    deliveryNote: text().notNull().default(''),
    evidenceFileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    beneficiaries: integer().notNull().default(0),
    rating: integer(),
    ratingComment: text(),
    ratedOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.needId], foreignColumns: [cobuildNeeds.tenantId, cobuildNeeds.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [cobuildUnits.tenantId, cobuildUnits.id] }),
    index('cobuild_projects_org_idx').on(t.tenantId, t.orgId),
    index('cobuild_projects_unit_idx').on(t.tenantId, t.unitId),
  ],
);
