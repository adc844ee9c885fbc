import { and, eq, gte, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { shanghaiDate } from '../../platform/time.js';
import { endOfShanghaiDay } from '../../platform/working-days.js';
import { recordAudit } from '../audit/index.js';
import { orgUnits } from '../org-units/index.js';
import { findGridAtInTenant } from '../places/index.js';
import { rectificationItems } from '../rectification/index.js';
import { tenants } from '../tenants/index.js';
import { hazardCategoryLabels } from './hazards.labels.js';
import { statusOf } from './hazards.service.js';
import { hazardCategories, hazards, newestFirst, type HazardCategory } from './hazards.table.js';
import { resolveOpen311Key } from './open311.keys.js';

/** A GeoReport v2 error: the HTTP status and the code in the body are the same number. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 500,
    readonly description: string,
  ) {
    super(description);
  }
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

const categoryDescriptions: Record<HazardCategory, string> = {
  fire: '消防通道堵塞、电动车违规充电、消防设施损坏等',
  production: '生产经营单位安全生产隐患',
  construction: '建筑工地扬尘、围挡、脚手架等隐患',
  gas: '燃气管线、软管、液化气罐等隐患',
  public_order: '治安、照明、监控等隐患',
  sanitation: '垃圾清运、乱贴乱画等环境卫生问题',
  environment: '散煤、油烟、无组织排放等环境问题',
  traffic: '乱停乱放、井盖缺失、道路破损等',
  other: '其他安全隐患',
};

/** The street's hazard categories as GeoReport services. */
export function listOpen311Services(): Open311Service[] {
  return hazardCategories.map((c) => ({
    service_code: c,
    service_name: hazardCategoryLabels[c],
    description: categoryDescriptions[c],
    metadata: false,
    type: 'realtime',
    keywords: '隐患',
    group: '安全隐患',
  }));
}

/** jurisdiction_id is the street's 9-digit division code; without it the only street (or the key's street) answers. */
export async function resolveJurisdiction(db: Db, jurisdictionId: string | undefined, fallbackTenantId?: number): Promise<number> {
  if (jurisdictionId) {
    const [t] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, jurisdictionId));
    if (!t || t.id === 0) throw new Open311Error(404, 'jurisdiction_id not found');
    if (fallbackTenantId !== undefined && fallbackTenantId !== t.id) throw new Open311Error(403, 'api_key is not valid for this jurisdiction');
    return t.id;
  }
  if (fallbackTenantId !== undefined) return fallbackTenantId;
  const streets = await db.select({ id: tenants.id }).from(tenants).where(ne(tenants.id, 0)).limit(2);
  if (streets.length !== 1) throw new Open311Error(400, 'jurisdiction_id is required');
  return streets[0].id;
}

function one(v: unknown): string | undefined {
  if (Array.isArray(v)) return one(v[0]);
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

function parseCoordinate(v: string | undefined, name: 'lat' | 'long', min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Open311Error(400, `${name} must be a number between ${min} and ${max}`);
  return n;
}

function parseDateTime(v: string | undefined, name: string): Date | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new Open311Error(400, `${name} must be a w3 date-time`);
  return new Date(t);
}

/** POST requests: files a hazard for the key's street; the location is a point or an address. */
export async function createOpen311Request(db: Db, params: Record<string, unknown>): Promise<{ service_request_id: string; service_notice: string; account_id: string | null }> {
  const apiKey = one(params.api_key);
  if (!apiKey) throw new Open311Error(400, 'api_key is required');
  const key = await resolveOpen311Key(db, apiKey);
  if (!key) throw new Open311Error(403, 'api_key is not valid');
  const tenantId = await resolveJurisdiction(db, one(params.jurisdiction_id), key.tenantId);
  const serviceCode = one(params.service_code);
  if (!serviceCode) throw new Open311Error(400, 'service_code is required');
  if (!(hazardCategories as readonly string[]).includes(serviceCode)) throw new Open311Error(404, 'service_code not found');
  const category = serviceCode as HazardCategory;
  const lat = parseCoordinate(one(params.lat), 'lat', -90, 90);
  const lng = parseCoordinate(one(params.long), 'long', -180, 180);
  if ((lat === undefined) !== (lng === undefined)) throw new Open311Error(400, 'lat and long must be given together');
  const address = one(params.address_string) ?? one(params.address_id);
  if (lat === undefined && !address) throw new Open311Error(400, 'a location is required: lat/long or address_string');
  const description = one(params.description);
  if (!description) throw new Open311Error(400, 'description is required');
  if (description.length > 4000) throw new Open311Error(400, 'description is too long');
  const mediaUrl = one(params.media_url);
  if (mediaUrl && !/^https?:\/\/\S{1,2000}$/.test(mediaUrl)) throw new Open311Error(400, 'media_url must be an http(s) URL');
  const reporter = [one(params.last_name), one(params.first_name)].filter(Boolean).join('') || key.name;

  return db.transaction(async (tx) => {
    const grid = lat !== undefined && lng !== undefined ? await findGridAtInTenant(tx, tenantId, lat, lng) : null;
    let orgId = grid?.orgId;
    if (!orgId) {
      const [root] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), isNull(orgUnits.parentId))).limit(1);
      if (!root) throw new Open311Error(500, 'jurisdiction has no organisation');
      orgId = root.id;
    }
    const now = new Date();
    const [row] = await tx
      .insert(hazards)
      .values({
        tenantId,
        orgId,
        gridId: grid?.id ?? null,
        category,
        severity: 'general',
        description: description.slice(0, 2000),
        lat: lat ?? null,
        lng: lng ?? null,
        address: address?.slice(0, 200) ?? '',
        mediaUrl: mediaUrl ?? null,
        sourceKind: 'open311',
        sourceId: key.keyId,
        reportedBy: null,
        reporterName: reporter.slice(0, 50),
        reportedAt: now,
        reportedDate: shanghaiDate(now),
      })
      .returning();
    await recordAudit(tx, { tenantId, system: `open311:${key.name}` }, { action: 'hazard.report', entityType: 'hazard', entityId: row.id, after: { category, orgId, source: 'open311' } });
    return { service_request_id: row.id, service_notice: '已受理，网格员将到现场核查', account_id: one(params.account_id) ?? null };
  });
}

const requestColumns = {
  hazard: hazards,
  orgName: orgUnits.name,
  itemState: rectificationItems.state,
  itemDeadline: rectificationItems.deadline,
  itemUpdatedAt: rectificationItems.updatedAt,
};

function toOpen311Request(r: {
  hazard: typeof hazards.$inferSelect;
  orgName: string | null;
  itemState: (typeof rectificationItems.$inferSelect)['state'] | null;
  itemDeadline: string | null;
  itemUpdatedAt: Date | null;
}): Open311Request {
  const h = r.hazard;
  const status = statusOf(h.resolution, r.itemState);
  const notes: Record<typeof status, string> = {
    pending: '已受理，待核查处置',
    fixed: '已立即整改',
    rectifying: `限期整改中，整改期限 ${r.itemDeadline ?? ''}`,
    closed: '限期整改已完成并验收销号',
    merged: '已与同一隐患合并处理',
  };
  const updated = [h.updatedAt, r.itemUpdatedAt].filter((d): d is Date => d instanceof Date).sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    service_request_id: h.id,
    status: status === 'pending' || status === 'rectifying' ? 'open' : 'closed',
    status_notes: notes[status],
    service_name: hazardCategoryLabels[h.category],
    service_code: h.category,
    description: h.description,
    agency_responsible: r.orgName ?? '',
    service_notice: null,
    requested_datetime: h.reportedAt.toISOString(),
    updated_datetime: (updated ?? h.reportedAt).toISOString(),
    expected_datetime: r.itemDeadline && status === 'rectifying' ? endOfShanghaiDay(r.itemDeadline).toISOString() : null,
    address: h.address || null,
    address_id: null,
    zipcode: null,
    lat: h.lat,
    long: h.lng,
    media_url: h.mediaUrl,
  };
}

function requestQuery(db: Db) {
  return db
    .select(requestColumns)
    .from(hazards)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, hazards.tenantId), eq(orgUnits.id, hazards.orgId)))
    .leftJoin(rectificationItems, and(eq(rectificationItems.tenantId, hazards.tenantId), eq(rectificationItems.id, hazards.rectificationItemId)));
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_WINDOW_MS = 90 * 86_400_000;
const MAX_RESULTS = 1000;

/** GET requests with the standard filters; by default the last 90 days, at most 1,000 requests. */
export async function listOpen311Requests(db: Db, params: Record<string, unknown>): Promise<Open311Request[]> {
  const tenantId = await resolveJurisdiction(db, one(params.jurisdiction_id));
  const conds: SQL[] = [eq(hazards.tenantId, tenantId)];
  const ids = one(params.service_request_id);
  if (ids) {
    const list = ids.split(',').map((s) => s.trim()).filter(Boolean);
    if (list.length > 100 || list.some((id) => !UUID_RE.test(id))) throw new Open311Error(400, 'service_request_id is not valid');
    conds.push(inArray(hazards.id, list));
  } else {
    const codes = one(params.service_code);
    if (codes) {
      const list = codes.split(',').map((s) => s.trim());
      if (list.some((c) => !(hazardCategories as readonly string[]).includes(c))) throw new Open311Error(404, 'service_code not found');
      conds.push(inArray(hazards.category, list as HazardCategory[]));
    }
    const end = parseDateTime(one(params.end_date), 'end_date');
    const start = parseDateTime(one(params.start_date), 'start_date') ?? new Date((end ?? new Date()).getTime() - DEFAULT_WINDOW_MS);
    conds.push(gte(hazards.reportedAt, start));
    if (end) conds.push(lte(hazards.reportedAt, end));
    const status = one(params.status);
    if (status) {
      const wanted = status.split(',').map((s) => s.trim());
      if (wanted.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed');
      const openCond = sql`(${hazards.resolution} is null or (${hazards.resolution} = 'deadline' and ${rectificationItems.state} is distinct from 'closed'))`;
      if (wanted.includes('open') && !wanted.includes('closed')) conds.push(openCond);
      if (wanted.includes('closed') && !wanted.includes('open')) conds.push(sql`not ${openCond}`);
    }
  }
  const rows = await requestQuery(db)
    .where(and(...conds))
    .orderBy(...newestFirst)
    .limit(MAX_RESULTS);
  return rows.map(toOpen311Request);
}

export async function getOpen311Request(db: Db, id: string, params: Record<string, unknown>): Promise<Open311Request[]> {
  const tenantId = await resolveJurisdiction(db, one(params.jurisdiction_id));
  if (!UUID_RE.test(id)) throw new Open311Error(404, 'service_request_id not found');
  const rows = await requestQuery(db).where(and(eq(hazards.tenantId, tenantId), eq(hazards.id, id)));
  if (rows.length === 0) throw new Open311Error(404, 'service_request_id not found');
  return rows.map(toOpen311Request);
}
