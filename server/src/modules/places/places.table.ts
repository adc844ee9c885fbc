import { doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

export const gridStaffRoles = ['worker', 'head'] as const;
export type GridStaffRole = (typeof gridStaffRoles)[number];

/** 网格员 and 网格长 assigned to a grid (a login of the street). */
export const gridStaff = pgTable(
  'grid_staff',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    gridId: uuid().notNull(),
    userId: uuid().notNull(),
    role: text().$type<GridStaffRole>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.gridId], foreignColumns: [grids.tenantId, grids.id] }),
    uniqueIndex('grid_staff_uq').on(t.tenantId, t.gridId, t.userId, t.role),
    index('grid_staff_user_idx').on(t.tenantId, t.userId),
  ],
);

/** The grids a 楼院党小组 serves (its buildings are linked on buildings.group_org_id). */
export const gridGroups = pgTable(
  'grid_groups',
  {
    tenantId: integer().notNull(),
    gridId: uuid().notNull(),
    groupOrgId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.gridId, t.groupOrgId] }),
    foreignKey({ columns: [t.tenantId, t.gridId], foreignColumns: [grids.tenantId, grids.id] }),
    foreignKey({ columns: [t.tenantId, t.groupOrgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('grid_groups_group_idx').on(t.tenantId, t.groupOrgId),
  ],
);
