import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

export const requestKinds = ['request', 'wish'] as const;
export type RequestKind = (typeof requestKinds)[number];
export const requestStates = ['submitted', 'accepted', 'dispatched', 'answered', 'rated', 'rejected'] as const;
export type RequestState = (typeof requestStates)[number];
export const assigneeKinds = ['member', 'unit', 'department'] as const;
export type AssigneeKind = (typeof assigneeKinds)[number];

/**
 * 群众诉求 / 微心愿 filed by a resident (usually without an account). The phone is encrypted with a masked
 * copy and its last 4 digits, which with the tracking code let the resident follow up and rate.
 */
export const residentRequests = pgTable(
  'resident_requests',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** The village/community that handles it. */
    orgId: uuid().notNull(),
    kind: text().$type<RequestKind>().notNull(),
    title: text().notNull(),
    content: text().notNull(),
    contactName: text().notNull(),
    phoneEnc: text().notNull(),
    phoneMasked: text().notNull(),
    phoneLast4: text().notNull(),
    trackingCode: text().notNull(),
    state: text().$type<RequestState>().notNull().default('submitted'),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp({ withTimezone: true }),
    assigneeKind: text().$type<AssigneeKind>(),
    assigneeId: uuid(),
    assigneeName: text(),
    dispatchedAt: timestamp({ withTimezone: true }),
    answer: text(),
    answeredAt: timestamp({ withTimezone: true }),
    rating: integer(),
    ratingComment: text(),
    ratedAt: timestamp({ withTimezone: true }),
    rejectReason: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('resident_requests_org_idx').on(t.tenantId, t.orgId, t.submittedAt),
    uniqueIndex('resident_requests_tracking_uq').on(t.tenantId, t.trackingCode),
  ],
);

/** DB-backed counters for public submissions (per IP and window) and spent challenge nonces: no in-memory state. */
export const publicCounters = pgTable(
  'public_counters',
  {
    tenantId: integer().notNull(),
    key: text().notNull(),
    count: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);
