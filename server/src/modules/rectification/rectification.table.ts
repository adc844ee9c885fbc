import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

export const rectificationSourceKinds = [
  'hazard',
  'tour_finding',
  'inspection_feedback',
  'environment_check',
  'campaign_check',
  'enterprise_inspection',
] as const;
export type RectificationSourceKind = (typeof rectificationSourceKinds)[number];

export const rectificationStates = ['open', 'assigned', 'rectifying', 'awaiting_verification', 'closed'] as const;
export type RectificationState = (typeof rectificationStates)[number];

export const rectificationActions = [
  'open',
  'assign',
  'start',
  'submit',
  'verify',
  'return',
  'reopen',
  'request_extension',
  'approve_extension',
  'reject_extension',
] as const;
export type RectificationAction = (typeof rectificationActions)[number];

/**
 * 整改台账: one item per finding, whatever module opened it (hazards, tours, inspection feedback …).
 * `deadline` is a Shanghai date; overdue = not closed and the deadline day has passed.
 */
export const rectificationItems = pgTable(
  'rectification_items',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    sourceKind: text().$type<RectificationSourceKind>().notNull(),
    sourceId: uuid().notNull(),
    /** Responsible unit (责任单位). */
    orgId: uuid().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    measures: text().notNull().default(''),
    responsibleName: text().notNull(),
    responsibleUserId: uuid(),
    state: text().$type<RectificationState>().notNull(),
    /** When the clock started (opening, or the last re-open). */
    startedAt: timestamp({ withTimezone: true }).notNull(),
    deadline: date({ mode: 'string' }).notNull(),
    /** The allowance in working days when the deadline was set that way. */
    deadlineWorkingDays: integer(),
    extensionCount: integer().notNull().default(0),
    pendingExtensionDeadline: date({ mode: 'string' }),
    pendingExtensionReason: text(),
    pendingExtensionBy: uuid(),
    /** Who submitted the last fix: never the verifier. */
    submittedBy: uuid(),
    closedAt: timestamp({ withTimezone: true }),
    closedOnTime: boolean(),
    evidenceFileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('rectification_items_source_idx').on(t.tenantId, t.sourceKind, t.sourceId),
    index('rectification_items_org_idx').on(t.tenantId, t.orgId),
    index('rectification_items_created_idx').on(t.tenantId, t.createdAt.desc(), t.id),
    index('rectification_items_deadline_idx').on(t.tenantId, t.deadline),
    // Overdue counts read only open items, by deadline.
    index('rectification_items_open_deadline_idx').on(t.tenantId, t.deadline).where(sql`${t.state} <> 'closed'`),
  ],
);

/** The timeline of an item: every step with who, when, from → to, note and evidence. */
export const rectificationSteps = pgTable(
  'rectification_steps',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    itemId: uuid().notNull(),
    action: text().$type<RectificationAction>().notNull(),
    fromState: text().$type<RectificationState>(),
    toState: text().$type<RectificationState>().notNull(),
    actorId: uuid(),
    actorName: text().notNull(),
    note: text().notNull().default(''),
    evidenceFileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Action details, e.g. the requested or approved deadline. */
    details: jsonb(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [rectificationItems.tenantId, rectificationItems.id] }),
    index('rectification_steps_item_idx').on(t.tenantId, t.itemId, t.at),
  ],
);

/** A street's corrections to the default holiday calendar, entered when each year's notice comes out. */
export const workingCalendarDays = pgTable(
  'working_calendar_days',
  {
    tenantId: integer().notNull(),
    day: date({ mode: 'string' }).notNull(),
    kind: text().$type<'holiday' | 'workday'>().notNull(),
    name: text().notNull().default(''),
    updatedBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);
