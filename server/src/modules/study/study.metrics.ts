import { and, asc, eq, gte, lte, ne, sql } from 'drizzle-orm';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';
import { members } from '../members/members.table.js';
import { orgUnits, underPath } from '../org-units/index.js';
import { sessionAttendance, spotCheckDraws, spotCheckPicks, studySessions } from './study.table.js';

function sessionsWhere(scope: MetricScope) {
  return and(eq(studySessions.tenantId, scope.tenantId), gte(studySessions.heldOn, scope.from), lte(studySessions.heldOn, scope.to), underPath(scope.tenantId, scope.orgPath, studySessions.orgId));
}

/** A draw counts in the period its quarter ends in. */
function drawQuarterEnd() {
  return sql`(make_date(${spotCheckDraws.year}, ${spotCheckDraws.quarter} * 3, 1) + interval '1 month' - interval '1 day')::date`;
}

function checkedWhere(scope: MetricScope) {
  return and(
    eq(spotCheckPicks.tenantId, scope.tenantId),
    ne(spotCheckPicks.result, 'pending'),
    sql`${drawQuarterEnd()} between ${scope.from}::date and ${scope.to}::date`,
    underPath(scope.tenantId, scope.orgPath, spotCheckDraws.orgId),
  );
}

function sessionRows(scope: MetricScope) {
  return scope.db
    .select({
      title: studySessions.title,
      orgName: orgUnits.name,
      heldOn: studySessions.heldOn,
      expected: studySessions.expectedCount,
      attended: sql<number>`(select count(*)::int from ${sessionAttendance} a where a.tenant_id = study_sessions.tenant_id and a.session_id = study_sessions.id)`,
    })
    .from(studySessions)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, studySessions.tenantId), eq(orgUnits.id, studySessions.orgId)))
    .where(sessionsWhere(scope))
    .orderBy(asc(studySessions.heldOn), asc(orgUnits.path));
}

function checkedRows(scope: MetricScope) {
  return scope.db
    .select({ memberName: members.name, orgName: orgUnits.name, year: spotCheckDraws.year, quarter: spotCheckDraws.quarter, result: spotCheckPicks.result, comment: spotCheckPicks.comment })
    .from(spotCheckPicks)
    .innerJoin(spotCheckDraws, and(eq(spotCheckDraws.tenantId, spotCheckPicks.tenantId), eq(spotCheckDraws.id, spotCheckPicks.drawId)))
    .innerJoin(members, and(eq(members.tenantId, spotCheckPicks.tenantId), eq(members.id, spotCheckPicks.memberId)))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, spotCheckDraws.tenantId), eq(orgUnits.id, spotCheckDraws.orgId)))
    .where(checkedWhere(scope))
    .orderBy(asc(orgUnits.path), asc(spotCheckPicks.seq));
}

const pct = (n: number, d: number) => (d ? Math.round((n * 1000) / d) / 10 : 0);
const pageOf = <T>(rows: T[], page: { page: number; pageSize: number }) => rows.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);

const sessionColumns = [
  { key: 'orgName', title: '组织' },
  { key: 'title', title: '学习活动' },
  { key: 'heldOn', title: '日期' },
  { key: 'attended', title: '参加人数' },
  { key: 'expected', title: '应到人数' },
];
const checkColumns = [
  { key: 'orgName', title: '支部' },
  { key: 'memberName', title: '党员' },
  { key: 'quarter', title: '季度' },
  { key: 'result', title: '结果' },
  { key: 'comment', title: '审阅意见' },
];
const resultLabel = { pass: '合格', fail: '不合格', pending: '待审阅' } as const;

export const studyMetrics: MetricDefinition[] = [
  {
    id: 'study.sessions',
    name: '集中学习活动',
    definition: '期间内各支部及街道登记的集中收看、党课、外出培训次数',
    unit: '次',
    version: 1,
    kind: 'count',
    group: '两学一做',
    async compute(scope) {
      const [row] = await scope.db.select({ n: sql<number>`count(*)::int` }).from(studySessions).where(sessionsWhere(scope));
      return { value: row?.n ?? 0 };
    },
    async records(scope, page) {
      const rows = await sessionRows(scope);
      return { columns: sessionColumns, items: pageOf(rows, page), total: rows.length };
    },
  },
  {
    id: 'study.attendance_rate',
    name: '集中学习参学率',
    definition: '期间内学习活动实到人次 ÷ 应到人次（应到 = 活动时该组织在册党员数）',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: '两学一做',
    recordsGrouped: { numeratorKey: 'attended', denominatorKey: 'expected' },
    async compute(scope) {
      const rows = await sessionRows(scope);
      const n = rows.reduce((a, r) => a + r.attended, 0);
      const d = rows.reduce((a, r) => a + r.expected, 0);
      return { value: pct(n, d), numerator: n, denominator: d };
    },
    async records(scope, page) {
      const rows = await sessionRows(scope);
      return { columns: sessionColumns, items: pageOf(rows, page), total: rows.length };
    },
  },
  {
    id: 'study.notes_checked',
    name: '抽查学习笔记',
    definition: '季度末抽查三分之一党员学习笔记，已审阅的人数（按季度末日期计入期间）',
    unit: '人次',
    version: 1,
    kind: 'count',
    group: '两学一做',
    async compute(scope) {
      const rows = await checkedRows(scope);
      return { value: rows.length };
    },
    async records(scope, page) {
      const rows = (await checkedRows(scope)).map((r) => ({ ...r, quarter: `${r.year}年第${r.quarter}季度`, result: resultLabel[r.result] }));
      return { columns: checkColumns, items: pageOf(rows, page), total: rows.length };
    },
  },
  {
    id: 'study.notes_pass_rate',
    name: '学习笔记抽查合格率',
    definition: '已审阅的抽查对象中合格的比例',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: '两学一做',
    async compute(scope) {
      const rows = await checkedRows(scope);
      const n = rows.filter((r) => r.result === 'pass').length;
      return { value: pct(n, rows.length), numerator: n, denominator: rows.length };
    },
    async records(scope, page) {
      const rows = (await checkedRows(scope)).filter((r) => r.result === 'pass').map((r) => ({ ...r, quarter: `${r.year}年第${r.quarter}季度`, result: resultLabel[r.result] }));
      return { columns: checkColumns, items: pageOf(rows, page), total: rows.length };
    },
  },
];
