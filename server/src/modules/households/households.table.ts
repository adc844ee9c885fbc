import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

/** 住户: a household under a village/community, in a grid and building (places module). */
export const householdTags = ['独居老人', '低保', '残疾', '困难家庭', '优抚对象', '留守儿童', '退役军人'] as const;

export const households = pgTable(
  'households',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    gridId: uuid(),
    buildingId: uuid(),
    address: text().notNull(),
    headName: text().notNull(),
    headPhoneEnc: text(),
    headPhoneMasked: text(),
    size: integer().notNull().default(1),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('households_org_idx').on(t.tenantId, t.orgId),
    index('households_grid_idx').on(t.tenantId, t.gridId),
  ],
);
