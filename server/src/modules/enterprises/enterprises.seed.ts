import { and, asc, eq, inArray } from 'drizzle-orm';
import { composeCreditCode } from '../../platform/credit-code.js';
import { demoName, demoPhone } from '../../platform/demo-names.js';
import { maskPhone } from '../../platform/masking.js';
import type { SeedContext } from '../../platform/module.js';
import { pick, randomInt } from '../../platform/random.js';
import { orgUnits } from '../org-units/index.js';
import { grids } from '../places/index.js';
import { emergencyDrills, enterpriseInspections, enterprises, type EnterpriseCategory } from './enterprises.table.js';

export const DEMO_KEY_UNITS = 52;
export const DEMO_TRAINING_INSTITUTIONS = 123;
export const DEMO_DRILLS = 20;
export const DEMO_WORKSHOPS_BANNED = 2;

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const keyUnitNames = ['阳光油脂', '建业百货', '荥阳市京城加油站', '豪布斯卡购物中心', '京城路农贸市场', '荥阳市第二热力站', '中原利达物流仓库', '明泰铝业材料仓库', '郑州中车配件库', '京城宾馆', '索河液化气站', '荥阳市康复医院'];
const keyStems = ['机械', '建材', '物流', '食品', '化工', '印刷', '家具', '汽修', '商贸', '塑料', '纸品', '铝材', '酒店', '超市', '电器'];
const trainingStems = ['启航', '博雅', '新东方', '学而思', '英才', '小天鹅', '智慧树', '星火', '书香', '睿智', '春蕾', '阳光', '未来星', '金话筒', '墨韵', '跆拳道', '乐器', '美术', '舞蹈', '围棋'];
const trainingKinds = ['教育培训学校', '艺术培训中心', '课外辅导中心', '文化培训学校', '体育培训中心'];
const workshopNames = ['京城路豆腐坊', '冯寨村馍坊', '石寨村粉条作坊', '康寨村榨油坊', '平庄村腐竹作坊', '吉家寨小型木器加工点'];
const drillPlaces = ['阳光油脂', '建业百货', '冯寨村', '豪布斯卡购物中心', '京城路农贸市场', '石寨村', '铁龙社区', '京城宾馆', '康寨村', '索河液化气站'];
const drillTopics = ['消防疏散', '液化气泄漏处置', '防汛', '地震避险', '人员密集场所踩踏', '危化品泄漏处置'];
const jointSets: string[][] = [['教体局', '消防', '派出所', '食药监'], ['教体局', '消防'], ['消防', '派出所'], ['食药监'], []];

function orgBody(n: number, random: () => number): string {
  let body = '';
  let v = n;
  for (let i = 0; i < 4; i++) {
    body = alphabet[v % 31] + body;
    v = Math.floor(v / 31);
  }
  return 'MA' + alphabet[randomInt(random, 0, 9)] + body + alphabet[randomInt(random, 10, 30)];
}

function dateIn2018(random: () => number, fromMonth = 1, toMonth = 11): string {
  const m = randomInt(random, fromMonth, toMonth);
  const d = randomInt(random, 1, 28);
  return `2018-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The demo street's enterprise ledgers: 52 key units and 123 training institutions all inspected in 2018
 * (institutions jointly with 教体局、消防、派出所、食药监), 40 other units, 6 workshops of which 2 were banned,
 * and 20 emergency drills.
 */
export async function seedEnterprises(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random, services } = ctx;
  const units = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['village', 'community'])))
    .orderBy(asc(orgUnits.sortOrder));
  if (units.length === 0) return;
  const gridRows = await db.select({ id: grids.id, orgId: grids.orgId }).from(grids).where(eq(grids.tenantId, tenantId));
  const shizhai = units.find((u) => u.name === '石寨村党总支') ?? units[0];
  const byName = (s: string) => units.find((u) => u.name.startsWith(s)) ?? shizhai;

  const rows: (typeof enterprises.$inferInsert)[] = [];
  let serial = 0;
  const add = (category: EnterpriseCategory, name: string, orgId: string, industry: string, extra: Partial<typeof enterprises.$inferInsert> = {}) => {
    serial++;
    const unitGrids = gridRows.filter((g) => g.orgId === orgId);
    const phone = demoPhone(random);
    const short = units.find((u) => u.id === orgId)?.name.replace(/党总支$/, '') ?? '';
    rows.push({
      tenantId,
      id: crypto.randomUUID(),
      orgId,
      gridId: unitGrids.length > 0 ? pick(random, unitGrids).id : null,
      name,
      category,
      creditCode: category === 'workshop' ? null : composeCreditCode(category === 'training_institution' ? '52' : '91', '410182', orgBody(serial, random)),
      address: `荥阳市京城路街道${short}${randomInt(random, 1, 200)}号`,
      industry,
      contactName: demoName(random),
      contactPhoneEnc: services.cipher.encrypt(phone),
      contactPhoneMasked: maskPhone(phone),
      ...extra,
    });
  };

  // Key units: the named ones first, then generated names; two training institutions and a key unit sit in 石寨村.
  for (let i = 0; i < DEMO_KEY_UNITS; i++) {
    const named = keyUnitNames[i];
    const org = i < 3 ? shizhai : pick(random, units);
    const stem = keyStems[i % keyStems.length];
    add('key_unit', named ?? `荥阳市${pick(random, ['京城', '索河', '广武', '中原', '豫龙'])}${stem}有限公司${i >= keyUnitNames.length + keyStems.length ? `（${i}）` : ''}`, named === '阳光油脂' ? byName('冯寨村').id : org.id, stem);
  }
  for (let i = 0; i < DEMO_TRAINING_INSTITUTIONS; i++) {
    const org = i < 4 ? shizhai : pick(random, units);
    add('training_institution', `荥阳市${trainingStems[i % trainingStems.length]}${trainingKinds[Math.floor(i / trainingStems.length) % trainingKinds.length]}${i >= 100 ? `${i - 99}分校` : ''}`, org.id, '教育培训');
  }
  for (let i = 0; i < 40; i++) {
    const stem = keyStems[i % keyStems.length];
    add('production', `荥阳市${pick(random, ['恒达', '宏远', '鑫源', '金桥', '永安', '瑞丰'])}${stem}${i >= 30 ? '经营部' : '商行'}${i >= 6 ? String(i) : ''}`, (i < 3 ? shizhai : pick(random, units)).id, stem);
  }
  for (const [i, name] of workshopNames.entries()) {
    const org = byName(name.slice(0, 3) === '京城路' ? '铁龙' : name.slice(0, 3));
    add(
      'workshop',
      name,
      org.id,
      '食品加工',
      i < DEMO_WORKSHOPS_BANNED ? { status: 'banned', bannedOn: i === 0 ? '2018-05-16' : '2018-09-07', bannedReason: '无证生产，卫生与消防条件不达标，经联合执法依法取缔' } : {},
    );
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(enterprises).values(rows.slice(i, i + 500));

  const inspections: (typeof enterpriseInspections.$inferInsert)[] = [];
  for (const e of rows) {
    const id = e.id ?? '';
    if (e.category === 'key_unit') {
      const times = randomInt(random, 1, 3);
      for (let t = 0; t < times; t++) {
        inspections.push({ tenantId, enterpriseId: id, orgId: e.orgId, inspectedOn: dateIn2018(random), departments: pick(random, [[], [], ['消防'], ['安监', '消防']]), topic: pick(random, ['节前安全生产大检查', '重点单位专项检查', '大气污染防治检查']), inspectorName: '街道安监办', summary: '已检查，未发现重大隐患' });
      }
    } else if (e.category === 'training_institution') {
      inspections.push({ tenantId, enterpriseId: id, orgId: e.orgId, inspectedOn: dateIn2018(random, 3, 10), departments: pick(random, jointSets.slice(0, 2)), topic: '校外培训机构专项检查', inspectorName: '街道安监办', summary: '办学资质、消防通道与食品安全检查' });
    } else if (e.category === 'production' && random() < 0.6) {
      inspections.push({ tenantId, enterpriseId: id, orgId: e.orgId, inspectedOn: dateIn2018(random), departments: pick(random, jointSets), topic: '拉网式安全检查', inspectorName: '网格员', summary: '已检查' });
    } else if (e.category === 'workshop') {
      inspections.push({ tenantId, enterpriseId: id, orgId: e.orgId, inspectedOn: e.bannedOn ?? dateIn2018(random), departments: ['食药监', '消防'], topic: '小作坊专项整治', inspectorName: '街道安监办', summary: e.status === 'banned' ? '无证生产，责令取缔' : '限期办理小作坊登记证' });
    }
  }
  for (let i = 0; i < inspections.length; i += 500) await db.insert(enterpriseInspections).values(inspections.slice(i, i + 500));

  const drills: (typeof emergencyDrills.$inferInsert)[] = [];
  for (let i = 0; i < DEMO_DRILLS; i++) {
    const place = drillPlaces[i % drillPlaces.length];
    const ent = rows.find((r) => r.name === place);
    drills.push({
      tenantId,
      orgId: ent?.orgId ?? byName(place).id,
      enterpriseId: ent?.id ?? null,
      heldOn: dateIn2018(random),
      title: `${place}${drillTopics[i % drillTopics.length]}应急预案演练`,
      location: place,
      participants: randomInt(random, 20, 150),
    });
  }
  await db.insert(emergencyDrills).values(drills);
}
