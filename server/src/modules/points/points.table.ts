import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { households } from '../households/households.table.js';
import { members } from '../members/members.table.js';
import { orgUnits } from '../org-units/org-units.table.js';

/** The 六个一 categories: 排查走访、结对帮扶、化解矛盾、解决困难、轮岗值班、志愿服务. */
export const pointCategories = ['visit', 'pairing', 'dispute', 'difficulty', 'duty', 'volunteer'] as const;
export type PointCategory = (typeof pointCategories)[number];
/** Categories a member claims by hand; duty and volunteer points come from rosters and events. */
export const claimCategories = ['visit', 'pairing', 'dispute', 'difficulty'] as const;
export type ClaimCategory = (typeof claimCategories)[number];

export const claimStates = ['pending', 'approved', 'rejected', 'withdrawn', 'reversed'] as const;
export type ClaimState = (typeof claimStates)[number];

/** 积分规则: one version per category and effective date; the version in force on the day of the work applies. */
export const pointRules = pgTable(
  'point_rules',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    category: text().$type<PointCategory>().notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    pointsPerItem: integer().notNull(),
    capPerDay: integer(),
    capPerMonth: integer(),
    capPerYear: integer(),
    evidenceRequired: boolean().notNull().default(false),
    approvalRequired: boolean().notNull().default(true),
    note: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('point_rules_category_from_uq').on(t.tenantId, t.category, t.effectiveFrom),
  ],
);

/** 结对帮扶: a member paired with a household; each help given is a 'pairing' claim on it. */
export const pairings = pgTable(
  'pairings',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    memberId: uuid().notNull(),
    householdId: uuid().notNull(),
    /** The member's branch when the pair was formed. */
    orgId: uuid().notNull(),
    startedOn: date({ mode: 'string' }).notNull(),
    endedOn: date({ mode: 'string' }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    foreignKey({ columns: [t.tenantId, t.householdId], foreignColumns: [households.tenantId, households.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('pairings_open_uq').on(t.tenantId, t.memberId, t.householdId).where(sql`ended_on is null`),
    index('pairings_household_idx').on(t.tenantId, t.householdId),
    index('pairings_started_idx').on(t.tenantId, t.startedOn, t.orgId),
  ],
);

/** What a member did (a 六个一 claim), with evidence, awaiting the secretary's decision. */
export const workClaims = pgTable(
  'work_claims',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    memberId: uuid().notNull(),
    /** The member's branch when the claim was made (scope and rankings). */
    orgId: uuid().notNull(),
    category: text().$type<ClaimCategory>().notNull(),
    occurredOn: date({ mode: 'string' }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    householdId: uuid(),
    pairingId: uuid(),
    summary: text().notNull(),
    /** Category details: findings (visit), help (pairing), parties/outcome (dispute), who/solved (difficulty). */
    details: jsonb().$type<Record<string, string>>().notNull().default({}),
    beneficiaryCount: integer().notNull().default(0),
    beneficiaryNames: text().array().notNull().default(sql`'{}'::text[]`),
    photoFileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    lat: doublePrecision(),
    lng: doublePrecision(),
    state: text().$type<ClaimState>().notNull().default('pending'),
    ruleId: uuid().notNull(),
    points: integer().notNull(),
    decidedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.householdId], foreignColumns: [households.tenantId, households.id] }),
    foreignKey({ columns: [t.tenantId, t.ruleId], foreignColumns: [pointRules.tenantId, pointRules.id] }),
    /** Duplicate claims (same member, category, household and day) are refused; a rejected or withdrawn one frees the slot. */
    uniqueIndex('work_claims_dedupe_uq')
      .on(t.tenantId, t.memberId, t.category, t.householdId, t.occurredOn)
      .where(sql`household_id is not null and state in ('pending', 'approved')`),
    index('work_claims_state_idx').on(t.tenantId, t.state, t.orgId),
    index('work_claims_member_idx').on(t.tenantId, t.memberId, t.occurredOn),
    index('work_claims_household_idx').on(t.tenantId, t.householdId),
    index('work_claims_occurred_idx').on(t.tenantId, t.occurredOn, t.category),
  ],
);

export const entrySourceKinds = ['claim', 'duty_assignment', 'volunteer_signup', 'reversal', 'adjustment'] as const;
export type EntrySourceKind = (typeof entrySourceKinds)[number] | (string & {});

/** The append-only points ledger: balances and rankings are sums; a mistake is fixed by a reversing entry. */
export const pointEntries = pgTable(
  'point_entries',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    memberId: uuid().notNull(),
    /** The member's branch when the work was done. */
    orgId: uuid().notNull(),
    category: text().$type<PointCategory>().notNull(),
    occurredOn: date({ mode: 'string' }).notNull(),
    points: integer().notNull(),
    sourceKind: text().$type<EntrySourceKind>().notNull(),
    sourceId: uuid().notNull(),
    ruleId: uuid(),
    note: text().notNull().default(''),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    /** One entry per source: two approvals of the same claim post it once. */
    uniqueIndex('point_entries_source_uq').on(t.tenantId, t.sourceKind, t.sourceId),
    index('point_entries_occurred_org_idx').on(t.tenantId, t.occurredOn, t.orgId),
    // Subtree figures and rankings join org_units by path and probe the entries of each org in a period: org first.
    index('point_entries_org_occurred_idx').on(t.tenantId, t.orgId, t.occurredOn),
    index('point_entries_member_idx').on(t.tenantId, t.memberId, t.occurredOn),
    // Covers the ledger part of a ranking (the partial months at a period's edges): an index-only scan, no heap visits.
    index('point_entries_period_idx').on(t.tenantId, t.occurredOn, t.category, t.memberId, t.orgId, t.points),
  ],
);

/**
 * 积分汇总: net points per member and branch over a month, a quarter and a year — in all and per 六个一 category,
 * one column each — and the entry count, kept by a statement-level trigger on point_entries
 * (server/src/db/extra/0002_point_totals.sql; decisions 0010, 0012, 0013). A ranking splits its period into the
 * fewest whole years, quarters and months and reads them here, and reads only the days at the edges from the
 * ledger: a quarter of a 10,000-member street reads about 10,000 rows. Derived data: never written by code.
 */
export const pointTotals = pgTable(
  'point_totals',
  {
    tenantId: integer().notNull(),
    /** Months the row covers: 1 (a month), 3 (a quarter) or 12 (a year). */
    span: smallint().notNull(),
    /** First day of the month, quarter or year of occurred_on. */
    start: date({ mode: 'string' }).notNull(),
    /** The entry's branch (org_id of point_entries), so subtree filters match the ledger's. */
    orgId: uuid().notNull(),
    memberId: uuid().notNull(),
    /** Net points of the span, all categories. */
    points: integer().notNull(),
    entries: integer().notNull(),
    visit: integer().notNull().default(0),
    pairing: integer().notNull().default(0),
    dispute: integer().notNull().default(0),
    difficulty: integer().notNull().default(0),
    duty: integer().notNull().default(0),
    volunteer: integer().notNull().default(0),
  },
  (t) => [
    // Span and start first: a street-wide ranking reads a range of one span; a branch's reads the org index below.
    primaryKey({ columns: [t.tenantId, t.span, t.start, t.orgId, t.memberId] }),
    index('point_totals_org_idx').on(t.tenantId, t.orgId, t.span, t.start),
    // Every column, member after start: one quarter or year (a single start) is read by an index-only scan in member
    // order, so a ranking groups it by streaming instead of hashing 10,000 members (decision 0013).
    index('point_totals_member_order_idx').on(
      t.tenantId, t.span, t.start, t.memberId, t.orgId, t.points, t.visit, t.pairing, t.dispute, t.difficulty, t.duty, t.volunteer,
    ),
  ],
);
