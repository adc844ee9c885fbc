import { and, eq, inArray } from 'drizzle-orm';
import type { SeedContext } from '../../platform/module.js';
import { randomInt } from '../../platform/random.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { demoRuleIds, insertInBatches, loadDemoMembers, pointEntries } from '../points/index.js';
import { dutyAssignments, dutyShifts } from './duty-rosters.table.js';

const places = ['党群服务中心值班室', '便民服务大厅', '网格巡查点', '小区门岗', '文明交通劝导岗'];

/**
 * 2018 rosters: each village/community publishes a weekly shift from June to November; 1,122 of the
 * 1,126 members complete at least one shift (the report: 1120余名党员参与了轮岗值班), each posting its points.
 */
export async function seedDutyRosters(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  const rules = await demoRuleIds(db, tenantId);
  const dutyRule = rules.get('duty') ?? null;
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['village', 'community'])))
    .orderBy(orgUnits.sortOrder);
  const [street] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'street_committee')));
  const members = await loadDemoMembers(db, tenantId);
  const shifts: (typeof dutyShifts.$inferInsert & { id: string; day: string; unitId: string })[] = [];
  const publishers = [...units.map((u) => ({ id: u.id, name: u.name.replace(/党总支$/, '') })), ...(street ? [{ id: street.id, name: '街道' }] : [])];
  for (const u of publishers) {
    for (let w = 0; w < 26; w++) {
      const d = new Date(Date.UTC(2018, 5, 4) + (w * 7 + randomInt(random, 0, 5)) * 86400000).toISOString().slice(0, 10);
      const hour = randomInt(random, 8, 15);
      shifts.push({
        tenantId,
        id: crypto.randomUUID(),
        orgId: u.id,
        title: `${u.name}党员轮岗值班`,
        place: `${u.name}${places[w % places.length]}`,
        startsAt: new Date(`${d}T${String(hour).padStart(2, '0')}:00:00+08:00`),
        endsAt: new Date(`${d}T${String(hour + 3).padStart(2, '0')}:00:00+08:00`),
        slots: 8,
        day: d,
        unitId: u.id,
      });
    }
  }
  const byUnit = new Map<string, typeof shifts>();
  for (const s of shifts) byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), s]);
  const streetShifts = street ? (byUnit.get(street.id) ?? []) : [];
  const assignments: (typeof dutyAssignments.$inferInsert)[] = [];
  const entries: (typeof pointEntries.$inferInsert)[] = [];
  const filled = new Map<string, Set<string>>();
  members.forEach((m, i) => {
    if (i % 280 === 279) return; // four members never took a shift
    const own = byUnit.get(m.unitId) ?? streetShifts;
    const times = randomInt(random, 1, 3);
    for (let t = 0; t < times; t++) {
      const pool = own.length ? own : streetShifts;
      let s = pool[randomInt(random, 0, pool.length - 1)];
      for (let tries = 0; tries < pool.length && (filled.get(s.id)?.size ?? 0) >= (s.slots ?? 8); tries++) s = pool[(pool.indexOf(s) + 1) % pool.length];
      const set = filled.get(s.id) ?? new Set<string>();
      if (set.has(m.id) || set.size >= (s.slots ?? 8)) {
        if (t === 0 && streetShifts.length) s = streetShifts[i % streetShifts.length];
        else continue;
      }
      const set2 = filled.get(s.id) ?? new Set<string>();
      if (set2.has(m.id)) continue;
      set2.add(m.id);
      filled.set(s.id, set2);
      const id = crypto.randomUUID();
      const start = s.startsAt instanceof Date ? s.startsAt : new Date();
      const end = s.endsAt instanceof Date ? s.endsAt : new Date();
      assignments.push({ tenantId, id, shiftId: s.id, memberId: m.id, orgId: m.orgId, source: random() < 0.7 ? 'signup' : 'assigned', state: 'completed', checkInAt: new Date(start.getTime() - 600000), checkOutAt: end });
      entries.push({ tenantId, memberId: m.id, orgId: m.orgId, category: 'duty', occurredOn: s.day, points: 3, sourceKind: 'duty_assignment', sourceId: id, ruleId: dutyRule, note: `轮岗值班：${s.title}` });
    }
  });
  const shiftsAll = shifts.map(({ day: _d, unitId: _u, ...s }) => s);
  // Street shifts take members from any unit: give them more slots so nobody is left out.
  for (const s of shiftsAll) s.slots = Math.max(s.slots ?? 8, filled.get(s.id)?.size ?? 0);
  await insertInBatches(db, dutyShifts, shiftsAll);
  await insertInBatches(db, dutyAssignments, assignments);
  await insertInBatches(db, pointEntries, entries);
  ctx.log(`    duty: ${shifts.length} shifts, ${assignments.length} completed assignments`);
}
