import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

export interface StandardItem {
  key: string;
  label: string;
}

/** The centre standard checklist (路标指示到位、门牌制作到位、全天亮化到位 …), versioned: a new item makes a new version. */
export const centreStandardVersions = pgTable(
  'centre_standard_versions',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    version: integer().notNull(),
    items: jsonb().$type<StandardItem[]>().notNull(),
    note: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('centre_standard_versions_uq').on(t.tenantId, t.version)],
);

/** 党群服务中心/阵地: one per village, community and the street itself. */
export const serviceCentres = pgTable(
  'service_centres',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    name: text().notNull(),
    address: text().notNull().default(''),
    areaM2: integer().notNull(),
    openingHours: text().notNull().default(''),
    photoFileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** A temporary site, e.g. 吉家寨村过渡期临时阵地 while the village is rebuilt. */
    transitional: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('service_centres_org_uq').on(t.tenantId, t.orgId),
  ],
);

/** One assessment of a centre against one standard version; the latest against the current version counts. */
export const centreAssessments = pgTable(
  'centre_assessments',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    centreId: uuid().notNull(),
    standardVersionId: uuid().notNull(),
    /** item key → met */
    results: jsonb().$type<Record<string, boolean>>().notNull(),
    meetsStandard: boolean().notNull(),
    assessedBy: uuid(),
    assessedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.centreId], foreignColumns: [serviceCentres.tenantId, serviceCentres.id] }),
    foreignKey({ columns: [t.tenantId, t.standardVersionId], foreignColumns: [centreStandardVersions.tenantId, centreStandardVersions.id] }),
    index('centre_assessments_centre_idx').on(t.tenantId, t.centreId, t.assessedAt),
  ],
);
