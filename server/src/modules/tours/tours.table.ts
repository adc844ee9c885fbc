import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

export interface TourChecklistItem {
  key: string;
  label: string;
  maxScore: number;
}

/** A scoring checklist for tours (观摩评分表). */
export const tourChecklists = pgTable(
  'tour_checklists',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    items: jsonb().$type<TourChecklistItem[]>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const tourStates = ['planned', 'in_progress', 'completed'] as const;
export type TourState = (typeof tourStates)[number];

/** 逐村观摩: a tour visiting several orgs in order. `orgId` is the organising unit (its scope). */
export const tours = pgTable(
  'tours',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    title: text().notNull(),
    checklistId: uuid().notNull(),
    plannedOn: date({ mode: 'string' }).notNull(),
    state: text().$type<TourState>().notNull().default('planned'),
    createdBy: uuid(),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.checklistId], foreignColumns: [tourChecklists.tenantId, tourChecklists.id] }),
    index('tours_org_idx').on(t.tenantId, t.orgId),
  ],
);

/** One visited org in a tour, with its scores per checklist item. */
export const tourStops = pgTable(
  'tour_stops',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    tourId: uuid().notNull(),
    orgId: uuid().notNull(),
    seq: integer().notNull(),
    scores: jsonb().$type<Record<string, number>>(),
    totalScore: integer(),
    comment: text(),
    photoFileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    scoredBy: uuid(),
    scoredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.tourId], foreignColumns: [tours.tenantId, tours.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('tour_stops_uq').on(t.tenantId, t.tourId, t.orgId),
  ],
);

/** A finding at a stop; each one opens a rectification item (整改台账). */
export const tourFindings = pgTable(
  'tour_findings',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    tourId: uuid().notNull(),
    stopId: uuid().notNull(),
    orgId: uuid().notNull(),
    title: text().notNull(),
    description: text(),
    responsibleName: text().notNull(),
    rectificationItemId: uuid(),
    photoFileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.stopId], foreignColumns: [tourStops.tenantId, tourStops.id] }),
    index('tour_findings_tour_idx').on(t.tenantId, t.tourId),
    index('tour_findings_org_idx').on(t.tenantId, t.orgId),
  ],
);
