import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members } from '../members/members.table.js';
import { orgUnits } from '../org-units/org-units.table.js';

export const shiftStates = ['open', 'cancelled'] as const;
export type ShiftState = (typeof shiftStates)[number];
export const assignmentStates = ['signed_up', 'checked_in', 'completed', 'cancelled'] as const;
export type AssignmentState = (typeof assignmentStates)[number];

/** 轮岗值班: a shift published by the street or a branch, with a place, a time and a number of slots. */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** The publishing unit: members in its subtree may sign up. */
    orgId: uuid().notNull(),
    title: text().notNull(),
    place: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    slots: integer().notNull(),
    state: text().$type<ShiftState>().notNull().default('open'),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('duty_shifts_starts_idx').on(t.tenantId, t.startsAt),
    index('duty_shifts_org_idx').on(t.tenantId, t.orgId),
  ],
);

export const dutyAssignments = pgTable(
  'duty_assignments',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    shiftId: uuid().notNull(),
    memberId: uuid().notNull(),
    /** The member's branch. */
    orgId: uuid().notNull(),
    source: text().$type<'signup' | 'assigned'>().notNull(),
    state: text().$type<AssignmentState>().notNull().default('signed_up'),
    checkInAt: timestamp({ withTimezone: true }),
    checkOutAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.shiftId], foreignColumns: [dutyShifts.tenantId, dutyShifts.id] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    uniqueIndex('duty_assignments_member_uq').on(t.tenantId, t.shiftId, t.memberId),
    index('duty_assignments_member_idx').on(t.tenantId, t.memberId),
  ],
);
