import { and, asc, count, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { Db } from '../../platform/db.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { households } from '../households/index.js';
import { getOrgInScope, inScope, orgNames } from '../org-units/index.js';
import { countRates, countRatesByProject, noRateCounts, rateSettingsOf, withRates, type Rates } from './resettlement.rates.js';
import {
  milestoneLabels,
  type AddHouseholdBody,
  type CreateBuildingBody,
  type CreatePhaseBody,
  type CreateProjectBody,
  type ProjectResponse,
  type UpdateMilestoneBody,
  type UpdateProjectBody,
} from './resettlement.schema.js';
import {
  housingBuildings,
  housingMilestones,
  housingPhases,
  housingProjects,
  housingUnits,
  milestoneKinds,
  resettlementHouseholds,
  type ProjectKind,
} from './resettlement.table.js';

type Project = typeof housingProjects.$inferSelect;
type Milestone = typeof housingMilestones.$inferSelect;

async function projectRates(ctx: ActorContext, projectId: string, today: string): Promise<Rates> {
  return withRates(await countRates(ctx.db, ctx.tenantId, eq(housingPhases.projectId, projectId), today));
}

function toProject(p: Project, orgName: string, rates: Rates): ProjectResponse {
  return {
    id: p.id,
    orgId: p.orgId,
    orgName,
    kind: p.kind,
    name: p.name,
    investmentFen: p.investmentFen,
    auditState: p.auditState,
    auditedFen: p.auditedFen,
    landAreaM2: p.landAreaM2,
    floorAreaM2: p.floorAreaM2,
    sites: p.sites,
    completedAreaM2: p.completedAreaM2,
    note: p.note,
    rates,
  };
}

/** Late: not completed and past its planned day, or completed after it. */
export function isMilestoneLate(m: Pick<Milestone, 'plannedOn' | 'completedOn'>, today: string): boolean {
  if (!m.plannedOn) return false;
  return m.completedOn ? m.completedOn > m.plannedOn : today > m.plannedOn;
}

/** Projects in scope with their rates (computed from phases, households and units), and the scope's totals. */
export async function listProjects(ctx: ActorContext, q: { kind?: ProjectKind }) {
  const where: SQL[] = [eq(housingProjects.tenantId, ctx.tenantId), inScope(ctx, housingProjects.orgId)];
  if (q.kind) where.push(eq(housingProjects.kind, q.kind));
  const rows = await ctx.db.select().from(housingProjects).where(and(...where)).orderBy(asc(housingProjects.createdAt), asc(housingProjects.name));
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  const today = shanghaiDate();
  const items: ProjectResponse[] = [];
  const settings = await rateSettingsOf(ctx.db, ctx.tenantId);
  const counts = await countRatesByProject(ctx.db, ctx.tenantId, rows.map((p) => p.id), today, settings);
  for (const p of rows) items.push(toProject(p, names.get(p.orgId) ?? '', withRates(counts.get(p.id) ?? noRateCounts)));
  const street = withRates(await countRates(ctx.db, ctx.tenantId, inScope(ctx, housingPhases.orgId), today, settings));
  return { items, street };
}

async function getProjectRow(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<Project> {
  const [p] = await db
    .select()
    .from(housingProjects)
    .where(and(eq(housingProjects.tenantId, ctx.tenantId), eq(housingProjects.id, id), inScope(ctx, housingProjects.orgId)));
  if (!p) throw notFound('项目');
  return p;
}

/** One project with its phases: buildings, milestone timeline (late flags) and per-phase rates. */
export async function getProject(ctx: ActorContext, id: string) {
  const p = await getProjectRow(ctx, id);
  const today = shanghaiDate();
  const names = await orgNames(ctx, [p.orgId]);
  const phases = await ctx.db
    .select()
    .from(housingPhases)
    .where(and(eq(housingPhases.tenantId, ctx.tenantId), eq(housingPhases.projectId, id)))
    .orderBy(asc(housingPhases.sortOrder), asc(housingPhases.name));
  const phaseIds = phases.map((x) => x.id);
  const buildings = phaseIds.length
    ? await ctx.db
        .select({ id: housingBuildings.id, phaseId: housingBuildings.phaseId, name: housingBuildings.name, floors: housingBuildings.floors, units: sql<number>`(select count(*)::int from ${housingUnits} where ${housingUnits.tenantId} = ${housingBuildings.tenantId} and ${housingUnits.buildingId} = ${housingBuildings.id})` })
        .from(housingBuildings)
        .where(and(eq(housingBuildings.tenantId, ctx.tenantId), inArray(housingBuildings.phaseId, phaseIds)))
        .orderBy(asc(housingBuildings.name))
    : [];
  const milestones = phaseIds.length
    ? await ctx.db.select().from(housingMilestones).where(and(eq(housingMilestones.tenantId, ctx.tenantId), inArray(housingMilestones.phaseId, phaseIds)))
    : [];
  const order = new Map(milestoneKinds.map((k, i) => [k, i]));
  const out = [];
  for (const ph of phases) {
    out.push({
      id: ph.id,
      name: ph.name,
      buildings: buildings.filter((b) => b.phaseId === ph.id).map(({ phaseId: _phaseId, ...b }) => b),
      milestones: milestones
        .filter((m) => m.phaseId === ph.id)
        .sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0))
        .map((m) => ({ id: m.id, kind: m.kind, label: milestoneLabels[m.kind], plannedOn: m.plannedOn, startedOn: m.startedOn, completedOn: m.completedOn, note: m.note, late: isMilestoneLate(m, today) })),
      rates: withRates(await countRates(ctx.db, ctx.tenantId, eq(housingPhases.id, ph.id), today)),
    });
  }
  return { ...toProject(p, names.get(p.orgId) ?? '', await projectRates(ctx, p.id, today)), phases: out };
}

export async function createProject(ctx: ActorContext, input: CreateProjectBody) {
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    const [row] = await tx
      .insert(housingProjects)
      .values({ tenantId: ctx.tenantId, orgId: org.id, kind: input.kind, name: input.name, investmentFen: input.investmentFen, landAreaM2: input.landAreaM2 ?? null, floorAreaM2: input.floorAreaM2 ?? null, sites: input.sites, completedAreaM2: input.completedAreaM2, note: input.note })
      .returning();
    await recordAudit(tx, ctx, { action: 'housing.project.create', entityType: 'housing_project', entityId: row.id, after: { name: row.name, kind: row.kind, investmentFen: row.investmentFen } });
    return row.id;
  });
}

/** Audit state moves forward only with an audited amount once audited (已完成审计). */
export async function updateProject(ctx: ActorContext, id: string, input: UpdateProjectBody) {
  return ctx.db.transaction(async (tx) => {
    const p = await getProjectRow(ctx, id, tx);
    const auditState = input.auditState ?? p.auditState;
    const auditedFen = input.auditedFen === undefined ? p.auditedFen : input.auditedFen;
    if (auditState === 'audited' && auditedFen === null) throw fieldError('auditedFen', '审计完成须填写审定金额');
    const patch = {
      name: input.name ?? p.name,
      investmentFen: input.investmentFen ?? p.investmentFen,
      auditState,
      auditedFen,
      landAreaM2: input.landAreaM2 === undefined ? p.landAreaM2 : input.landAreaM2,
      floorAreaM2: input.floorAreaM2 === undefined ? p.floorAreaM2 : input.floorAreaM2,
      sites: input.sites ?? p.sites,
      completedAreaM2: input.completedAreaM2 ?? p.completedAreaM2,
      note: input.note ?? p.note,
    };
    await tx.update(housingProjects).set({ ...patch, updatedAt: new Date() }).where(and(eq(housingProjects.tenantId, ctx.tenantId), eq(housingProjects.id, id)));
    await recordAudit(tx, ctx, { action: 'housing.project.update', entityType: 'housing_project', entityId: id, before: { name: p.name, investmentFen: p.investmentFen, auditState: p.auditState, auditedFen: p.auditedFen, landAreaM2: p.landAreaM2, floorAreaM2: p.floorAreaM2, sites: p.sites, completedAreaM2: p.completedAreaM2 }, after: patch });
  });
}

/** A phase is created with all eight milestones, planned dates optional. */
export async function createPhase(ctx: ActorContext, projectId: string, input: CreatePhaseBody) {
  return ctx.db.transaction(async (tx) => {
    const p = await getProjectRow(ctx, projectId, tx);
    if (p.kind !== 'resettlement') throw new AppError('INVALID_STATE', '提质项目不分期', { reason: 'upgrade_no_phases' });
    const [{ n }] = await tx.select({ n: count() }).from(housingPhases).where(and(eq(housingPhases.tenantId, ctx.tenantId), eq(housingPhases.projectId, projectId)));
    const [phase] = await tx.insert(housingPhases).values({ tenantId: ctx.tenantId, projectId, orgId: p.orgId, name: input.name, sortOrder: n }).returning();
    await tx.insert(housingMilestones).values(milestoneKinds.map((kind) => ({ tenantId: ctx.tenantId, phaseId: phase.id, orgId: p.orgId, kind, plannedOn: input.plannedDates[kind] ?? null })));
    await recordAudit(tx, ctx, { action: 'housing.phase.create', entityType: 'housing_phase', entityId: phase.id, after: { projectId, name: phase.name } });
    return phase.id;
  });
}

async function getPhaseRow(ctx: ActorContext, id: string, db: Db) {
  const [ph] = await db.select().from(housingPhases).where(and(eq(housingPhases.tenantId, ctx.tenantId), eq(housingPhases.id, id), inScope(ctx, housingPhases.orgId)));
  if (!ph) throw notFound('分期');
  return ph;
}

/** Adds a building with its units labelled floor+number (e.g. 501, 502). */
export async function createBuilding(ctx: ActorContext, phaseId: string, input: CreateBuildingBody) {
  return ctx.db.transaction(async (tx) => {
    const ph = await getPhaseRow(ctx, phaseId, tx);
    const [b] = await tx.insert(housingBuildings).values({ tenantId: ctx.tenantId, phaseId, orgId: ph.orgId, name: input.name, floors: input.floors }).returning();
    const perFloor = Math.ceil(input.unitCount / input.floors);
    const units = Array.from({ length: input.unitCount }, (_, i) => ({
      tenantId: ctx.tenantId,
      buildingId: b.id,
      phaseId,
      orgId: ph.orgId,
      label: `${Math.floor(i / perFloor) + 1}${String((i % perFloor) + 1).padStart(2, '0')}`,
      areaM2: input.unitAreaM2,
    }));
    for (let i = 0; i < units.length; i += 500) await tx.insert(housingUnits).values(units.slice(i, i + 500));
    await recordAudit(tx, ctx, { action: 'housing.building.create', entityType: 'housing_building', entityId: b.id, after: { phaseId, name: b.name, units: input.unitCount } });
    return b.id;
  });
}

/** Adds a household to resettle; linked to the village's household record when given (once per phase). */
export async function addResettlementHousehold(ctx: ActorContext, phaseId: string, input: AddHouseholdBody) {
  return ctx.db.transaction(async (tx) => {
    const ph = await getPhaseRow(ctx, phaseId, tx);
    let headName = input.headName ?? '';
    if (input.householdId) {
      const [h] = await tx.select().from(households).where(and(eq(households.tenantId, ctx.tenantId), eq(households.id, input.householdId), inScope(ctx, households.orgId)));
      if (!h) throw fieldError('householdId', '住户不存在');
      const [dup] = await tx.select({ id: resettlementHouseholds.id }).from(resettlementHouseholds).where(and(eq(resettlementHouseholds.tenantId, ctx.tenantId), eq(resettlementHouseholds.phaseId, phaseId), eq(resettlementHouseholds.householdId, h.id)));
      if (dup) throw new AppError('CONFLICT', '该住户已在本期安置名单中', { reason: 'household_listed' });
      headName = input.headName ?? h.headName;
    }
    const [row] = await tx
      .insert(resettlementHouseholds)
      .values({ tenantId: ctx.tenantId, phaseId, orgId: ph.orgId, householdId: input.householdId ?? null, headName, size: input.size, entitledUnits: input.entitledUnits })
      .returning();
    await recordAudit(tx, ctx, { action: 'housing.household.add', entityType: 'resettlement_household', entityId: row.id, after: { phaseId, entitledUnits: row.entitledUnits } });
    return row.id;
  });
}

export async function listResettlementHouseholds(ctx: ActorContext, phaseId: string, q: { page: number; pageSize: number; movedBack?: 'yes' | 'no' }) {
  await getPhaseRow(ctx, phaseId, ctx.db);
  const where: SQL[] = [eq(resettlementHouseholds.tenantId, ctx.tenantId), eq(resettlementHouseholds.phaseId, phaseId)];
  if (q.movedBack === 'yes') where.push(isNotNull(resettlementHouseholds.movedBackOn));
  if (q.movedBack === 'no') where.push(isNull(resettlementHouseholds.movedBackOn));
  const [{ total }] = await ctx.db.select({ total: count() }).from(resettlementHouseholds).where(and(...where));
  const rows = await ctx.db.select().from(resettlementHouseholds).where(and(...where)).orderBy(asc(resettlementHouseholds.headName), asc(resettlementHouseholds.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const ids = rows.map((r) => r.id);
  const units = ids.length
    ? await ctx.db
        .select({ id: housingUnits.id, label: housingUnits.label, building: housingBuildings.name, contractSignedOn: housingUnits.contractSignedOn, allocatedTo: housingUnits.allocatedTo })
        .from(housingUnits)
        .innerJoin(housingBuildings, and(eq(housingBuildings.tenantId, housingUnits.tenantId), eq(housingBuildings.id, housingUnits.buildingId)))
        .where(and(eq(housingUnits.tenantId, ctx.tenantId), inArray(housingUnits.allocatedTo, ids)))
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      phaseId: r.phaseId,
      householdId: r.householdId,
      headName: r.headName,
      size: r.size,
      entitledUnits: r.entitledUnits,
      movedBackOn: r.movedBackOn,
      units: units.filter((u) => u.allocatedTo === r.id).map(({ allocatedTo: _a, ...u }) => u),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function listPhaseUnits(ctx: ActorContext, phaseId: string) {
  await getPhaseRow(ctx, phaseId, ctx.db);
  const rows = await ctx.db
    .select({ unit: housingUnits, building: housingBuildings.name })
    .from(housingUnits)
    .innerJoin(housingBuildings, and(eq(housingBuildings.tenantId, housingUnits.tenantId), eq(housingBuildings.id, housingUnits.buildingId)))
    .where(and(eq(housingUnits.tenantId, ctx.tenantId), eq(housingUnits.phaseId, phaseId)))
    .orderBy(asc(housingBuildings.name), asc(housingUnits.label));
  return {
    items: rows.map(({ unit: u, building }) => ({ id: u.id, label: u.label, buildingId: u.buildingId, building, areaM2: u.areaM2, allocatedTo: u.allocatedTo, allocatedOn: u.allocatedOn, contractSignedOn: u.contractSignedOn })),
  };
}

async function getUnitRow(ctx: ActorContext, id: string, db: Db) {
  const [u] = await db.select().from(housingUnits).where(and(eq(housingUnits.tenantId, ctx.tenantId), eq(housingUnits.id, id), inScope(ctx, housingUnits.orgId))).for('update');
  if (!u) throw notFound('安置房');
  return u;
}

async function milestoneOf(db: Db, tenantId: number, phaseId: string, kind: Milestone['kind']) {
  const [m] = await db.select().from(housingMilestones).where(and(eq(housingMilestones.tenantId, tenantId), eq(housingMilestones.phaseId, phaseId), eq(housingMilestones.kind, kind)));
  return m;
}

/** Allocates a unit to a household of the same phase: a unit goes to one household, a household gets no more than its entitlement. */
export async function allocateUnit(ctx: ActorContext, unitId: string, input: { resettlementHouseholdId: string; date: string }) {
  return ctx.db.transaction(async (tx) => {
    const unit = await getUnitRow(ctx, unitId, tx);
    if (unit.allocatedTo) throw new AppError('CONFLICT', '该套房已分配给其他住户', { reason: 'unit_taken' });
    const [h] = await tx
      .select()
      .from(resettlementHouseholds)
      .where(and(eq(resettlementHouseholds.tenantId, ctx.tenantId), eq(resettlementHouseholds.id, input.resettlementHouseholdId)))
      .for('update');
    if (!h || h.phaseId !== unit.phaseId) throw fieldError('resettlementHouseholdId', '该住户不在本期安置名单中');
    const [{ n }] = await tx.select({ n: count() }).from(housingUnits).where(and(eq(housingUnits.tenantId, ctx.tenantId), eq(housingUnits.allocatedTo, h.id)));
    if (n >= h.entitledUnits) throw new AppError('CONFLICT', `该户应安置${h.entitledUnits}套，已分配${n}套，不能重复分配`, { reason: 'entitlement_reached', entitled: h.entitledUnits, allocated: n });
    await tx.update(housingUnits).set({ allocatedTo: h.id, allocatedOn: input.date, updatedAt: new Date() }).where(and(eq(housingUnits.tenantId, ctx.tenantId), eq(housingUnits.id, unitId)));
    await recordAudit(tx, ctx, { action: 'housing.unit.allocate', entityType: 'housing_unit', entityId: unitId, after: { resettlementHouseholdId: h.id, date: input.date } });
  });
}

/** 网签: only an allocated unit, and only once the phase's 四证 are done. */
export async function signUnitContract(ctx: ActorContext, unitId: string, input: { date: string }) {
  return ctx.db.transaction(async (tx) => {
    const unit = await getUnitRow(ctx, unitId, tx);
    if (!unit.allocatedTo) throw new AppError('INVALID_STATE', '未分配的房屋不能网签', { reason: 'unit_not_allocated' });
    if (unit.contractSignedOn) throw new AppError('CONFLICT', '该套房已网签', { reason: 'already_signed' });
    const cert = await milestoneOf(tx, ctx.tenantId, unit.phaseId, 'certificates');
    if (!cert?.completedOn || cert.completedOn > input.date) throw new AppError('INVALID_STATE', '四证办理完成前不能网签', { reason: 'certificates_pending' });
    await tx.update(housingUnits).set({ contractSignedOn: input.date, updatedAt: new Date() }).where(and(eq(housingUnits.tenantId, ctx.tenantId), eq(housingUnits.id, unitId)));
    await recordAudit(tx, ctx, { action: 'housing.unit.sign', entityType: 'housing_unit', entityId: unitId, after: { contractSignedOn: input.date } });
  });
}

/** 回迁: the household has a unit and the phase passed 竣工验收 on or before that day. */
export async function recordMoveBack(ctx: ActorContext, householdId: string, input: { date: string }) {
  return ctx.db.transaction(async (tx) => {
    const [h] = await tx
      .select()
      .from(resettlementHouseholds)
      .where(and(eq(resettlementHouseholds.tenantId, ctx.tenantId), eq(resettlementHouseholds.id, householdId), inScope(ctx, resettlementHouseholds.orgId)))
      .for('update');
    if (!h) throw notFound('安置户');
    if (h.movedBackOn) throw new AppError('CONFLICT', '该户已登记回迁', { reason: 'already_moved_back' });
    const acceptance = await milestoneOf(tx, ctx.tenantId, h.phaseId, 'acceptance');
    if (!acceptance?.completedOn || acceptance.completedOn > input.date) throw new AppError('INVALID_STATE', '竣工验收完成前不能回迁', { reason: 'acceptance_pending' });
    const [{ n }] = await tx.select({ n: count() }).from(housingUnits).where(and(eq(housingUnits.tenantId, ctx.tenantId), eq(housingUnits.allocatedTo, h.id)));
    if (n === 0) throw new AppError('INVALID_STATE', '该户尚未分配安置房，不能回迁', { reason: 'no_unit' });
    await tx.update(resettlementHouseholds).set({ movedBackOn: input.date, updatedAt: new Date() }).where(and(eq(resettlementHouseholds.tenantId, ctx.tenantId), eq(resettlementHouseholds.id, householdId)));
    await recordAudit(tx, ctx, { action: 'housing.household.move_back', entityType: 'resettlement_household', entityId: householdId, after: { movedBackOn: input.date } });
  });
}

/** Records planned/actual dates of a milestone; a completion cannot precede the start or lie in the future. */
export async function updateMilestone(ctx: ActorContext, id: string, input: UpdateMilestoneBody) {
  return ctx.db.transaction(async (tx) => {
    const [m] = await tx.select().from(housingMilestones).where(and(eq(housingMilestones.tenantId, ctx.tenantId), eq(housingMilestones.id, id), inScope(ctx, housingMilestones.orgId)));
    if (!m) throw notFound('节点');
    const next = {
      plannedOn: input.plannedOn === undefined ? m.plannedOn : input.plannedOn,
      startedOn: input.startedOn === undefined ? m.startedOn : input.startedOn,
      completedOn: input.completedOn === undefined ? m.completedOn : input.completedOn,
      note: input.note ?? m.note,
    };
    const today = shanghaiDate();
    if (next.startedOn && next.startedOn > today) throw fieldError('startedOn', '实际开始日期不能晚于今天');
    if (next.completedOn && next.completedOn > today) throw fieldError('completedOn', '实际完成日期不能晚于今天');
    if (next.completedOn && next.startedOn && next.completedOn < next.startedOn) throw fieldError('completedOn', '完成日期不能早于开始日期');
    await tx.update(housingMilestones).set({ ...next, updatedAt: new Date() }).where(and(eq(housingMilestones.tenantId, ctx.tenantId), eq(housingMilestones.id, id)));
    await recordAudit(tx, ctx, { action: 'housing.milestone.update', entityType: 'housing_milestone', entityId: id, before: { plannedOn: m.plannedOn, startedOn: m.startedOn, completedOn: m.completedOn }, after: next });
  });
}
