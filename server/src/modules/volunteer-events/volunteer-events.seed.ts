import { and, eq, inArray } from 'drizzle-orm';
import type { SeedContext } from '../../platform/module.js';
import { pick, randomInt } from '../../platform/random.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { demoRuleIds, insertInBatches, loadDemoMembers, pointEntries } from '../points/index.js';
import { volunteerEvents, volunteerSignups } from './volunteer-events.table.js';

const titles = ['清洁家园志愿服务', '文明交通劝导', '关爱空巢老人走访', '义务理发进社区', '创文创卫环境整治', '政策宣讲进楼院', '义诊服务', '爱心助学', '垃圾分类宣传', '消防安全宣传'];

/** 2018: 156 volunteer events (the report: 150余次) with attendance, hours and people served; attendance posts points. */
export async function seedVolunteerEvents(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  const rule = (await demoRuleIds(db, tenantId)).get('volunteer') ?? null;
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['village', 'community', 'social_org'])))
    .orderBy(orgUnits.sortOrder);
  const members = await loadDemoMembers(db, tenantId);
  const byUnit = new Map<string, typeof members>();
  for (const m of members) byUnit.set(m.unitId, [...(byUnit.get(m.unitId) ?? []), m]);
  const events: (typeof volunteerEvents.$inferInsert)[] = [];
  const signups: (typeof volunteerSignups.$inferInsert)[] = [];
  const entries: (typeof pointEntries.$inferInsert)[] = [];
  for (let i = 0; i < 156; i++) {
    const unit = units[i % units.length];
    const day = new Date(Date.UTC(2018, 5, 4) + randomInt(random, 0, 177) * 86400000).toISOString().slice(0, 10);
    const hour = randomInt(random, 8, 15);
    const startsAt = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    const endsAt = new Date(startsAt.getTime() + 3 * 3600000);
    const id = crypto.randomUUID();
    const capacity = randomInt(random, 15, 30);
    events.push({ tenantId, id, orgId: unit.id, title: `${unit.name.replace(/党总支$|综合党委$/, '')}${pick(random, titles)}`, organiser: `${unit.name}`, place: `${unit.name.replace(/党总支$/, '')}党群服务中心`, startsAt, endsAt, capacity, peopleServed: randomInt(random, 25, 80), state: 'closed', closedAt: endsAt });
    const pool = byUnit.get(unit.id) ?? members;
    const chosen = new Set<string>();
    const want = Math.min(pool.length, randomInt(random, 8, capacity));
    while (chosen.size < want) chosen.add(pick(random, pool).id);
    for (const memberId of chosen) {
      const m = pool.find((x) => x.id === memberId);
      if (!m) continue;
      const sid = crypto.randomUUID();
      const forgot = random() < 0.05;
      const checkIn = new Date(startsAt.getTime() + randomInt(random, -20, 15) * 60000);
      const checkOut = forgot ? endsAt : new Date(endsAt.getTime() - randomInt(random, 0, 40) * 60000);
      signups.push({ tenantId, id: sid, eventId: id, memberId, orgId: m.orgId, state: 'registered', checkInAt: checkIn, checkInBy: random() < 0.9 ? 'qr' : 'organiser', checkOutAt: checkOut, autoClosed: forgot, minutes: Math.round((checkOut.getTime() - checkIn.getTime()) / 60000) });
      entries.push({ tenantId, memberId, orgId: m.orgId, category: 'volunteer', occurredOn: day, points: 4, sourceKind: 'volunteer_signup', sourceId: sid, ruleId: rule, note: `志愿服务：${events[events.length - 1].title}` });
    }
  }
  await insertInBatches(db, volunteerEvents, events);
  await insertInBatches(db, volunteerSignups, signups);
  await insertInBatches(db, pointEntries, entries);
  ctx.log(`    volunteer: ${events.length} events, ${signups.length} attendances`);
}
