import { and, asc, eq, getTableName, inArray, sql, type Table } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import type { SeedContext } from '../../platform/module.js';
import { pick, randomInt } from '../../platform/random.js';
import { households } from '../households/households.table.js';
import { demoMemberOrder } from '../members/members.seed.js';
import { members } from '../members/members.table.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { pairings, pointEntries, pointRules, workClaims, type PointCategory } from './points.table.js';

/** The rules the street adopted with 《京城路街道党员“六个一”量化积分管理实施意见》 in June 2018. */
export const DEMO_RULES: Array<Omit<typeof pointRules.$inferInsert, 'tenantId'>> = [
  { category: 'visit', effectiveFrom: '2018-06-01', pointsPerItem: 2, capPerDay: 10, capPerMonth: 100, capPerYear: 1000, evidenceRequired: false, approvalRequired: true },
  { category: 'pairing', effectiveFrom: '2018-06-01', pointsPerItem: 3, capPerDay: 9, capPerMonth: 60, capPerYear: 600, evidenceRequired: false, approvalRequired: true },
  { category: 'dispute', effectiveFrom: '2018-06-01', pointsPerItem: 5, capPerDay: 10, capPerMonth: 50, capPerYear: 400, evidenceRequired: false, approvalRequired: true },
  { category: 'difficulty', effectiveFrom: '2018-06-01', pointsPerItem: 5, capPerDay: 10, capPerMonth: 50, capPerYear: 400, evidenceRequired: false, approvalRequired: true },
  { category: 'duty', effectiveFrom: '2018-06-01', pointsPerItem: 3, capPerDay: 6, capPerMonth: 60, capPerYear: 500, evidenceRequired: false, approvalRequired: false },
  { category: 'volunteer', effectiveFrom: '2018-06-01', pointsPerItem: 4, capPerDay: 8, capPerMonth: 80, capPerYear: 600, evidenceRequired: false, approvalRequired: false },
];

/** Demo history runs from the launch of the scheme (June 2018) to the end of November 2018. */
export const DEMO_FIRST_DAY = '2018-06-04';
export const DEMO_DAYS = 178;

export function demoDay(random: () => number, offset = 0): string {
  const d = new Date(Date.UTC(2018, 5, 4) + Math.min(DEMO_DAYS - 1, randomInt(random, 0, DEMO_DAYS - 1) + offset) * 86400000);
  return d.toISOString().slice(0, 10);
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Bulk insert for demo seeds: rows grouped by the keys they set (an omitted key takes the column's default), each
 * group sent as one jsonb parameter per 5,000 rows and expanded by jsonb_populate_recordset on the server, so a
 * large table costs a handful of round trips instead of one statement with thousands of bound parameters per 500 rows.
 */
export async function insertInBatches<T extends Record<string, unknown>>(db: Db, table: Table, rows: T[]): Promise<void> {
  const name = sql.identifier(getTableName(table));
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const keys = Object.keys(row)
      .filter((k) => row[k] !== undefined)
      .sort()
      .join(',');
    const group = groups.get(keys);
    if (group) group.push(row);
    else groups.set(keys, [row]);
  }
  for (const [keyList, group] of groups) {
    const keys = keyList.split(',');
    const columns = sql.raw(keys.map((k) => `"${snake(k)}"`).join(', '));
    for (let i = 0; i < group.length; i += 5000) {
      const payload = JSON.stringify(group.slice(i, i + 5000).map((r) => Object.fromEntries(keys.map((k) => [snake(k), r[k]]))));
      await db.execute(sql`insert into ${name} (${columns}) select ${columns} from jsonb_populate_recordset(null::${name}, ${payload}::jsonb)`);
    }
  }
}

export interface DemoMember {
  id: string;
  orgId: string;
  /** The village/community (or enterprise) unit at depth 1. */
  unitId: string;
}

/** Active members with their depth-1 unit, for the demo seeds of points, duty rosters and volunteer events. */
export async function loadDemoMembers(db: Db, tenantId: number): Promise<DemoMember[]> {
  const rows = await db
    .select({ id: members.id, orgId: members.orgId, path: orgUnits.path })
    .from(members)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgId)))
    .where(and(eq(members.tenantId, tenantId), eq(members.state, 'active')))
    .orderBy(asc(orgUnits.name), ...demoMemberOrder());
  return rows.map((r) => ({ id: r.id, orgId: r.orgId, unitId: r.path.split('/').filter(Boolean)[1] ?? r.orgId }));
}

export async function demoRuleIds(db: Db, tenantId: number): Promise<Map<PointCategory, string>> {
  const rows = await db.select({ id: pointRules.id, category: pointRules.category }).from(pointRules).where(eq(pointRules.tenantId, tenantId));
  return new Map(rows.map((r) => [r.category, r.id]));
}

const visitNotes = ['入户了解家庭情况，宣传安全用电常识', '排查燃气使用安全，无隐患', '了解老人身体状况，登记就医需求', '宣传创文创卫政策，收集意见建议', '核实低保家庭人口变化情况', '走访了解孩子入学困难'];
const helpNotes = ['帮助代购生活用品', '陪同到社区卫生服务站体检', '帮助联系维修漏水水管', '送去米面油慰问品', '辅导孩子功课', '协助办理医保报销'];
const disputeNotes = ['邻里因漏水引发纠纷，协调维修后双方和解', '宅基地边界争议，召集双方现场调解', '因停车问题发生口角，协商划定车位', '赡养老人纠纷，经调解签订赡养协议'];
const difficultyNotes = ['为独居老人解决冬季取暖问题', '帮助困难家庭申请临时救助', '协调解决小区路灯不亮问题', '帮助残疾人办理残疾证'];

/**
 * The 2018 history behind the report's figures: 6,250余户 visited, 2,820余户 paired, disputes and difficulties,
 * each approved claim posted to the ledger; a few claims pending in 石寨村 for the secretary's queue.
 */
export async function seedPoints(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  await db.insert(pointRules).values(DEMO_RULES.map((r) => ({ ...r, tenantId, note: '《京城路街道党员“六个一”量化积分管理实施意见》' })));
  const rules = await demoRuleIds(db, tenantId);
  const ruleId = (c: PointCategory) => rules.get(c) ?? '';
  const points = new Map(DEMO_RULES.map((r) => [r.category, r.pointsPerItem]));
  const demoMembers = await loadDemoMembers(db, tenantId);
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['village', 'community'])));
  const unitIds = new Set(units.map((u) => u.id));
  // Ordered by address, not by (random) id, so the same households are drawn every run and people served is stable.
  const allHouseholds = await db.select({ id: households.id, orgId: households.orgId, size: households.size }).from(households).where(eq(households.tenantId, tenantId)).orderBy(households.address, households.headName, households.size);
  const membersByUnit = new Map<string, DemoMember[]>();
  const roaming: DemoMember[] = [];
  for (const m of demoMembers) {
    if (unitIds.has(m.unitId)) membersByUnit.set(m.unitId, [...(membersByUnit.get(m.unitId) ?? []), m]);
    else roaming.push(m);
  }
  const memberFor = (householdOrg: string) => {
    const local = membersByUnit.get(householdOrg) ?? [];
    return roaming.length && (local.length === 0 || random() < 0.06) ? pick(random, roaming) : pick(random, local);
  };
  const [shizhaiBranch] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.name, '石寨村第一党支部')));

  const claims: (typeof workClaims.$inferInsert)[] = [];
  const pairRows: (typeof pairings.$inferInsert)[] = [];
  const used = new Set<string>();
  const addClaim = (m: DemoMember, category: Exclude<PointCategory, 'duty' | 'volunteer'>, day: string, householdId: string | null, summary: string, beneficiaries: number, extra: Partial<typeof workClaims.$inferInsert> = {}) => {
    const key = `${m.id}|${category}|${householdId}|${day}`;
    if (householdId && used.has(key)) return;
    used.add(key);
    claims.push({
      tenantId,
      id: crypto.randomUUID(),
      memberId: m.id,
      orgId: m.orgId,
      category,
      occurredOn: day,
      occurredAt: new Date(`${day}T${String(randomInt(random, 8, 17)).padStart(2, '0')}:30:00+08:00`),
      householdId,
      summary,
      beneficiaryCount: beneficiaries,
      state: 'approved',
      ruleId: ruleId(category),
      points: points.get(category) ?? 0,
      decidedAt: new Date(`${day}T20:00:00+08:00`),
      decisionReason: '情况属实',
      ...extra,
    });
  };

  // 排查走访: 6,262 distinct households, some visited twice.
  const shuffled = [...allHouseholds].sort(() => random() - 0.5);
  const visited = shuffled.slice(0, 6262);
  for (const h of visited) {
    const m = memberFor(h.orgId);
    if (!m) continue;
    const day = demoDay(random);
    addClaim(m, 'visit', day, h.id, pick(random, visitNotes), 1, { details: { findings: '无异常' } });
    if (random() < 0.08) addClaim(m, 'visit', demoDay(random, 7), h.id, pick(random, visitNotes), 1);
  }
  // 结对帮扶: 2,826 pairs, each with one or two helps given.
  for (const h of visited.slice(0, 2826)) {
    const m = memberFor(h.orgId);
    if (!m) continue;
    const start = demoDay(random);
    const pairingId = crypto.randomUUID();
    pairRows.push({ tenantId, id: pairingId, memberId: m.id, householdId: h.id, orgId: m.orgId, startedOn: start });
    addClaim(m, 'pairing', start, h.id, pick(random, helpNotes), h.size, { pairingId });
    if (random() < 0.35) addClaim(m, 'pairing', demoDay(random, 10) > start ? demoDay(random, 10) : start, h.id, pick(random, helpNotes), h.size, { pairingId });
  }
  // 化解矛盾 and 解决困难.
  for (let i = 0; i < 330; i++) {
    const h = pick(random, allHouseholds);
    const m = memberFor(h.orgId);
    if (m) addClaim(m, 'dispute', demoDay(random), h.id, pick(random, disputeNotes), 2, { details: { parties: '双方当事人', outcome: '调解成功' } });
  }
  for (let i = 0; i < 420; i++) {
    const h = pick(random, allHouseholds);
    const m = memberFor(h.orgId);
    if (m) addClaim(m, 'difficulty', demoDay(random), h.id, pick(random, difficultyNotes), h.size, { details: { who: '户主', solved: '已解决' } });
  }
  // The secretary's queue: recent claims from 石寨村第一党支部 still pending, one sent back.
  const shizhai = demoMembers.filter((m) => m.orgId === shizhaiBranch?.id);
  const shizhaiHouseholds = allHouseholds.filter((h) => shizhai[0] && h.orgId === shizhai[0].unitId);
  for (let i = 0; i < 12 && shizhai.length && shizhaiHouseholds.length; i++) {
    const m = shizhai[(i % (shizhai.length - 1)) + 1] ?? shizhai[0];
    const day = `2018-11-${String(20 + (i % 10)).padStart(2, '0')}`;
    addClaim(m, i % 3 === 0 ? 'pairing' : 'visit', day, shizhaiHouseholds[i * 7 % shizhaiHouseholds.length].id, pick(random, visitNotes), 1, {
      state: i === 11 ? 'rejected' : 'pending',
      decidedAt: i === 11 ? new Date('2018-11-30T10:00:00+08:00') : null,
      decisionReason: i === 11 ? '照片与住户不符，请补充材料' : null,
    });
  }
  // Pending pairing claims need their pairing rows (formed on first claim).
  const pairByKey = new Map(pairRows.map((p) => [`${p.memberId}|${p.householdId}`, p.id ?? '']));
  for (const c of claims) {
    if (c.category !== 'pairing' || c.pairingId || !c.householdId) continue;
    const key = `${c.memberId}|${c.householdId}`;
    let pairingId = pairByKey.get(key);
    if (!pairingId) {
      pairingId = crypto.randomUUID();
      pairByKey.set(key, pairingId);
      pairRows.push({ tenantId, id: pairingId, memberId: c.memberId, householdId: c.householdId, orgId: c.orgId, startedOn: c.occurredOn });
    }
    c.pairingId = pairingId;
  }

  await insertInBatches(db, pairings, pairRows);
  await insertInBatches(db, workClaims, claims);
  const entries = claims
    .filter((c) => c.state === 'approved')
    .map((c) => ({
      tenantId,
      memberId: c.memberId,
      orgId: c.orgId,
      category: c.category,
      occurredOn: c.occurredOn,
      points: c.points,
      sourceKind: 'claim',
      sourceId: c.id ?? '',
      ruleId: c.ruleId,
      note: `申报通过：${c.summary}`,
    }));
  await insertInBatches(db, pointEntries, entries);
  ctx.log(`    points: ${claims.length} claims, ${pairRows.length} pairings, ${entries.length} ledger entries`);
}

