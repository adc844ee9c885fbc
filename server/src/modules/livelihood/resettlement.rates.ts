import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { housingMilestones, housingPhases, housingUnits, livelihoodSettings, resettlementHouseholds, type ContractBasis, type MilestoneKind, type MoveBackBasis, type StartedWhen } from './resettlement.table.js';

/** Raw counts behind 开工率, 回迁率 and 网签率 for a set of phases. */
export interface RateCounts {
  phasesPlanned: number;
  phasesStarted: number;
  householdsToResettle: number;
  householdsMovedBack: number;
  unitsAllocated: number;
  unitsSigned: number;
}

export interface Rates extends RateCounts {
  /** Percentages 0–100 with one decimal; null when the denominator is 0. */
  startRate: number | null;
  moveBackRate: number | null;
  contractRate: number | null;
}

export function percent(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n * 1000) / d) / 10;
}

export function withRates(c: RateCounts): Rates {
  return {
    ...c,
    startRate: percent(c.phasesStarted, c.phasesPlanned),
    moveBackRate: percent(c.householdsMovedBack, c.householdsToResettle),
    contractRate: percent(c.unitsSigned, c.unitsAllocated),
  };
}

/** The rate definitions a street may configure (DESIGN.md: 开工率, 回迁率, 网签率). */
export interface RateSettings {
  startedMilestone: MilestoneKind;
  startedWhen: StartedWhen;
  contractBasis: ContractBasis;
  moveBackBasis: MoveBackBasis;
}

export const defaultRateSettings: RateSettings = { startedMilestone: 'piling', startedWhen: 'started', contractBasis: 'allocated', moveBackBasis: 'listed' };

/** The street's rate settings, or the defaults (开工 = 桩基施工 begun; 网签率 over allocated units; 回迁率 over listed households). */
export async function rateSettingsOf(db: Db, tenantId: number): Promise<RateSettings> {
  const [row] = await db.select().from(livelihoodSettings).where(eq(livelihoodSettings.tenantId, tenantId));
  if (!row) return defaultRateSettings;
  return { startedMilestone: row.startedMilestone, startedWhen: row.startedWhen, contractBasis: row.contractBasis, moveBackBasis: row.moveBackBasis };
}

/** SQL: the phase (by id column) has reached its start milestone (begun, or finished when so set) by `asOf`. */
export function phaseStartedSql(tenantId: number, phaseId: AnyColumn | SQL, settings: Pick<RateSettings, 'startedMilestone' | 'startedWhen'>, asOf: string): SQL {
  const day = settings.startedWhen === 'completed' ? sql`${housingMilestones.completedOn}` : sql`coalesce(${housingMilestones.startedOn}, ${housingMilestones.completedOn})`;
  return sql`exists (select 1 from ${housingMilestones} where ${housingMilestones.tenantId} = ${tenantId} and ${housingMilestones.phaseId} = ${phaseId} and ${housingMilestones.kind} = ${settings.startedMilestone} and ${day} <= ${asOf})`;
}

/** SQL: the resettlement household has at least one unit allocated to it. */
export function householdAllocatedSql(tenantId: number): SQL {
  return sql`exists (select 1 from ${housingUnits} where ${housingUnits.tenantId} = ${tenantId} and ${housingUnits.allocatedTo} = ${resettlementHouseholds.id})`;
}

/**
 * Counts for the phases selected by `where` (a condition on housing_phases), as of a day.
 * 开工率 = phases started / phases planned; 回迁率 = households moved back / households to resettle;
 * 网签率 = units signed / units allocated — each as the street's settings define them (`unitsAllocated` holds
 * all built units when 网签率 is set to divide by them; `householdsToResettle` only those given a unit when so set).
 * Nothing is typed in: everything is counted from records.
 */
export async function countRates(db: Db, tenantId: number, where: SQL, asOf: string, given?: RateSettings): Promise<RateCounts> {
  const settings = given ?? (await rateSettingsOf(db, tenantId));
  const phaseIds = sql`(select ${housingPhases.id} from ${housingPhases} where ${housingPhases.tenantId} = ${tenantId} and ${where})`;
  const [p] = await db
    .select({
      planned: sql<number>`count(*)::int`,
      started: sql<number>`(count(*) filter (where ${phaseStartedSql(tenantId, housingPhases.id, settings, asOf)}))::int`,
    })
    .from(housingPhases)
    .where(and(eq(housingPhases.tenantId, tenantId), where));
  const [h] = await db
    .select({
      total: settings.moveBackBasis === 'allocated' ? sql<number>`(count(*) filter (where ${householdAllocatedSql(tenantId)}))::int` : sql<number>`count(*)::int`,
      moved: sql<number>`(count(*) filter (where ${resettlementHouseholds.movedBackOn} <= ${asOf}))::int`,
    })
    .from(resettlementHouseholds)
    .where(and(eq(resettlementHouseholds.tenantId, tenantId), sql`${resettlementHouseholds.phaseId} in ${phaseIds}`));
  const [u] = await db
    .select({
      allocated: settings.contractBasis === 'built' ? sql<number>`count(*)::int` : sql<number>`(count(*) filter (where ${housingUnits.allocatedTo} is not null))::int`,
      signed: sql<number>`(count(*) filter (where ${housingUnits.allocatedTo} is not null and ${housingUnits.contractSignedOn} <= ${asOf}))::int`,
    })
    .from(housingUnits)
    .where(and(eq(housingUnits.tenantId, tenantId), sql`${housingUnits.phaseId} in ${phaseIds}`));
  return {
    phasesPlanned: p?.planned ?? 0,
    phasesStarted: p?.started ?? 0,
    householdsToResettle: h?.total ?? 0,
    householdsMovedBack: h?.moved ?? 0,
    unitsAllocated: u?.allocated ?? 0,
    unitsSigned: u?.signed ?? 0,
  };
}

export const noRateCounts: RateCounts = { phasesPlanned: 0, phasesStarted: 0, householdsToResettle: 0, householdsMovedBack: 0, unitsAllocated: 0, unitsSigned: 0 };

/**
 * The same counts as `countRates`, for many projects at once: three grouped statements whatever the number
 * of projects (the project list would otherwise cost three statements per project).
 */
export async function countRatesByProject(db: Db, tenantId: number, projectIds: string[], asOf: string, given?: RateSettings): Promise<Map<string, RateCounts>> {
  const out = new Map<string, RateCounts>(projectIds.map((id) => [id, { ...noRateCounts }]));
  if (projectIds.length === 0) return out;
  const settings = given ?? (await rateSettingsOf(db, tenantId));
  const inProjects = inArray(housingPhases.projectId, projectIds);
  const phases = await db
    .select({
      projectId: housingPhases.projectId,
      planned: sql<number>`count(*)::int`,
      started: sql<number>`(count(*) filter (where ${phaseStartedSql(tenantId, housingPhases.id, settings, asOf)}))::int`,
    })
    .from(housingPhases)
    .where(and(eq(housingPhases.tenantId, tenantId), inProjects))
    .groupBy(housingPhases.projectId);
  const households = await db
    .select({
      projectId: housingPhases.projectId,
      total: settings.moveBackBasis === 'allocated' ? sql<number>`(count(*) filter (where ${householdAllocatedSql(tenantId)}))::int` : sql<number>`count(*)::int`,
      moved: sql<number>`(count(*) filter (where ${resettlementHouseholds.movedBackOn} <= ${asOf}))::int`,
    })
    .from(resettlementHouseholds)
    .innerJoin(housingPhases, and(eq(housingPhases.tenantId, resettlementHouseholds.tenantId), eq(housingPhases.id, resettlementHouseholds.phaseId)))
    .where(and(eq(resettlementHouseholds.tenantId, tenantId), inProjects))
    .groupBy(housingPhases.projectId);
  const units = await db
    .select({
      projectId: housingPhases.projectId,
      allocated: settings.contractBasis === 'built' ? sql<number>`count(*)::int` : sql<number>`(count(*) filter (where ${housingUnits.allocatedTo} is not null))::int`,
      signed: sql<number>`(count(*) filter (where ${housingUnits.allocatedTo} is not null and ${housingUnits.contractSignedOn} <= ${asOf}))::int`,
    })
    .from(housingUnits)
    .innerJoin(housingPhases, and(eq(housingPhases.tenantId, housingUnits.tenantId), eq(housingPhases.id, housingUnits.phaseId)))
    .where(and(eq(housingUnits.tenantId, tenantId), inProjects))
    .groupBy(housingPhases.projectId);
  const at = (id: string) => out.get(id) ?? { ...noRateCounts };
  for (const p of phases) out.set(p.projectId, { ...at(p.projectId), phasesPlanned: p.planned, phasesStarted: p.started });
  for (const h of households) out.set(h.projectId, { ...at(h.projectId), householdsToResettle: h.total, householdsMovedBack: h.moved });
  for (const u of units) out.set(u.projectId, { ...at(u.projectId), unitsAllocated: u.allocated, unitsSigned: u.signed });
  return out;
}
