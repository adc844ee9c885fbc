import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members } from '../members/members.table.js';
import { orgUnits } from '../org-units/org-units.table.js';

export const eventStates = ['open', 'closed', 'cancelled'] as const;
export type EventState = (typeof eventStates)[number];
export const signupStates = ['registered', 'waitlisted', 'cancelled'] as const;
export type SignupState = (typeof signupStates)[number];

/** 志愿服务 event: capacity, sign-up with a waiting list, QR check-in, hours and people served. */
export const volunteerEvents = pgTable(
  'volunteer_events',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** The organising unit. */
    orgId: uuid().notNull(),
    title: text().notNull(),
    organiser: text().notNull(),
    organiserUserId: uuid(),
    place: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    capacity: integer().notNull(),
    peopleServed: integer().notNull().default(0),
    state: text().$type<EventState>().notNull().default('open'),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('volunteer_events_starts_idx').on(t.tenantId, t.startsAt),
    index('volunteer_events_org_idx').on(t.tenantId, t.orgId),
  ],
);

export const volunteerSignups = pgTable(
  'volunteer_signups',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    eventId: uuid().notNull(),
    memberId: uuid().notNull(),
    orgId: uuid().notNull(),
    state: text().$type<SignupState>().notNull(),
    checkInAt: timestamp({ withTimezone: true }),
    checkInBy: text().$type<'qr' | 'organiser'>(),
    checkOutAt: timestamp({ withTimezone: true }),
    /** Check-out forgotten: closed at the event's end by the system, flagged for review. */
    autoClosed: boolean().notNull().default(false),
    minutes: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.eventId], foreignColumns: [volunteerEvents.tenantId, volunteerEvents.id] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    uniqueIndex('volunteer_signups_member_uq').on(t.tenantId, t.eventId, t.memberId),
    index('volunteer_signups_member_idx').on(t.tenantId, t.memberId),
  ],
);
