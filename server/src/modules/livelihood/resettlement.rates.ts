import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { housingMilestones, housingPhases, housingUnits, livelihoodSettings, resettlementHouseholds, type MilestoneKind } from './resettlement.table.js';

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

/** The street's setting: which milestone marks "construction started" (default 桩基施工). */
export async function startedMilestoneOf(db: Db, tenantId: number): Promise<MilestoneKind> {
  const [row] = await db.select().from(livelihoodSettings).where(eq(livelihoodSettings.tenantId, tenantId));
  return row?.startedMilestone ?? 'piling';
}

/** SQL: the phase (by id column) has its start milestone started or completed by `asOf`. */
export function phaseStartedSql(tenantId: number, phaseId: AnyColumn | SQL, kind: MilestoneKind, asOf: string): SQL {
  return sql`exists (select 1 from ${housingMilestones} where ${housingMilestones.tenantId} = ${tenantId} and ${housingMilestones.phaseId} = ${phaseId} and ${housingMilestones.kind} = ${kind} and coalesce(${housingMilestones.startedOn}, ${housingMilestones.completedOn}) <= ${asOf})`;
}

/**
 * Counts for the phases selected by `where` (a condition on housing_phases), as of a day.
 * 开工率 = phases started / phases planned; 回迁率 = households moved back / households to resettle;
 * 网签率 = units signed / units allocated. Nothing is typed in: everything is counted from records.
 */
export async function countRates(db: Db, tenantId: number, where: SQL, asOf: string): Promise<RateCounts> {
  const kind = await startedMilestoneOf(db, tenantId);
  const phaseIds = sql`(select ${housingPhases.id} from ${housingPhases} where ${housingPhases.tenantId} = ${tenantId} and ${where})`;
  const [p] = await db
    .select({
      planned: sql<number>`count(*)::int`,
      started: sql<number>`(count(*) filter (where ${phaseStartedSql(tenantId, housingPhases.id, kind, asOf)}))::int`,
    })
    .from(housingPhases)
    .where(and(eq(housingPhases.tenantId, tenantId), where));
  const [h] = await db
    .select({
      total: sql<number>`count(*)::int`,
      moved: sql<number>`(count(*) filter (where ${resettlementHouseholds.movedBackOn} <= ${asOf}))::int`,
    })
    .from(resettlementHouseholds)
    .where(and(eq(resettlementHouseholds.tenantId, tenantId), sql`${resettlementHouseholds.phaseId} in ${phaseIds}`));
  const [u] = await db
    .select({
      allocated: sql<number>`(count(*) filter (where ${housingUnits.allocatedTo} is not null))::int`,
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
