import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';
import { members } from '../members/members.table.js';

/** 两学一做 study plan issued for a period (topics, materials, dates). */
export const studyPlans = pgTable(
  'study_plans',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    title: text().notNull(),
    period: text().notNull(),
    topics: text().array().notNull().default(sql`'{}'::text[]`),
    materials: text().array().notNull().default(sql`'{}'::text[]`),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);

export const sessionKinds = ['group_viewing', 'party_lecture', 'training_trip'] as const;
export type SessionKind = (typeof sessionKinds)[number];

/** A branch's study session (集中收看, 党课, training trip). */
export const studySessions = pgTable(
  'study_sessions',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    planId: uuid(),
    kind: text().$type<SessionKind>().notNull(),
    title: text().notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    /** Members of the branch when the session was held (the attendance denominator). */
    expectedCount: integer().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('study_sessions_org_idx').on(t.tenantId, t.orgId, t.heldOn),
  ],
);

export const sessionAttendance = pgTable(
  'study_session_attendance',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    sessionId: uuid().notNull(),
    memberId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [studySessions.tenantId, studySessions.id] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    uniqueIndex('study_session_attendance_uq').on(t.tenantId, t.sessionId, t.memberId),
  ],
);

/** A member's study note (photo or text), uploaded from a phone. */
export const studyNotes = pgTable(
  'study_notes',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    memberId: uuid().notNull(),
    orgId: uuid().notNull(),
    planId: uuid(),
    writtenOn: date({ mode: 'string' }).notNull(),
    content: text().notNull().default(''),
    photoFileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    index('study_notes_member_idx').on(t.tenantId, t.memberId, t.writtenOn),
    index('study_notes_org_idx').on(t.tenantId, t.orgId),
  ],
);

/**
 * 季度末抽查三分之一: one draw per branch and quarter, with the seed and the inputs stored so anyone
 * can re-run it. `cycle` counts rounds in which every member is drawn once before anyone twice.
 */
export const spotCheckDraws = pgTable(
  'spot_check_draws',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    year: integer().notNull(),
    quarter: integer().notNull(),
    seed: integer().notNull(),
    /** Eligible members, sorted by id, when drawn. */
    poolMemberIds: uuid().array().notNull(),
    /** Members already drawn in the open cycle before this draw. */
    coveredMemberIds: uuid().array().notNull(),
    cycle: integer().notNull(),
    sampleSize: integer().notNull(),
    drawnBy: uuid(),
    drawnAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('spot_check_draws_uq').on(t.tenantId, t.orgId, t.year, t.quarter),
  ],
);

export const spotCheckResults = ['pending', 'pass', 'fail'] as const;
export type SpotCheckResult = (typeof spotCheckResults)[number];

export const spotCheckPicks = pgTable(
  'spot_check_picks',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    drawId: uuid().notNull(),
    memberId: uuid().notNull(),
    /** The cycle this pick counts toward (a draw that finishes a cycle starts the next). */
    cycle: integer().notNull(),
    seq: integer().notNull(),
    result: text().$type<SpotCheckResult>().notNull().default('pending'),
    comment: text(),
    checkedBy: uuid(),
    checkedAt: timestamp({ withTimezone: true }),
    hadNotes: boolean(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.drawId], foreignColumns: [spotCheckDraws.tenantId, spotCheckDraws.id] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    uniqueIndex('spot_check_picks_uq').on(t.tenantId, t.drawId, t.memberId),
  ],
);
