import { and, eq, inArray } from 'drizzle-orm';
import { demoName } from '../../platform/demo-names.js';
import type { SeedContext } from '../../platform/module.js';
import { pick, randomInt } from '../../platform/random.js';
import { addWorkingDays, defaultWorkingCalendar } from '../../platform/working-days.js';
import { shanghaiDate } from '../../platform/time.js';
import { users } from '../accounts/accounts.table.js';
import { files } from '../files/index.js';
import { orgUnits } from '../org-units/index.js';
import { grids } from '../places/index.js';
import { rectificationItems, rectificationSteps, type RectificationAction, type RectificationState } from '../rectification/index.js';
import { hazardCategoryLabels } from './hazards.labels.js';
import { hazards, type HazardCategory } from './hazards.table.js';

/** 1×1 PNGs standing in for the before/after photos of the demo year. */
const BEFORE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const AFTER_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const weightedCategories: HazardCategory[] = [
  'fire', 'fire', 'fire', 'fire', 'production', 'production', 'production', 'construction', 'construction',
  'gas', 'gas', 'public_order', 'sanitation', 'sanitation', 'sanitation', 'environment', 'environment', 'traffic', 'other',
];

const descriptions: Record<HazardCategory, string[]> = {
  fire: ['楼道堆放杂物堵塞消防通道', '电动车在楼道内充电', '灭火器过期未更换', '私拉乱接电线', '安全出口指示灯损坏'],
  production: ['作业人员未佩戴安全帽', '配电箱未上锁', '危化品存放不规范', '特种设备未年检'],
  construction: ['工地裸土未覆盖防尘网', '工地出入口车辆未冲洗', '脚手架防护网破损', '围挡倒伏'],
  gas: ['餐饮店燃气软管老化', '液化气罐与灶具间距不足', '燃气报警器未安装'],
  public_order: ['背街小巷路灯损坏', '出租屋未登记流动人口', '监控探头损坏'],
  sanitation: ['垃圾桶满溢未清运', '小广告乱贴乱画', '旱厕卫生差', '绿化带内有生活垃圾'],
  environment: ['散煤违规燃烧', '餐饮油烟直排', '小作坊无组织排放'],
  traffic: ['路口机动车乱停乱放', '窨井盖缺失', '道路破损积水'],
  other: ['广告牌松动', '树木倒伏隐患'],
};

const severities = ['general', 'general', 'general', 'general', 'major', 'serious'] as const;

function shanghaiInstant(date: string, hour: number, minute: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}

function dayOfYear2018(n: number): string {
  return new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

const HOUR = 3_600_000;

/**
 * The demo street's 2018 as the report tells it: 5,400+ hazards found by the grids, 4,500+ fixed at once,
 * 900+ fixed by a deadline (mostly closed on time, a few late or still open) — plus a handful reported
 * this week, so the live lists and traffic lights have something to show.
 */
export async function seedHazards(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random, services } = ctx;
  const gridRows = await db.select().from(grids).where(eq(grids.tenantId, tenantId));
  if (gridRows.length === 0) return;
  const unitRows = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['village', 'community'])));
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  const [gridWorker] = await db.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, 'wanggeyuan')));
  const [admin] = await db.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, 'admin')));

  const photoIds: string[] = [];
  for (const b64 of [BEFORE_PNG, AFTER_PNG]) {
    const { hash, size } = await services.storage.put(Buffer.from(b64, 'base64'));
    const [f] = await db.insert(files).values({ tenantId, hash, contentType: 'image/png', size, originalName: 'demo.png', uploadedBy: admin?.id ?? null }).returning();
    photoIds.push(f.id);
  }
  const [beforePhoto, afterPhoto] = photoIds;

  const calendar = defaultWorkingCalendar();
  const hazardRows: (typeof hazards.$inferInsert)[] = [];
  const itemRows: (typeof rectificationItems.$inferInsert)[] = [];
  const stepRows: (typeof rectificationSteps.$inferInsert)[] = [];
  const workerNames = new Map<string, string>();
  const workerOf = (gridId: string) => {
    let n = workerNames.get(gridId);
    if (!n) {
      n = `${demoName(random)}（网格员）`;
      workerNames.set(gridId, n);
    }
    return n;
  };
  const isShizhai = (orgId: string) => unitName.get(orgId) === '石寨村党总支';

  const step = (itemId: string, action: RectificationAction, from: RectificationState | null, to: RectificationState, at: Date, actorName: string, note = '', evidence: string[] = []) => {
    stepRows.push({ tenantId, itemId, action, fromState: from, toState: to, actorId: null, actorName, note, evidenceFileIds: evidence, at });
  };

  const TOTAL = 5437;
  const DEADLINE_EVERY = 6; // ≈ 1 in 6 goes to a deadline fix: 906 of 5,437
  for (let i = 0; i < TOTAL; i++) {
    const grid = gridRows[randomInt(random, 0, gridRows.length - 1)];
    const category = pick(random, weightedCategories);
    const date = dayOfYear2018(randomInt(random, 1, 349));
    const reportedAt = shanghaiInstant(date, randomInt(random, 8, 17), randomInt(random, 0, 59));
    const id = crypto.randomUUID();
    const shizhai = isShizhai(grid.orgId);
    const reporterName = shizhai && gridWorker ? gridWorker.displayName : workerOf(grid.id);
    const base = {
      tenantId,
      id,
      orgId: grid.orgId,
      gridId: grid.id,
      category,
      severity: pick(random, severities),
      description: pick(random, descriptions[category]),
      lat: (grid.centerLat ?? 34.7872) + (random() - 0.5) * 0.0024,
      lng: (grid.centerLng ?? 113.3836) + (random() - 0.5) * 0.0024,
      address: `${grid.name}`,
      photoFileIds: [beforePhoto],
      reportedBy: shizhai && gridWorker ? gridWorker.id : null,
      reporterName,
      reportedAt,
      reportedDate: date,
      decidedAt: reportedAt,
      createdAt: reportedAt,
      updatedAt: reportedAt,
    };
    if (i % DEADLINE_EVERY !== 3) {
      const fixedAt = new Date(reportedAt.getTime() + randomInt(random, 1, 20) * HOUR);
      hazardRows.push({ ...base, resolution: 'immediate', fixedAt, fixNote: '已现场督促整改到位', fixEvidenceFileIds: [afterPhoto] });
      continue;
    }
    const itemId = crypto.randomUUID();
    const workingDays = pick(random, [3, 5, 5, 7, 10, 15]);
    const deadline = addWorkingDays(date, workingDays, calendar);
    const roll = random();
    // 97% closed on time, 2% closed late, 1% still open and overdue.
    const fate: 'on_time' | 'late' | 'open' = roll < 0.97 ? 'on_time' : roll < 0.99 ? 'late' : 'open';
    const startedAt = new Date(reportedAt.getTime() + HOUR);
    const responsibleName = demoName(random);
    const closeDay = fate === 'on_time' ? addWorkingDays(date, randomInt(random, 1, workingDays), calendar) : addWorkingDays(deadline, randomInt(random, 1, 6), calendar);
    const closedAt = fate === 'open' ? null : shanghaiInstant(closeDay, 16, randomInt(random, 0, 59));
    const state: RectificationState = fate === 'open' ? 'rectifying' : 'closed';
    hazardRows.push({ ...base, resolution: 'deadline', rectificationItemId: itemId });
    itemRows.push({
      tenantId,
      id: itemId,
      sourceKind: 'hazard',
      sourceId: id,
      orgId: grid.orgId,
      title: `${hazardCategoryLabels[category]}隐患：${base.description}`,
      description: `${base.address} ${base.description}`,
      measures: '责令限期整改，网格员跟踪复查',
      responsibleName,
      state,
      startedAt,
      deadline,
      deadlineWorkingDays: workingDays,
      submittedBy: null,
      closedAt,
      closedOnTime: closedAt ? closeDay <= deadline : null,
      evidenceFileIds: closedAt ? [beforePhoto, afterPhoto] : [beforePhoto],
      createdAt: startedAt,
      updatedAt: closedAt ?? startedAt,
    });
    step(itemId, 'open', null, 'open', startedAt, reporterName, '责令限期整改', [beforePhoto]);
    step(itemId, 'assign', 'open', 'assigned', new Date(startedAt.getTime() + 60_000), reporterName, `交办 ${responsibleName}`);
    step(itemId, 'start', 'assigned', 'rectifying', new Date(startedAt.getTime() + 20 * HOUR), responsibleName);
    if (closedAt) {
      step(itemId, 'submit', 'rectifying', 'awaiting_verification', new Date(closedAt.getTime() - 2 * HOUR), responsibleName, '已整改完毕', [afterPhoto]);
      step(itemId, 'verify', 'awaiting_verification', 'closed', closedAt, reporterName, '复查合格，予以销号');
    }
  }

  // This week's reports: a few waiting for a decision and a few on a running clock.
  const today = shanghaiDate();
  const shizhaiGrids = gridRows.filter((g) => isShizhai(g.orgId));
  const liveGrids = shizhaiGrids.length > 0 ? shizhaiGrids : gridRows;
  for (let i = 0; i < 12; i++) {
    const grid = liveGrids[i % liveGrids.length];
    const category = weightedCategories[(i * 5) % weightedCategories.length];
    const reportedAt = new Date(Date.now() - (i === 6 ? 240 : (i + 1) * 9) * HOUR);
    const id = crypto.randomUUID();
    const base = {
      tenantId,
      id,
      orgId: grid.orgId,
      gridId: grid.id,
      category,
      severity: severities[i % severities.length],
      description: descriptions[category][i % descriptions[category].length],
      lat: (grid.centerLat ?? 34.7872) + ((i % 4) - 1.5) * 0.0004,
      lng: (grid.centerLng ?? 113.3836) + ((i % 3) - 1) * 0.0004,
      address: grid.name,
      photoFileIds: [beforePhoto],
      reportedBy: gridWorker?.id ?? null,
      reporterName: gridWorker?.displayName ?? workerOf(grid.id),
      reportedAt,
      reportedDate: shanghaiDate(reportedAt),
      createdAt: reportedAt,
      updatedAt: reportedAt,
    };
    if (i < 6) {
      hazardRows.push(base);
      continue;
    }
    const itemId = crypto.randomUUID();
    // One overdue, two due today (yellow), three with time left (green).
    const workingDays = [3, 0, 5, 10, 0, 7][i - 6];
    const startedAt = new Date(reportedAt.getTime() + HOUR);
    const deadline = addWorkingDays(i === 6 ? shanghaiDate(startedAt) : today, workingDays, calendar);
    hazardRows.push({ ...base, resolution: 'deadline', decidedAt: startedAt, rectificationItemId: itemId });
    itemRows.push({
      tenantId,
      id: itemId,
      sourceKind: 'hazard',
      sourceId: id,
      orgId: grid.orgId,
      title: `${hazardCategoryLabels[category]}隐患：${base.description}`,
      description: `${base.address} ${base.description}`,
      measures: '责令限期整改',
      responsibleName: demoName(random),
      state: 'rectifying',
      startedAt,
      deadline,
      deadlineWorkingDays: workingDays || null,
      evidenceFileIds: [beforePhoto],
      createdAt: startedAt,
      updatedAt: startedAt,
    });
    step(itemId, 'open', null, 'open', startedAt, base.reporterName, '责令限期整改', [beforePhoto]);
    step(itemId, 'assign', 'open', 'assigned', startedAt, base.reporterName);
    step(itemId, 'start', 'assigned', 'rectifying', startedAt, base.reporterName);
  }

  for (let i = 0; i < hazardRows.length; i += 500) await db.insert(hazards).values(hazardRows.slice(i, i + 500));
  for (let i = 0; i < itemRows.length; i += 500) await db.insert(rectificationItems).values(itemRows.slice(i, i + 500));
  for (let i = 0; i < stepRows.length; i += 1000) await db.insert(rectificationSteps).values(stepRows.slice(i, i + 1000));
  ctx.log(`  hazards: ${hazardRows.length}, rectification items: ${itemRows.length}, steps: ${stepRows.length}`);
}
