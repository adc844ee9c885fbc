import { and, asc, eq, inArray } from 'drizzle-orm';
import { demoName } from '../../platform/demo-names.js';
import type { SeedContext } from '../../platform/module.js';
import { demoMemberOrder } from '../members/members.seed.js';
import { members } from '../members/members.table.js';
import { orgUnits } from '../org-units/index.js';
import { rectificationItems } from '../rectification/rectification.table.js';
import { disciplineRecords, feedbackItems, supervisorAssignments, type DisciplineKind } from './discipline.table.js';

/** The report: 今年以来，7名违规违纪党员接受了不同程度的处理. */
export const DEMO_DISCIPLINE_COUNT = 7;

const problems: Array<[string, string]> = [
  ['“三会一课”制度落实不到位', '制定学习计划，按月检查会议记录'],
  ['村级财务公开不及时', '按季度公开财务收支，设立公开栏'],
  ['党员发展程序不规范', '重新梳理发展党员流程，补齐档案材料'],
  ['落实中央八项规定精神不严格', '开展专项清查，建立公务接待台账'],
  ['基层党组织换届材料不全', '补充换届选举资料并归档'],
  ['集体资产管理制度不完善', '完善集体资产登记和处置制度'],
  ['党风廉政建设责任制压得不实', '签订责任书，开展廉政谈话'],
  ['村务监督委员会作用发挥不充分', '明确监督职责，按月开展监督'],
  ['惠民资金发放公示不规范', '建立发放台账并张榜公示'],
  ['软弱涣散党组织整顿成效不明显', '派驻指导员驻村帮扶整顿'],
  ['党费收缴不及时', '按月收缴并公示党费'],
  ['整改台账资料不完整', '统一台账格式，逐项销号'],
];

const kinds: DisciplineKind[] = ['warning', 'warning', 'serious_warning', 'admonishment', 'removal_from_post', 'probation', 'warning'];

/** Inspection feedback items (most closed on time, one late, one still open), 7 discipline records, supervisors for every unit. */
export async function seedDiscipline(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  const units = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['street_committee', 'village', 'community'])))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.sortOrder));
  const feedback: (typeof feedbackItems.$inferInsert)[] = [];
  const items: (typeof rectificationItems.$inferInsert)[] = [];
  problems.forEach(([problem, measures], i) => {
    const org = units[(i * 2) % units.length];
    const id = crypto.randomUUID();
    const itemId = crypto.randomUUID();
    const state = i === 11 ? 'rectifying' : 'closed';
    const late = i === 10;
    const responsibleName = `${org.name.replace(/党总支$|党工委$/, '')}书记`;
    feedback.push({ tenantId, id, inspection: '2018年荥阳市委第二巡察组巡察反馈', problem, measures, orgId: org.id, responsibleName, deadline: '2018-09-30', rectificationItemId: itemId, createdAt: new Date('2018-06-20T02:00:00Z') });
    items.push({
      tenantId,
      id: itemId,
      sourceKind: 'inspection_feedback',
      sourceId: id,
      orgId: org.id,
      title: problem,
      measures,
      responsibleName,
      state,
      startedAt: new Date('2018-06-20T02:00:00Z'),
      deadline: '2018-09-30',
      closedAt: state === 'closed' ? new Date(late ? '2018-10-15T02:00:00Z' : '2018-09-20T02:00:00Z') : null,
      closedOnTime: state === 'closed' ? !late : null,
      createdAt: new Date('2018-06-20T02:00:00Z'),
    });
  });
  await db.insert(rectificationItems).values(items);
  await db.insert(feedbackItems).values(feedback);

  const pool = await db.select({ id: members.id, orgId: members.orgId }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.state, 'active'))).orderBy(...demoMemberOrder());
  const picked = new Set<number>();
  while (picked.size < DEMO_DISCIPLINE_COUNT && picked.size < pool.length) picked.add(Math.floor(random() * pool.length));
  await db.insert(disciplineRecords).values(
    [...picked].map((idx, i) => ({
      tenantId,
      memberId: pool[idx].id,
      orgId: pool[idx].orgId,
      decidedOn: `2018-${String(3 + i).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`,
      kind: kinds[i],
      outcome: '经街道纪工委研究，依据《中国共产党纪律处分条例》给予处理',
    })),
  );
  await db.insert(supervisorAssignments).values(units.map((u) => ({ tenantId, orgId: u.id, supervisorName: demoName(random), since: '2018-04-01' })));
}
