import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';
import { orgUnits, underPath } from '../org-units/index.js';
import { rectificationItems } from '../rectification/rectification.table.js';
import { disciplineRecords, feedbackItems, supervisorAssignments } from './discipline.table.js';

const kindLabels = { admonishment: '诫勉谈话', warning: '警告', serious_warning: '严重警告', removal_from_post: '撤销党内职务', probation: '留党察看', expulsion: '开除党籍' } as const;

function recordsWhere(scope: MetricScope) {
  return and(eq(disciplineRecords.tenantId, scope.tenantId), gte(disciplineRecords.decidedOn, scope.from), lte(disciplineRecords.decidedOn, scope.to), underPath(scope.tenantId, scope.orgPath, disciplineRecords.orgId));
}

/** Feedback items due in the period (deadline within it). */
function dueRows(scope: MetricScope) {
  return scope.db
    .select({ problem: feedbackItems.problem, orgName: orgUnits.name, deadline: rectificationItems.deadline, state: rectificationItems.state, closedOnTime: rectificationItems.closedOnTime })
    .from(feedbackItems)
    .innerJoin(rectificationItems, and(eq(rectificationItems.tenantId, feedbackItems.tenantId), eq(rectificationItems.id, feedbackItems.rectificationItemId)))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, feedbackItems.tenantId), eq(orgUnits.id, feedbackItems.orgId)))
    .where(and(eq(feedbackItems.tenantId, scope.tenantId), gte(rectificationItems.deadline, scope.from), lte(rectificationItems.deadline, scope.to), underPath(scope.tenantId, scope.orgPath, feedbackItems.orgId)))
    .orderBy(asc(rectificationItems.deadline), asc(orgUnits.path));
}

const coveredKinds = ['street_committee', 'village', 'community'] as const;
function coverageRows(scope: MetricScope) {
  return scope.db
    .select({ orgName: orgUnits.name, supervisorName: supervisorAssignments.supervisorName })
    .from(orgUnits)
    .leftJoin(supervisorAssignments, and(eq(supervisorAssignments.tenantId, orgUnits.tenantId), eq(supervisorAssignments.orgId, orgUnits.id)))
    .where(and(eq(orgUnits.tenantId, scope.tenantId), eq(orgUnits.status, 'active'), inArray(orgUnits.kind, [...coveredKinds]), sql`${orgUnits.path} like ${scope.orgPath + '%'}`))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.sortOrder));
}

const pct = (n: number, d: number) => (d ? Math.round((n * 1000) / d) / 10 : 0);
const pageOf = <T>(rows: T[], page: { page: number; pageSize: number }) => rows.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);

export const disciplineMetrics: MetricDefinition[] = [
  {
    id: 'discipline.members_disciplined',
    name: '违规违纪党员处理',
    definition: '期间内作出处理决定的违规违纪党员人数（按处理日期；明细不显示姓名）',
    unit: '名',
    version: 1,
    kind: 'count',
    group: '从严治党',
    reported: { value: 7, text: '今年以来，7名违规违纪党员接受了不同程度的处理' },
    async compute(scope) {
      const [row] = await scope.db.select({ n: sql<number>`count(distinct ${disciplineRecords.memberId})::int` }).from(disciplineRecords).where(recordsWhere(scope));
      return { value: row?.n ?? 0 };
    },
    async records(scope, page) {
      const rows = await scope.db
        .select({ orgName: orgUnits.name, decidedOn: disciplineRecords.decidedOn, kind: disciplineRecords.kind })
        .from(disciplineRecords)
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, disciplineRecords.tenantId), eq(orgUnits.id, disciplineRecords.orgId)))
        .where(recordsWhere(scope))
        .orderBy(asc(disciplineRecords.decidedOn));
      return {
        columns: [{ key: 'orgName', title: '所在支部' }, { key: 'decidedOn', title: '处理日期' }, { key: 'kind', title: '处理方式' }],
        items: pageOf(rows.map((r) => ({ ...r, kind: kindLabels[r.kind] })), page),
        total: rows.length,
      };
    },
  },
  {
    id: 'discipline.feedback_closed_on_time',
    name: '巡视反馈问题按期整改率',
    definition: '整改期限在期间内的巡视反馈问题中，在期限内销号的比例（按期整改率 = 按期销号数 ÷ 到期数）',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: '从严治党',
    async compute(scope) {
      const rows = await dueRows(scope);
      const n = rows.filter((r) => r.state === 'closed' && r.closedOnTime === true).length;
      return { value: pct(n, rows.length), numerator: n, denominator: rows.length };
    },
    async records(scope, page) {
      const rows = (await dueRows(scope)).filter((r) => r.state === 'closed' && r.closedOnTime === true);
      return { columns: [{ key: 'orgName', title: '责任单位' }, { key: 'problem', title: '问题' }, { key: 'deadline', title: '整改期限' }], items: pageOf(rows.map(({ orgName, problem, deadline }) => ({ orgName, problem, deadline })), page), total: rows.length };
    },
  },
  {
    id: 'discipline.supervision_coverage',
    name: '纪检监察覆盖率',
    definition: '街道机关和各村（社区）中已派驻监察专员的比例',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: '从严治党',
    async compute(scope) {
      const rows = await coverageRows(scope);
      const n = rows.filter((r) => r.supervisorName !== null).length;
      return { value: pct(n, rows.length), numerator: n, denominator: rows.length };
    },
    async records(scope, page) {
      const rows = (await coverageRows(scope)).filter((r) => r.supervisorName !== null);
      return { columns: [{ key: 'orgName', title: '单位' }, { key: 'supervisorName', title: '监察专员' }], items: pageOf(rows, page), total: rows.length };
    },
  },
];
