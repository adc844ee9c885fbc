import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

/** 党建指导员: a plain record, linked to a login when the instructor has one. */
export const instructors = pgTable(
  'instructors',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    userId: uuid(),
    hiredOn: date({ mode: 'string' }),
    status: text().$type<'active' | 'left'>().notNull().default('active'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('instructors_user_idx').on(t.tenantId, t.userId)],
);

export const trainingKinds = ['academy_course', 'field_practice'] as const;
export type TrainingKind = (typeof trainingKinds)[number];

/** 培训记录: 党建学院 courses and field practice. */
export const instructorTrainings = pgTable(
  'instructor_trainings',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    instructorId: uuid().notNull(),
    kind: text().$type<TrainingKind>().notNull(),
    title: text().notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    hours: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.instructorId], foreignColumns: [instructors.tenantId, instructors.id] }),
    index('instructor_trainings_instructor_idx').on(t.tenantId, t.instructorId),
  ],
);

/** Which orgs an instructor guides. */
export const instructorAssignments = pgTable(
  'instructor_assignments',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    instructorId: uuid().notNull(),
    orgId: uuid().notNull(),
    since: date({ mode: 'string' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.instructorId], foreignColumns: [instructors.tenantId, instructors.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('instructor_assignments_uq').on(t.tenantId, t.instructorId, t.orgId),
    index('instructor_assignments_org_idx').on(t.tenantId, t.orgId),
  ],
);
