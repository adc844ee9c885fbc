import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { demoName, demoPhone } from '../../platform/demo-names.js';
import { maskPhone } from '../../platform/masking.js';
import type { SeedContext } from '../../platform/module.js';
import { randomInt } from '../../platform/random.js';
import { households } from '../households/households.table.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { campaignItems, type CampaignItem } from './campaigns.schema.js';
import { campaignQuantities, campaigns, campaignTasks, type CampaignTargetKind } from './campaigns.table.js';
import { cobuildAgreements, cobuildMemberReports, cobuildNeeds, cobuildProjects, cobuildResources, cobuildUnits } from './cobuild.table.js';
import { residentRequests, type RequestState } from './requests.table.js';
import { housingBuildings, housingMilestones, housingPhases, housingProjects, housingUnits, milestoneKinds, resettlementHouseholds, type MilestoneKind } from './resettlement.table.js';

async function batchInsert<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

type Dates = Partial<Record<MilestoneKind, { planned?: string; started?: string; completed?: string }>>;

interface PhaseSpec {
  name: string;
  buildings: number;
  floors: number;
  units: number;
  households: number;
  /** Units allocated across the households (≥ households); extra units go to the first households. */
  allocated: number;
  signedOn?: string;
  movedBack: number;
  movedBackOn?: string;
  dates: Dates;
}

interface ProjectSpec {
  org: string;
  name: string;
  investmentFen: number;
  audited?: boolean;
  landAreaM2?: number;
  floorAreaM2?: number;
  note: string;
  phases: PhaseSpec[];
}

const done = (planned: string, completed = planned, started?: string) => ({ planned, completed, started: started ?? completed });

/** The report's resettlement projects (2018): figures as printed, dates where it gives them, plausible dates otherwise. */
const projects: ProjectSpec[] = [
  {
    org: '石寨村党总支',
    name: '石寨村一期安置区',
    investmentFen: 73_920_000_000,
    audited: true,
    note: '乔寨、罗寨等住户共计452户（2016年已回迁），1141套安置房“四证”及网签已经完成，一期总投资约7.392亿元已完成审计',
    phases: [
      {
        name: '一期',
        buildings: 12,
        floors: 18,
        units: 1141,
        households: 452,
        allocated: 1141,
        signedOn: '2016-06-20',
        movedBack: 452,
        movedBackOn: '2016-08-28',
        dates: {
          piling: done('2012-04-01', '2012-07-30', '2012-04-01'),
          raft: done('2012-10-30'),
          topping_out: done('2014-06-30'),
          insulation: done('2015-03-31'),
          acceptance: done('2015-12-20'),
          certificates: done('2016-04-30'),
          online_contract: done('2016-06-30', '2016-06-20'),
          move_back: done('2016-08-31', '2016-08-28'),
        },
      },
    ],
  },
  {
    org: '冯寨村党总支',
    name: '冯寨村安置区',
    investmentFen: 0,
    note: '457户8栋安置房“四证”办理完成，基本具备竣工验收条件，正在进行基础配套设施建设，计划12月完成网签',
    phases: [
      {
        name: '一期',
        buildings: 8,
        floors: 18,
        units: 457,
        households: 457,
        allocated: 457,
        movedBack: 0,
        dates: {
          piling: done('2015-05-01'),
          raft: done('2015-09-30'),
          topping_out: done('2017-04-30'),
          insulation: done('2017-12-31'),
          acceptance: { planned: '2018-11-30' },
          certificates: done('2018-10-15'),
          online_contract: { planned: '2018-12-31' },
          move_back: { planned: '2019-06-30' },
        },
      },
    ],
  },
  {
    org: '康寨村党总支',
    name: '康寨村安置区',
    investmentFen: 0,
    note: '482户6栋安置房“四证”办理完成，基本具备竣工验收条件，计划12月完成网签',
    phases: [
      {
        name: '一期',
        buildings: 6,
        floors: 24,
        units: 482,
        households: 482,
        allocated: 482,
        movedBack: 0,
        dates: {
          piling: done('2015-06-01'),
          raft: done('2015-10-31'),
          topping_out: done('2017-05-31'),
          insulation: done('2017-12-31'),
          acceptance: { planned: '2018-11-30' },
          certificates: done('2018-10-20'),
          online_contract: { planned: '2018-12-31' },
          move_back: { planned: '2019-06-30' },
        },
      },
    ],
  },
  {
    org: '狼窝刘村党总支',
    name: '狼窝刘村改造项目',
    investmentFen: 0,
    note: '一期安置区建设3栋高层共计330套，回迁群众314户；二期桩基施工完成，计划2018年底完成基础筏板施工',
    phases: [
      {
        name: '一期',
        buildings: 3,
        floors: 28,
        units: 330,
        households: 330,
        allocated: 330,
        movedBack: 314,
        movedBackOn: '2017-10-15',
        dates: {
          piling: done('2014-03-01'),
          raft: done('2014-08-31'),
          topping_out: done('2016-03-31'),
          insulation: done('2016-10-31'),
          acceptance: done('2017-06-30'),
          certificates: done('2017-09-30'),
          online_contract: { planned: '2018-12-31' },
          move_back: { planned: '2017-10-31', started: '2017-10-15' },
        },
      },
      {
        name: '二期',
        buildings: 0,
        floors: 0,
        units: 0,
        households: 0,
        allocated: 0,
        movedBack: 0,
        dates: { piling: done('2018-08-31', '2018-09-20', '2018-05-10'), raft: { planned: '2018-12-31', started: '2018-10-08' } },
      },
    ],
  },
  {
    org: '平庄村党总支',
    name: '平庄村改造项目',
    investmentFen: 0,
    note: '十里铺组2012年改造已经完成；平庄组首批安置房125套已完成回迁，网签已经结束；二期安置房193套主体建设至5层，正在办理工程规划',
    phases: [
      {
        name: '一期（平庄组）',
        buildings: 2,
        floors: 11,
        units: 125,
        households: 125,
        allocated: 125,
        signedOn: '2017-11-30',
        movedBack: 125,
        movedBackOn: '2017-06-30',
        dates: {
          piling: done('2014-09-01'),
          raft: done('2015-01-31'),
          topping_out: done('2016-01-31'),
          insulation: done('2016-08-31'),
          acceptance: done('2017-03-31'),
          certificates: done('2017-09-30'),
          online_contract: done('2017-12-31', '2017-11-30'),
          move_back: done('2017-06-30'),
        },
      },
      {
        name: '二期',
        buildings: 2,
        floors: 18,
        units: 193,
        households: 0,
        allocated: 0,
        movedBack: 0,
        dates: { piling: done('2017-10-31'), raft: done('2018-03-31'), topping_out: { planned: '2019-03-31', started: '2018-05-01' } },
      },
    ],
  },
  {
    org: '吉家寨村党总支',
    name: '吉家寨村改造项目',
    investmentFen: 0,
    landAreaM2: 33_333,
    floorAreaM2: 88_000,
    note: '安置区占地约50亩，建设安置房408套8.8万平方米，围挡已经圈建，正在进行桩基施工，计划2018年完成基础筏板施工',
    phases: [
      {
        name: '一期',
        buildings: 6,
        floors: 26,
        units: 408,
        households: 0,
        allocated: 0,
        movedBack: 0,
        dates: { piling: { planned: '2018-10-31', started: '2018-07-15' }, raft: { planned: '2018-12-31' } },
      },
    ],
  },
  {
    org: '京城路街道党工委',
    name: '郑上路安置区',
    investmentFen: 0,
    note: '一期主体封顶，正在进行外墙保温施工，计划2019年回迁；二期土地边界已完成确权，图纸设计和基础土方开挖正在招标',
    phases: [
      {
        name: '一期',
        buildings: 0,
        floors: 0,
        units: 0,
        households: 0,
        allocated: 0,
        movedBack: 0,
        dates: {
          piling: done('2016-06-30'),
          raft: done('2016-11-30'),
          topping_out: done('2018-08-31'),
          insulation: { planned: '2018-12-31', started: '2018-09-10' },
          acceptance: { planned: '2019-06-30' },
          move_back: { planned: '2019-12-31' },
        },
      },
      { name: '二期', buildings: 0, floors: 0, units: 0, households: 0, allocated: 0, movedBack: 0, dates: { piling: { planned: '2019-06-30' } } },
    ],
  },
];

async function orgByName(db: Db, tenantId: number, name: string) {
  const [o] = await db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.name, name)));
  if (!o) throw new Error(`demo org ${name} missing`);
  return o;
}

async function seedResettlement(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  for (const spec of projects) {
    const org = await orgByName(db, tenantId, spec.org);
    const projectId = crypto.randomUUID();
    await db.insert(housingProjects).values({
      tenantId,
      id: projectId,
      orgId: org.id,
      kind: 'resettlement',
      name: spec.name,
      investmentFen: spec.investmentFen,
      auditState: spec.audited ? 'audited' : 'not_audited',
      auditedFen: spec.audited ? spec.investmentFen : null,
      landAreaM2: spec.landAreaM2 ?? null,
      floorAreaM2: spec.floorAreaM2 ?? null,
      note: spec.note,
    });
    const villageHouseholds = await db.select({ id: households.id, headName: households.headName, size: households.size }).from(households).where(and(eq(households.tenantId, tenantId), eq(households.orgId, org.id))).orderBy(asc(households.address));
    for (const [pi, ph] of spec.phases.entries()) {
      const phaseId = crypto.randomUUID();
      await db.insert(housingPhases).values({ tenantId, id: phaseId, projectId, orgId: org.id, name: ph.name, sortOrder: pi });
      await db.insert(housingMilestones).values(
        milestoneKinds.map((kind) => ({ tenantId, phaseId, orgId: org.id, kind, plannedOn: ph.dates[kind]?.planned ?? null, startedOn: ph.dates[kind]?.started ?? null, completedOn: ph.dates[kind]?.completed ?? null })),
      );
      const hhRows: (typeof resettlementHouseholds.$inferInsert)[] = [];
      const extra = ph.allocated - ph.households;
      for (let i = 0; i < ph.households; i++) {
        const linked = villageHouseholds[i];
        const entitled = 1 + Math.floor(extra / ph.households) + (i < extra % ph.households ? 1 : 0);
        hhRows.push({
          tenantId,
          id: crypto.randomUUID(),
          phaseId,
          orgId: org.id,
          householdId: linked?.id ?? null,
          headName: linked?.headName ?? demoName(random),
          size: linked?.size ?? randomInt(random, 1, 6),
          entitledUnits: entitled,
          movedBackOn: i < ph.movedBack ? (ph.movedBackOn ?? null) : null,
        });
      }
      await batchInsert(hhRows, (c) => db.insert(resettlementHouseholds).values(c));
      const owners: string[] = hhRows.flatMap((h) => Array.from({ length: h.entitledUnits ?? 1 }, () => h.id ?? ''));
      const unitRows: (typeof housingUnits.$inferInsert)[] = [];
      const perBuilding = ph.buildings ? Math.ceil(ph.units / ph.buildings) : 0;
      for (let b = 0; b < ph.buildings; b++) {
        const buildingId = crypto.randomUUID();
        await db.insert(housingBuildings).values({ tenantId, id: buildingId, phaseId, orgId: org.id, name: `${b + 1}号楼`, floors: ph.floors });
        const count = Math.min(perBuilding, ph.units - b * perBuilding);
        const perFloor = Math.ceil(count / ph.floors);
        for (let u = 0; u < count; u++) {
          const owner = owners[unitRows.length];
          unitRows.push({
            tenantId,
            buildingId,
            phaseId,
            orgId: org.id,
            label: `${Math.floor(u / perFloor) + 1}${String((u % perFloor) + 1).padStart(2, '0')}`,
            areaM2: randomInt(random, 80, 140),
            allocatedTo: owner ?? null,
            allocatedOn: owner ? (ph.dates.certificates?.completed ?? ph.dates.acceptance?.completed ?? '2018-06-30') : null,
            contractSignedOn: owner && ph.signedOn ? ph.signedOn : null,
          });
        }
      }
      await batchInsert(unitRows, (c) => db.insert(housingUnits).values(c));
    }
  }
  const street = await orgByName(db, tenantId, '京城路街道党工委');
  await db.insert(housingProjects).values({
    tenantId,
    orgId: street.id,
    kind: 'upgrade',
    name: '老旧片区提质建设示范区',
    investmentFen: 90_000_000,
    sites: ['联通公司游园', '黄委会游园', '信用社游园', '永丰巷', '利民信用社家属院'],
    completedAreaM2: 2000,
    note: '已投资约90万元，完成利民信用社游园建设2000余平方米',
  });
}

/** Splits `total` into `parts` positive integers (deterministic), summing exactly to total. */
function split(random: () => number, total: number, parts: number): number[] {
  const n = Math.max(1, Math.min(parts, total));
  const weights = Array.from({ length: n }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  const diff = total - out.reduce((a, b) => a + b, 0);
  out[out.length - 1] += diff;
  if (out[out.length - 1] < 0) throw new Error('split failed');
  return out;
}

const reportQuantities: Record<CampaignItem, number> = {
  person_times: 13000,
  rubbish_m3: 26419,
  ads_removed: 586,
  washed_m2: 200,
  swept_m2: 19970,
  vehicles_ordered: 5,
  green_belt_m2: 4050,
  walls_repaired_m2: 370,
  painted_m2: 1_300_000,
  dust_net_m2: 3020,
  dry_toilets: 3,
  cleaners: 25,
  bins: 339,
  carts: 21,
  trucks: 1,
};

function dayBetween(random: () => number, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(random() * ((b - a) / 86400000 + 1)) * 86400000).toISOString().slice(0, 10);
}

async function seedCampaigns(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  const street = await orgByName(db, tenantId, '京城路街道党工委');
  const units = await db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['village', 'community']))).orderBy(asc(orgUnits.sortOrder));
  const byName = new Map(units.map((u) => [u.name, u]));
  const campaignId = crypto.randomUUID();
  await db.insert(campaigns).values({ tenantId, id: campaignId, orgId: street.id, name: '2018年创文创卫集中整治', startsOn: '2018-03-01', endsOn: '2018-12-31', goal: '市容村貌要整洁，生产生活有秩序，全民创建有氛围' });
  const tasks: Array<[string, CampaignTargetKind, string, string, string | null]> = [
    ['冯寨村党总支', '城中村', '冯寨村', '城中村环境卫生地毯式整治', '2018-06-15'],
    ['平庄村党总支', '城中村', '平庄村', '城中村杂物垃圾清理、旱厕改造', '2018-07-10'],
    ['石寨村党总支', '城乡接合部', '石寨村南片', '城乡接合部乱堆乱放整治', '2018-08-20'],
    ['铁龙社区党总支', '老旧小区', '铁龙社区无主管楼院', '老旧小区楼道清理、墙体粉饰', null],
    ['繁荣街社区党总支', '背街小巷', '永丰巷', '背街小巷小广告清除、路面清扫', '2018-05-30'],
    ['汜河路社区党总支', '农贸市场', '汜河路农贸市场', '农贸市场秩序整治、地面冲洗', null],
    ['吉家寨村党总支', '施工工地', '吉家寨村安置区工地', '施工工地覆盖防尘网', '2018-09-30'],
  ];
  await db.insert(campaignTasks).values(
    tasks.flatMap(([org, kind, target, title, doneOn]) => {
      const o = byName.get(org);
      return o ? [{ tenantId, campaignId, orgId: o.id, title, targetKind: kind, targetName: target, dueOn: '2018-10-31', doneOn }] : [];
    }),
  );
  const rows: (typeof campaignQuantities.$inferInsert)[] = [];
  for (const item of Object.keys(reportQuantities) as CampaignItem[]) {
    const total = reportQuantities[item];
    const equipment = campaignItems[item].kind === 'equipment';
    const parts = split(random, total, equipment ? 4 : item === 'person_times' || item === 'rubbish_m3' ? 60 : 12);
    for (const q of parts) {
      const org = units[Math.floor(random() * units.length)];
      rows.push({ tenantId, campaignId, orgId: org.id, day: equipment ? dayBetween(random, '2018-05-15', '2018-05-31') : dayBetween(random, '2018-03-01', '2018-11-10'), item, unit: campaignItems[item].unit, quantity: q });
    }
  }
  await batchInsert(rows, (c) => db.insert(campaignQuantities).values(c));
}

async function seedCobuild(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random, services } = ctx;
  const tielong = await orgByName(db, tenantId, '铁龙社区党总支');
  const fanrong = await orgByName(db, tenantId, '繁荣街社区党总支');
  const tengfei = await orgByName(db, tenantId, '腾飞街社区党总支');
  const specs = [
    { org: '郑州中车党委', name: '郑州中车', reported: tielong, contact: '刘志强' },
    { org: '明泰铝业党委', name: '明泰铝业', reported: fanrong, contact: '马建军' },
    { org: '中原利达党支部', name: '中原利达', reported: tengfei, contact: '郭红梅' },
  ];
  const unitIds: string[] = [];
  for (const s of specs) {
    const org = await orgByName(db, tenantId, s.org);
    const phone = demoPhone(random);
    const id = crypto.randomUUID();
    unitIds.push(id);
    await db.insert(cobuildUnits).values({ tenantId, id, orgId: org.id, name: s.name, kind: 'enterprise', contactName: s.contact, contactPhoneEnc: services.cipher.encrypt(phone), contactPhoneMasked: maskPhone(phone), reportedOrgId: s.reported.id, reportedOn: '2018-03-05' });
    await db.insert(cobuildAgreements).values({ tenantId, unitId: id, communityOrgId: s.reported.id, title: `${s.name}与${s.reported.name.replace(/党总支$/, '')}共驻共建协议`, signedOn: '2018-03-05', validTo: '2020-12-31' });
    await db.insert(cobuildMemberReports).values(Array.from({ length: randomInt(random, 6, 12) }, () => ({ tenantId, unitId: id, communityOrgId: s.reported.id, memberName: demoName(random), reportedOn: dayBetween(random, '2018-03-05', '2018-06-30') })));
  }
  const [crrc, mingtai, lida] = unitIds;
  const resources = [
    [crrc, '职工志愿服务队（每月一次）', '志愿服务'],
    [crrc, '轨道交通科普参观', '教育'],
    [mingtai, '社区文化活动场地', '场地'],
    [lida, '困难家庭慰问物资', '物资'],
  ] as const;
  const resourceIds = new Map<string, string>();
  for (const [unitId, title, category] of resources) {
    const id = crypto.randomUUID();
    resourceIds.set(title, id);
    await db.insert(cobuildResources).values({ tenantId, id, unitId, title, category, offeredOn: '2018-03-20' });
  }
  const needs = [
    { org: tielong, title: '老旧小区楼道清理', category: '志愿服务', project: { unit: crrc, resource: '职工志愿服务队（每月一次）', state: 'rated' as const, rating: 5, beneficiaries: 320 } },
    { org: tielong, title: '青少年暑期科普活动', category: '教育', project: { unit: crrc, resource: '轨道交通科普参观', state: 'delivered' as const, rating: null, beneficiaries: 60 } },
    { org: fanrong, title: '重阳节文艺汇演场地', category: '场地', project: { unit: mingtai, resource: '社区文化活动场地', state: 'rated' as const, rating: 4, beneficiaries: 200 } },
    { org: tengfei, title: '春节困难家庭慰问', category: '物资', project: { unit: lida, resource: '困难家庭慰问物资', state: 'claimed' as const, rating: null, beneficiaries: 0 } },
    { org: tengfei, title: '社区党群服务中心电脑维修', category: '技术', project: null },
    { org: fanrong, title: '独居老人定期探访', category: '志愿服务', project: null },
  ];
  for (const n of needs) {
    const needId = crypto.randomUUID();
    await db.insert(cobuildNeeds).values({ tenantId, id: needId, orgId: n.org.id, title: n.title, category: n.category, postedOn: '2018-04-02', state: n.project ? (n.project.state === 'rated' ? 'closed' : 'matched') : 'open' });
    if (n.project) {
      const p = n.project;
      await db.insert(cobuildProjects).values({
        tenantId,
        needId,
        unitId: p.unit,
        resourceId: resourceIds.get(p.resource) ?? null,
        orgId: n.org.id,
        title: n.title,
        state: p.state,
        claimedOn: '2018-04-10',
        deliveredOn: p.state === 'claimed' ? null : '2018-07-15',
        deliveryNote: p.state === 'claimed' ? '' : '已按计划完成',
        beneficiaries: p.beneficiaries,
        rating: p.rating,
        ratedOn: p.rating ? '2018-07-20' : null,
      });
    }
  }
}

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

async function seedRequests(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random, services } = ctx;
  const samples: Array<[string, 'request' | 'wish', string, string, RequestState, number | null]> = [
    ['铁龙社区党总支', 'request', '楼道灯坏了', '3号楼2单元楼道灯不亮，老人夜间上下楼不方便。', 'rated', 5],
    ['铁龙社区党总支', 'wish', '想要一台助听器', '独居老人，听力下降，希望有一台助听器。', 'rated', 5],
    ['铁龙社区党总支', 'request', '小区门口垃圾清运不及时', '门口垃圾桶经常满溢，希望增加清运次数。', 'answered', null],
    ['繁荣街社区党总支', 'request', '永丰巷路面破损', '永丰巷中段路面坑洼，雨天积水。', 'rated', 3],
    ['繁荣街社区党总支', 'wish', '孩子想要一套课外书', '留守儿童，希望有一套课外读物。', 'dispatched', null],
    ['腾飞街社区党总支', 'request', '楼下商户噪音扰民', '夜间烧烤店噪音大，影响休息。', 'accepted', null],
    ['石寨村党总支', 'request', '安置房网签进度咨询', '想了解本户安置房网签办理进度。', 'rated', 4],
    ['冯寨村党总支', 'request', '回迁时间咨询', '冯寨村安置房什么时候可以回迁？', 'answered', null],
    ['平庄村党总支', 'wish', '希望有轮椅', '家中老人行动不便，希望得到一台轮椅。', 'submitted', null],
    ['汜河路社区党总支', 'request', '健身器材损坏', '小区健身器材有两件已损坏。', 'submitted', null],
    ['海天社区党总支', 'wish', '冬天需要棉被', '困难家庭，希望得到两床棉被。', 'rated', 5],
    ['吉家寨村党总支', 'request', '施工扬尘', '安置区工地扬尘较大。', 'rejected', null],
  ];
  const [crrc] = await db.select({ id: cobuildUnits.id }).from(cobuildUnits).where(and(eq(cobuildUnits.tenantId, tenantId), eq(cobuildUnits.name, '郑州中车')));
  const rows: (typeof residentRequests.$inferInsert)[] = [];
  for (const [i, [orgName, kind, title, content, state, rating]] of samples.entries()) {
    const org = await orgByName(db, tenantId, orgName);
    const phone = demoPhone(random);
    let code = '';
    for (let k = 0; k < 10; k++) code += codeAlphabet[Math.floor(random() * codeAlphabet.length)];
    const submitted = new Date(Date.parse(`2018-0${3 + (i % 7)}-${10 + (i % 15)}T02:00:00Z`));
    const later = (days: number) => new Date(submitted.getTime() + days * 86400000);
    const reached = (s: RequestState) => ['submitted', 'accepted', 'dispatched', 'answered', 'rated'].indexOf(state) >= ['submitted', 'accepted', 'dispatched', 'answered', 'rated'].indexOf(s) && state !== 'rejected';
    rows.push({
      tenantId,
      orgId: org.id,
      kind,
      title,
      content,
      contactName: demoName(random).slice(0, 1) + (random() < 0.5 ? '先生' : '女士'),
      phoneEnc: services.cipher.encrypt(phone),
      phoneMasked: maskPhone(phone),
      phoneLast4: phone.slice(-4),
      trackingCode: code,
      state,
      submittedAt: submitted,
      acceptedAt: reached('accepted') || state === 'rejected' ? later(1) : null,
      assigneeKind: reached('dispatched') ? (kind === 'wish' ? 'unit' : 'department') : null,
      assigneeId: reached('dispatched') && kind === 'wish' ? (crrc?.id ?? null) : null,
      assigneeName: reached('dispatched') ? (kind === 'wish' ? '郑州中车' : '街道城管中队') : null,
      dispatchedAt: reached('dispatched') ? later(1) : null,
      answer: reached('answered') ? '已办理完毕，感谢您的反映。' : null,
      answeredAt: reached('answered') ? later(5) : null,
      rating,
      ratedAt: rating ? later(7) : null,
      rejectReason: state === 'rejected' ? '属施工单位责任，已转交住建部门处理' : null,
    });
  }
  await db.insert(residentRequests).values(rows);
}

/** Demo street: the report's resettlement projects and upgrade, the 创文创卫 ledger, co-building lists, requests. */
export async function seedLivelihood(ctx: SeedContext): Promise<void> {
  await seedResettlement(ctx);
  await seedCampaigns(ctx);
  await seedCobuild(ctx);
  await seedRequests(ctx);
}
