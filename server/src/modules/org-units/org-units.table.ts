import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.table.js';

export const orgKinds = [
  'street_committee',
  'village',
  'community',
  'non_public',
  'social_org',
  'branch',
  'group',
] as const;
export type OrgKind = (typeof orgKinds)[number];

/** The party-organisation tree. `path` is the materialised chain of ids (/a/b/c/) for subtree scope. */
export const orgUnits = pgTable(
  'org_units',
  {
    tenantId: integer()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom(),
    parentId: uuid(),
    kind: text().$type<OrgKind>().notNull(),
    name: text().notNull(),
    divisionCode: varchar({ length: 12 }),
    path: text().notNull(),
    depth: integer().notNull(),
    sortOrder: integer().notNull().default(0),
    status: text().$type<'active' | 'closed'>().notNull().default('active'),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('org_units_path_idx').on(t.tenantId, sql`${t.path} text_pattern_ops`),
    index('org_units_parent_idx').on(t.tenantId, t.parentId),
  ],
);

/** Effective-dated versions of a unit: every rename, move and close keeps the old name and parent. */
export const orgUnitVersions = pgTable(
  'org_unit_versions',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    name: text().notNull(),
    parentId: uuid(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    change: text().$type<'create' | 'rename' | 'move' | 'close'>().notNull(),
    changedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('org_unit_versions_org_idx').on(t.tenantId, t.orgId),
  ],
);
