import { and, asc, eq, inArray } from 'drizzle-orm';
import { demoName } from '../../platform/demo-names.js';
import type { SeedContext } from '../../platform/module.js';
import { findUserIdsByUsername } from '../accounts/index.js';
import { orgUnits } from '../org-units/index.js';
import { instructorAssignments, instructors, instructorTrainings } from './instructors.table.js';

/** The report: 2018年面向社会公开招聘16名党建指导员. */
export const DEMO_INSTRUCTOR_COUNT = 16;

/** 16 instructors (the first is the `zhidaoyuan` login, 李明华), each with academy training and field practice, guiding the street's orgs round-robin. */
export async function seedInstructors(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  const userIds = await findUserIdsByUsername(db, tenantId, ['zhidaoyuan']);
  const guided = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['village', 'community', 'non_public', 'social_org'])))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
  const rows: (typeof instructors.$inferInsert)[] = [];
  const trainings: (typeof instructorTrainings.$inferInsert)[] = [];
  for (let i = 0; i < DEMO_INSTRUCTOR_COUNT; i++) {
    const id = crypto.randomUUID();
    rows.push({ tenantId, id, name: i === 0 ? '李明华' : demoName(random), userId: i === 0 ? (userIds.get('zhidaoyuan') ?? null) : null, hiredOn: '2018-03-15' });
    trainings.push(
      { tenantId, instructorId: id, kind: 'academy_course', title: '党建学院党建指导员集中培训', heldOn: '2018-03-26', hours: 40 },
      { tenantId, instructorId: id, kind: 'field_practice', title: '村（社区）党建实地锻炼', heldOn: '2018-04-16', hours: 80 },
    );
  }
  const assignments: (typeof instructorAssignments.$inferInsert)[] = guided.map((o, i) => ({ tenantId, instructorId: rows[i % DEMO_INSTRUCTOR_COUNT].id as string, orgId: o.id, since: '2018-05-01' }));
  // The demo instructor also guides 石寨村, so the tour journey has an org of theirs.
  const shizhai = guided.find((o) => o.name === '石寨村党总支');
  if (shizhai && !assignments.some((a) => a.orgId === shizhai.id && a.instructorId === rows[0].id)) {
    assignments.push({ tenantId, instructorId: rows[0].id as string, orgId: shizhai.id, since: '2018-05-01' });
  }
  await db.insert(instructors).values(rows);
  await db.insert(instructorTrainings).values(trainings);
  await db.insert(instructorAssignments).values(assignments);
}
