import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SeedContext } from '../../platform/module.js';
import { randomInt } from '../../platform/random.js';
import { findUserIdsByUsername } from '../accounts/index.js';
import { orgUnits } from '../org-units/index.js';
import { rectificationItems } from '../rectification/rectification.table.js';
import { tourChecklists, tourFindings, tours, tourStops, type TourChecklistItem } from './tours.table.js';

export const DEMO_TOUR_CHECKLIST: TourChecklistItem[] = [
  { key: 'position', label: '阵地建设', maxScore: 20 },
  { key: 'organisation', label: '组织建设', maxScore: 20 },
  { key: 'members', label: '党员管理', maxScore: 20 },
  { key: 'rules', label: '制度落实', maxScore: 20 },
  { key: 'records', label: '台账资料', maxScore: 20 },
];

const findingTexts = ['党员活动室标识不规范', '三会一课记录不完整', '党务公开栏未及时更新', '党员积分台账缺少佐证材料', '夜间亮化设施损坏', '发展党员档案材料不全'];

/**
 * 2018年逐村（社区）观摩: a completed tour of the 8 villages and 13 communities, scored, with findings
 * in the rectification ledger (most closed); and a planned follow-up tour for the demo instructor.
 */
export async function seedTours(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  const users = await findUserIdsByUsername(db, tenantId, ['zhidaoyuan']);
  const instructorId = users.get('zhidaoyuan') ?? null;
  const [committee] = await db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'street_committee')));
  const units = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['village', 'community'])))
    .orderBy(asc(orgUnits.kind), asc(orgUnits.sortOrder));
  const checklistId = crypto.randomUUID();
  await db.insert(tourChecklists).values({ tenantId, id: checklistId, name: '村（社区）党建阵地观摩评分表', items: DEMO_TOUR_CHECKLIST });

  const tourId = crypto.randomUUID();
  await db.insert(tours).values({
    tenantId,
    id: tourId,
    orgId: committee.id,
    title: '2018年逐村（社区）党建观摩',
    checklistId,
    plannedOn: '2018-07-18',
    state: 'completed',
    createdBy: instructorId,
    completedAt: new Date('2018-07-20T10:00:00Z'),
  });
  const stops: (typeof tourStops.$inferInsert)[] = [];
  const findings: (typeof tourFindings.$inferInsert)[] = [];
  const items: (typeof rectificationItems.$inferInsert)[] = [];
  units.forEach((u, i) => {
    const scores = Object.fromEntries(DEMO_TOUR_CHECKLIST.map((c) => [c.key, randomInt(random, 14, c.maxScore)]));
    const total = Object.values(scores).reduce((a, b) => a + b, 0);
    const stopId = crypto.randomUUID();
    stops.push({ tenantId, id: stopId, tourId, orgId: u.id, seq: i + 1, scores, totalScore: total, comment: total >= 90 ? '阵地规范，台账齐全' : '基础较好，细节有待提升', scoredBy: instructorId, scoredAt: new Date('2018-07-18T03:00:00Z') });
    if (total < 92 || i % 4 === 0) {
      const findingId = crypto.randomUUID();
      const title = findingTexts[i % findingTexts.length];
      const itemId = crypto.randomUUID();
      const closed = i % 5 !== 1;
      findings.push({ tenantId, id: findingId, tourId, stopId, orgId: u.id, title, responsibleName: `${u.name.replace(/党总支$/, '')}党支部书记`, rectificationItemId: itemId, createdBy: instructorId, createdAt: new Date('2018-07-18T04:00:00Z') });
      items.push({
        tenantId,
        id: itemId,
        sourceKind: 'tour_finding',
        sourceId: findingId,
        orgId: u.id,
        title,
        responsibleName: `${u.name.replace(/党总支$/, '')}党支部书记`,
        state: closed ? 'closed' : 'rectifying',
        startedAt: new Date('2018-07-18T04:00:00Z'),
        deadline: '2018-08-17',
        deadlineWorkingDays: 22,
        closedAt: closed ? new Date('2018-08-10T08:00:00Z') : null,
        closedOnTime: closed ? true : null,
        createdBy: instructorId,
        createdAt: new Date('2018-07-18T04:00:00Z'),
      });
    }
  });
  await db.insert(tourStops).values(stops);
  if (items.length) await db.insert(rectificationItems).values(items);
  if (findings.length) await db.insert(tourFindings).values(findings);

  // A planned follow-up (回头看) tour of three villages, left for the demo instructor to score.
  const followUp = crypto.randomUUID();
  await db.insert(tours).values({ tenantId, id: followUp, orgId: committee.id, title: '2018年第四季度观摩回头看', checklistId, plannedOn: '2018-11-20', state: 'planned', createdBy: instructorId });
  const villages = units.filter((u) => u.kind === 'village').slice(0, 3);
  await db.insert(tourStops).values(villages.map((u, i) => ({ tenantId, tourId: followUp, orgId: u.id, seq: i + 1 })));
}
