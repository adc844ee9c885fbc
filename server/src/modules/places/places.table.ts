import { doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

/**
 * The place tree: street → village/community (an org unit) → grid (网格) → building (楼院) → household (住户).
 * Pairing, visits, hazards and resettlement all hang on these rows.
 */
export const grids = pgTable(
  'grids',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** The village or community unit the grid belongs to. */
    orgId: uuid().notNull(),
    name: text().notNull(),
    code: text().notNull(),
    /** GeoJSON Polygon/MultiPolygon geometry uploaded by the street. */
    boundary: jsonb(),
    centerLat: doublePrecision(),
    centerLng: doublePrecision(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('grids_org_idx').on(t.tenantId, t.orgId),
  ],
);

export const buildings = pgTable(
  'buildings',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    gridId: uuid().notNull(),
    orgId: uuid().notNull(),
    name: text().notNull(),
    address: text().notNull().default(''),
    /** The 楼院党小组 that serves this building, if any. */
    groupOrgId: uuid(),
    lat: doublePrecision(),
    lng: doublePrecision(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.gridId], foreignColumns: [grids.tenantId, grids.id] }),
    index('buildings_grid_idx').on(t.tenantId, t.gridId),
  ],
);
