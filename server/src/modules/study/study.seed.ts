import { and, asc, eq } from 'drizzle-orm';
import type { SeedContext } from '../../platform/module.js';
import { randomInt } from '../../platform/random.js';
import { demoMemberOrder } from '../members/members.seed.js';
import { members } from '../members/members.table.js';
import { orgUnits } from '../org-units/index.js';
import { drawSample } from './spot-check.draw.js';
import { sessionAttendance, spotCheckDraws, spotCheckPicks, studyNotes, studyPlans, studySessions } from './study.table.js';

async function insertBatched<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/**
 * 两学一做 2018: the street's study plan; every branch's 集中收看《平语近人》《榜样》 with attendance;
 * the September 浙江大学 training; members' notes in Q3; the Q3 spot check drawn and mostly reviewed.
 */
export async function seedStudy(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  const [committee] = await db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'street_committee')));
  const planId = crypto.randomUUID();
  await db.insert(studyPlans).values({
    tenantId,
    id: planId,
    orgId: committee.id,
    title: '京城路街道2018年“两学一做”学习教育计划',
    period: '2018年',
    topics: ['党的十九大精神', '习近平新时代中国特色社会主义思想', '《习近平谈治国理政》'],
    materials: ['《平语近人》专题节目', '《榜样》专题节目', '《中国共产党章程》', '《习近平谈治国理政》第二卷'],
    startsOn: '2018-01-01',
    endsOn: '2018-12-31',
  });
  const branches = await db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'branch'))).orderBy(asc(orgUnits.name));
  const all = await db.select({ id: members.id, orgId: members.orgId, posts: members.posts }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.state, 'active')))
    .orderBy(...demoMemberOrder());
  const groups = await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.tenantId, tenantId));
  const pathOf = new Map(groups.map((g) => [g.id, g.path]));

  const sessions: (typeof studySessions.$inferInsert)[] = [];
  const attendance: (typeof sessionAttendance.$inferInsert)[] = [];
  const notes: (typeof studyNotes.$inferInsert)[] = [];
  const draws: (typeof spotCheckDraws.$inferInsert)[] = [];
  const picks: (typeof spotCheckPicks.$inferInsert)[] = [];
  const viewings = [
    { title: '集中收看《平语近人》', heldOn: '2018-04-12', kind: 'group_viewing' as const },
    { title: '集中收看《榜样3》', heldOn: '2018-08-16', kind: 'group_viewing' as const },
    { title: '七一专题党课', heldOn: '2018-06-29', kind: 'party_lecture' as const },
  ];
  for (const b of branches) {
    const pool = all.filter((m) => (pathOf.get(m.orgId) ?? '').startsWith(b.path)).map((m) => m.id);
    if (pool.length === 0) continue;
    for (const v of viewings) {
      const id = crypto.randomUUID();
      sessions.push({ tenantId, id, orgId: b.id, planId, kind: v.kind, title: v.title, heldOn: v.heldOn, expectedCount: pool.length });
      for (const m of pool) if (random() < 0.88) attendance.push({ tenantId, sessionId: id, memberId: m });
    }
    const writers = new Set<string>();
    for (const m of pool) {
      if (random() < 0.85) {
        writers.add(m);
        const n = randomInt(random, 1, 3);
        for (let k = 0; k < n; k++) {
          notes.push({ tenantId, memberId: m, orgId: b.id, planId, writtenOn: `2018-${String(randomInt(random, 7, 9)).padStart(2, '0')}-${String(randomInt(random, 1, 28)).padStart(2, '0')}`, content: '学习党的十九大精神心得：坚定理想信念，立足岗位做好为民服务。' });
        }
      }
    }
    const seed = randomInt(random, 1, 2 ** 31 - 2);
    const outcome = drawSample({ seed, pool, covered: [], cycle: 1 });
    const drawId = crypto.randomUUID();
    draws.push({ tenantId, id: drawId, orgId: b.id, year: 2018, quarter: 3, seed, poolMemberIds: pool, coveredMemberIds: [], cycle: 1, sampleSize: outcome.sampleSize, drawnAt: new Date('2018-09-28T02:00:00Z') });
    outcome.picks.forEach((p, i) => {
      const had = writers.has(p.memberId);
      const reviewed = !b.name.startsWith('石寨村第一') || i > 1; // leave two for the demo secretary to check
      picks.push({
        tenantId,
        drawId,
        memberId: p.memberId,
        cycle: p.cycle,
        seq: i + 1,
        result: reviewed ? (had ? 'pass' : 'fail') : 'pending',
        comment: reviewed ? (had ? '笔记内容完整' : '未见学习笔记') : null,
        checkedAt: reviewed ? new Date('2018-10-08T02:00:00Z') : null,
        hadNotes: reviewed ? had : null,
      });
    });
  }
  // 9月分两批赴杭州浙江大学专题培训 (street officials and village/community heads).
  const officials = all.filter((m) => m.posts.includes('书记') || m.posts.includes('组织委员'));
  const tripId = crypto.randomUUID();
  sessions.push({ tenantId, id: tripId, orgId: committee.id, planId, kind: 'training_trip', title: '赴浙江大学“党的建设高质量推动经济发展高质量”专题培训', heldOn: '2018-09-17', expectedCount: officials.length });
  for (const m of officials) attendance.push({ tenantId, sessionId: tripId, memberId: m.id });
  await insertBatched(sessions, (b) => db.insert(studySessions).values(b));
  await insertBatched(attendance, (b) => db.insert(sessionAttendance).values(b));
  await insertBatched(notes, (b) => db.insert(studyNotes).values(b));
  await insertBatched(draws, (b) => db.insert(spotCheckDraws).values(b));
  await insertBatched(picks, (b) => db.insert(spotCheckPicks).values(b));
}
