import { and, asc, count, desc, eq } from 'drizzle-orm';
import { readHandle } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { MetricDefinition, MetricRecords, MetricScope, MetricValue } from '../../platform/metrics.js';
import type { ActorContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, inScope, orgUnits, type OrgUnit } from '../org-units/index.js';
import { cachedByStamp, concurrencyFor, mapConcurrent } from './dashboards.compute.js';
import { dashboardMetrics } from './dashboards.metrics.js';
import { monthsOf, parsePeriod, type Period } from './dashboards.period.js';
import { reportSnapshots, type SnapshotValue } from './dashboards.table.js';

export interface PeriodInput {
  period?: string;
  from?: string;
  to?: string;
  orgId?: string;
}

export interface MetricInfo {
  id: string;
  name: string;
  definition: string;
  unit: string;
  version: number;
  kind: 'count' | 'sum' | 'ratio';
  group: string;
  module: string;
  reported: { value: number; text: string } | null;
}

export interface ComputedMetric extends MetricInfo {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  error: string | null;
}

interface RegisteredMetric {
  module: string;
  def: MetricDefinition;
}

/** Stand-ins this module defines until the owning module publishes the same figure under its own id. */
const standIns: Record<string, string> = {
  'members.total': 'members.registered',
  'org.villages': 'party.orgs.village',
  'org.communities': 'party.orgs.community',
  'org.non_public': 'party.orgs.non_public',
  'org.social_orgs': 'party.orgs.social_org',
  'org.branches': 'party.orgs.branch',
  'org.groups': 'party.orgs.group',
  'org.grassroots': 'party.grassroots_orgs',
};

/** The id a figure is published under now: the owner's id if it exists, else the stand-in's. */
export async function effectiveMetricId(standInId: string): Promise<string> {
  const owner = standIns[standInId];
  return owner && (await registeredMetrics()).some((m) => m.def.id === owner) ? owner : standInId;
}

/** The member count used to normalise rankings: the members module's, or the stand-in. */
async function memberBaseMetric(): Promise<RegisteredMetric> {
  const all = await registeredMetrics();
  const found = all.find((m) => m.def.id === 'members.registered') ?? all.find((m) => m.def.id === 'members.total');
  if (!found) throw notFound('指标');
  return found;
}

/**
 * Every metric of every registered module, once each. A module that owns a figure wins over the
 * stand-in this module defines for it. The registry is imported lazily: it imports this module.
 */
export async function registeredMetrics(): Promise<RegisteredMetric[]> {
  const { modules } = await import('../registry.js');
  const owned = new Map<string, RegisteredMetric>();
  for (const m of modules) {
    if (m.name === 'dashboards') continue;
    for (const def of m.metrics ?? []) if (!owned.has(def.id)) owned.set(def.id, { module: m.name, def });
  }
  const own: RegisteredMetric[] = [];
  for (const d of dashboardMetrics) {
    const owner = owned.get(d.id) ?? owned.get(standIns[d.id] ?? '');
    if (!owner) {
      own.push({ module: 'dashboards', def: d });
      continue;
    }
    // The owner publishes the figure; the 2018 report's number for it must not be lost with the stand-in.
    if (!owner.def.reported && d.reported) owned.set(owner.def.id, { module: owner.module, def: { ...owner.def, reported: d.reported } });
  }
  return [...own, ...owned.values()];
}

export async function findMetric(id: string): Promise<RegisteredMetric> {
  const found = (await registeredMetrics()).find((m) => m.def.id === id);
  if (!found) throw notFound('指标');
  return found;
}

export function toMetricInfo(m: RegisteredMetric): MetricInfo {
  const d = m.def;
  return { id: d.id, name: d.name, definition: d.definition, unit: d.unit, version: d.version, kind: d.kind, group: d.group, module: m.module, reported: d.reported ?? null };
}

/** The org a figure is for: one the actor may see, or the actor's scope root. */
export async function resolveOrg(ctx: ActorContext, orgId?: string): Promise<OrgUnit> {
  return getOrgInScope(ctx, orgId ?? ctx.actor.scopeOrgId);
}

/** Figures and their drill-downs are heavy reads: they go to the read replica when one is configured. */
export function scopeFor(ctx: ActorContext, org: OrgUnit, period: Period): MetricScope {
  return { db: readHandle(ctx), tenantId: ctx.tenantId, orgPath: org.path, from: period.from, to: period.to };
}

async function computeOne(m: RegisteredMetric, scope: MetricScope): Promise<ComputedMetric> {
  const info = toMetricInfo(m);
  try {
    const v: MetricValue = await m.def.compute(scope);
    return { ...info, value: v.value, numerator: v.numerator ?? null, denominator: v.denominator ?? null, error: null };
  } catch (e) {
    // One module's failing figure must not blank the whole screen; the error shows on its card.
    return { ...info, value: null, numerator: null, denominator: null, error: e instanceof Error ? e.message.slice(0, 200) : '计算失败' };
  }
}

export interface Overview {
  period: Period;
  org: { id: string; name: string; kind: string };
  metrics: ComputedMetric[];
}

/**
 * Computes every registered metric over the org's subtree for the period: concurrently where the
 * database allows, and served from a short-lived cache until the street next writes anything
 * (dashboards.compute.ts). The key holds every metric's id and version, so a changed definition
 * never answers from an old entry.
 */
export async function computeOverview(ctx: ActorContext, input: PeriodInput): Promise<Overview> {
  const period = parsePeriod(input);
  const org = await resolveOrg(ctx, input.orgId);
  const scope = scopeFor(ctx, org, period);
  const all = await registeredMetrics();
  const key = `overview|${org.path}|${period.from}|${period.to}|${all.map((m) => `${m.def.id}@${m.def.version}`).join(',')}`;
  const metrics = await cachedByStamp(ctx.services, ctx.db, ctx.tenantId, key, () => mapConcurrent(all, concurrencyFor(ctx.services), (m) => computeOne(m, scope)));
  return { period, org: { id: org.id, name: org.name, kind: org.kind }, metrics };
}

/** The summary as JSON: metric id → value, unit, version (the machine-readable report). */
export async function computeSummary(ctx: ActorContext, input: PeriodInput) {
  const o = await computeOverview(ctx, input);
  const metrics: Record<string, { name: string; value: number | null; unit: string; version: number; numerator?: number; denominator?: number }> = {};
  for (const m of o.metrics) {
    metrics[m.id] = { name: m.name, value: m.value, unit: m.unit, version: m.version, ...(m.numerator !== null ? { numerator: m.numerator } : {}), ...(m.denominator !== null ? { denominator: m.denominator } : {}) };
  }
  return { period: o.period, org: o.org, metrics };
}

/** The records behind one figure: exactly the rows the figure counts. */
export async function listMetricRecords(ctx: ActorContext, id: string, input: PeriodInput & { page: number; pageSize: number }): Promise<MetricRecords & { page: number; pageSize: number; metric: MetricInfo; period: Period }> {
  const m = await findMetric(id);
  const period = parsePeriod(input);
  const org = await resolveOrg(ctx, input.orgId);
  const r = await m.def.records(scopeFor(ctx, org, period), { page: input.page, pageSize: input.pageSize });
  return { ...r, page: input.page, pageSize: input.pageSize, metric: toMetricInfo(m), period };
}

/** Month-by-month values of one metric over the period (at most 24 months). */
export async function metricTrend(ctx: ActorContext, id: string, input: PeriodInput) {
  const m = await findMetric(id);
  const period = parsePeriod(input);
  const org = await resolveOrg(ctx, input.orgId);
  const items = await mapConcurrent(monthsOf(period), concurrencyFor(ctx.services), async (month) => ({
    month: month.label,
    value: (await m.def.compute(scopeFor(ctx, org, month))).value,
  }));
  return { metric: toMetricInfo(m), period, items };
}

export type Normalisation = 'none' | 'member' | 'household';

/**
 * One metric for each unit directly under the org, optionally per 100 members or households, so a
 * ranking compares work done rather than size.
 */
export async function metricByOrg(ctx: ActorContext, id: string, input: PeriodInput & { per: Normalisation }) {
  const m = await findMetric(id);
  const period = parsePeriod(input);
  const org = await resolveOrg(ctx, input.orgId);
  const children = await ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.parentId, org.id), eq(orgUnits.status, 'active')))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
  const baseMetric = input.per === 'member' ? await memberBaseMetric() : input.per === 'household' ? await findMetric('households.total') : null;
  const items = await mapConcurrent(children, concurrencyFor(ctx.services), async (child) => {
    const scope = scopeFor(ctx, child, period);
    const v = await m.def.compute(scope);
    const base = baseMetric ? (await baseMetric.def.compute(scope)).value : null;
    const normalised = base === null ? v.value : base === 0 ? 0 : Math.round((v.value * 10000) / base) / 100;
    return { orgId: child.id, name: child.name, kind: child.kind, value: v.value, base, normalised };
  });
  items.sort((a, b) => b.normalised - a.normalised || a.name.localeCompare(b.name, 'zh'));
  return { metric: toMetricInfo(m), period, org: { id: org.id, name: org.name }, per: input.per, items };
}

/** The 2018 report's figures, each beside the number computed from records. */
export async function buildReport(ctx: ActorContext, input: PeriodInput) {
  const o = await computeOverview(ctx, input);
  return {
    period: o.period,
    org: o.org,
    items: o.metrics
      .filter((m) => m.reported)
      .map((m) => ({ id: m.id, name: m.name, group: m.group, unit: m.unit, version: m.version, definition: m.definition, reportedValue: m.reported?.value ?? 0, reportedText: m.reported?.text ?? '', computed: m.value, error: m.error })),
  };
}

/** Stores a generated report with the value and definition version of every metric it used. */
export async function createSnapshot(ctx: ActorContext, input: PeriodInput & { title: string }) {
  const o = await computeOverview(ctx, input);
  const values: Record<string, SnapshotValue> = {};
  for (const m of o.metrics) {
    if (m.value === null) continue;
    values[m.id] = { name: m.name, value: m.value, unit: m.unit, version: m.version, ...(m.numerator !== null ? { numerator: m.numerator } : {}), ...(m.denominator !== null ? { denominator: m.denominator } : {}) };
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reportSnapshots)
      .values({ tenantId: ctx.tenantId, orgId: o.org.id, title: input.title, periodLabel: o.period.label, periodFrom: o.period.from, periodTo: o.period.to, values, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'dashboard.snapshot.create', entityType: 'report_snapshot', entityId: row.id, after: { title: row.title, period: row.periodLabel, metrics: Object.keys(values).length } });
    return toSnapshotResponse(row, o.org.name, await currentVersions());
  });
}

async function currentVersions(): Promise<Map<string, number>> {
  return new Map((await registeredMetrics()).map((m) => [m.def.id, m.def.version]));
}

type SnapshotRow = typeof reportSnapshots.$inferSelect;

function toSnapshotResponse(row: SnapshotRow, orgName: string, versions: Map<string, number>) {
  return {
    id: row.id,
    title: row.title,
    orgId: row.orgId,
    orgName,
    period: { label: row.periodLabel, from: row.periodFrom, to: row.periodTo },
    createdAt: row.createdAt.toISOString(),
    values: Object.entries(row.values).map(([id, v]) => ({ id, ...v, numerator: v.numerator ?? null, denominator: v.denominator ?? null, currentVersion: versions.get(id) ?? null })),
  };
}

/** Reports generated for orgs in the actor's scope, newest first. */
export async function listSnapshots(ctx: ActorContext, q: { page: number; pageSize: number }) {
  const where = and(eq(reportSnapshots.tenantId, ctx.tenantId), inScope(ctx, reportSnapshots.orgId));
  const [c] = await ctx.db.select({ n: count() }).from(reportSnapshots).where(where);
  const rows = await ctx.db
    .select({ s: reportSnapshots, orgName: orgUnits.name })
    .from(reportSnapshots)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, reportSnapshots.tenantId), eq(orgUnits.id, reportSnapshots.orgId)))
    .where(where)
    .orderBy(desc(reportSnapshots.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => ({ id: r.s.id, title: r.s.title, orgName: r.orgName, period: { label: r.s.periodLabel, from: r.s.periodFrom, to: r.s.periodTo }, createdAt: r.s.createdAt.toISOString(), metricCount: Object.keys(r.s.values).length })),
    total: Number(c?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getSnapshot(ctx: ActorContext, id: string) {
  const [r] = await ctx.db
    .select({ s: reportSnapshots, orgName: orgUnits.name })
    .from(reportSnapshots)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, reportSnapshots.tenantId), eq(orgUnits.id, reportSnapshots.orgId)))
    .where(and(eq(reportSnapshots.tenantId, ctx.tenantId), eq(reportSnapshots.id, id), inScope(ctx, reportSnapshots.orgId)));
  if (!r) throw notFound('报表');
  return toSnapshotResponse(r.s, r.orgName, await currentVersions());
}
