import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SeedContext } from '../../platform/module.js';
import { randomInt } from '../../platform/random.js';
import { orgUnits } from '../org-units/index.js';
import { centreAssessments, centreStandardVersions, serviceCentres, type StandardItem } from './service-centres.table.js';

export const DEMO_STANDARD_ITEMS: StandardItem[] = [
  { key: 'signpost', label: '路标指示到位' },
  { key: 'door_plate', label: '门牌制作到位' },
  { key: 'lighting', label: '全天亮化到位' },
];

/** Centres short of the standard in the demo street, and what they lack. */
const DEMO_SHORTFALLS: Record<string, string[]> = { 海天社区党总支: ['lighting'], 腾飞街社区党总支: ['signpost', 'door_plate'] };

/** The street centre (1,000+ m²), 8 village and 13 community centres; 吉家寨村 has a 400 m² transitional site. */
export async function seedServiceCentres(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  const [standard] = await db.insert(centreStandardVersions).values({ tenantId, version: 1, items: DEMO_STANDARD_ITEMS, note: '按照路标指示到位、门牌制作到位、全天亮化到位的要求' }).returning();
  const units = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['street_committee', 'village', 'community'])))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.sortOrder));
  const centres: (typeof serviceCentres.$inferInsert)[] = [];
  const assessments: (typeof centreAssessments.$inferInsert)[] = [];
  for (const u of units) {
    const short = u.name.replace(/党总支$|党工委$/, '');
    const id = crypto.randomUUID();
    const street = u.kind === 'street_committee';
    const transitional = short === '吉家寨村';
    centres.push({
      tenantId,
      id,
      orgId: u.id,
      name: street ? '京城路街道党群综合服务中心' : transitional ? '吉家寨村过渡期临时阵地' : `${short}党群服务中心`,
      address: street ? '荥阳市京城路街道办事处院内' : `${short}村委（居委）院内`,
      areaM2: street ? 1080 : transitional ? 420 : randomInt(random, 6, 30) * 20,
      openingHours: street ? '周一至周日 8:00-20:00' : '周一至周五 8:30-17:30',
      transitional,
    });
    const lacks = DEMO_SHORTFALLS[u.name] ?? [];
    const results = Object.fromEntries(DEMO_STANDARD_ITEMS.map((i) => [i.key, !lacks.includes(i.key)]));
    assessments.push({ tenantId, centreId: id, standardVersionId: standard.id, results, meetsStandard: lacks.length === 0, assessedAt: new Date('2018-10-20T02:00:00Z') });
  }
  await db.insert(serviceCentres).values(centres);
  await db.insert(centreAssessments).values(assessments);
}
