import { and, count, eq, ilike, inArray, isNull, max, or, type SQL } from 'drizzle-orm';
import { parseCreditCode, creditCodeProblemText } from '../../platform/credit-code.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { maskPhone } from '../../platform/masking.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, inScope, orgNames } from '../org-units/index.js';
import { grids, isGridOnly, myGridIds } from '../places/index.js';
import type { BanEnterpriseBody, CreateEnterpriseBody, EnterpriseResponse, ListEnterprisesQuery, UpdateEnterpriseBody } from './enterprises.schema.js';
import { enterpriseInspections, enterprises } from './enterprises.table.js';

export type Enterprise = typeof enterprises.$inferSelect;

/** Checks a credit code (GB 32100) and returns it normalised; an empty one means none. */
export function checkCreditCode(raw: string | undefined, path = 'creditCode'): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const r = parseCreditCode(raw);
  if (!r.ok) throw fieldError(path, creditCodeProblemText[r.problem]);
  return r.code;
}

/**
 * The units an actor sees: those of org units in her subtree; a grid worker with no wider role (网格员只看自己的网格)
 * sees those in her grids, and those of her units not yet placed in any grid (so she can place them).
 */
function enterpriseScope(ctx: ActorContext): SQL {
  const units = inScope(ctx, enterprises.orgId);
  if (!isGridOnly(ctx)) return units;
  return and(units, or(isNull(enterprises.gridId), inArray(enterprises.gridId, myGridIds(ctx)))) as SQL;
}

/** Loads a unit in the actor's scope (NOT_FOUND outside it). */
export async function getEnterpriseInScope(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<Enterprise> {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.tenantId, ctx.tenantId), eq(enterprises.id, id), enterpriseScope(ctx)));
  if (!row) throw notFound('单位');
  return row;
}

async function assertGridInOrg(ctx: ActorContext, db: Db, gridId: string, orgId: string) {
  const [g] = await db.select({ orgId: grids.orgId }).from(grids).where(and(eq(grids.tenantId, ctx.tenantId), eq(grids.id, gridId)));
  if (!g || g.orgId !== orgId) throw fieldError('gridId', '网格不属于所选村（社区）');
}

async function assertCreditCodeFree(ctx: ActorContext, db: Db, code: string, exceptId?: string) {
  const [dup] = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(and(eq(enterprises.tenantId, ctx.tenantId), eq(enterprises.creditCode, code)));
  if (dup && dup.id !== exceptId) throw new AppError('CONFLICT', `统一社会信用代码已登记（${dup.name}）`, [{ path: 'creditCode', message: '该代码已登记' }]);
}

function auditView(e: Enterprise) {
  return { name: e.name, category: e.category, creditCode: e.creditCode, address: e.address, orgId: e.orgId, status: e.status, contactPhone: e.contactPhoneMasked };
}

export async function toEnterpriseResponses(ctx: ActorContext, rows: Enterprise[]): Promise<EnterpriseResponse[]> {
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  const stats = new Map<string, { last: string | null; n: number }>();
  if (rows.length > 0) {
    const ids = rows.map((r) => r.id);
    const agg = await ctx.db
      .select({ id: enterpriseInspections.enterpriseId, last: max(enterpriseInspections.inspectedOn), n: count() })
      .from(enterpriseInspections)
      .where(and(eq(enterpriseInspections.tenantId, ctx.tenantId), inArray(enterpriseInspections.enterpriseId, ids)))
      .groupBy(enterpriseInspections.enterpriseId);
    for (const a of agg) stats.set(a.id, { last: a.last, n: a.n });
  }
  return rows.map((e) => ({
    id: e.id,
    orgId: e.orgId,
    orgName: names.get(e.orgId) ?? '',
    gridId: e.gridId,
    name: e.name,
    category: e.category,
    creditCode: e.creditCode,
    address: e.address,
    industry: e.industry,
    contactName: e.contactName,
    contactPhoneMasked: e.contactPhoneMasked,
    status: e.status,
    bannedOn: e.bannedOn,
    bannedReason: e.bannedReason,
    lastInspectedOn: stats.get(e.id)?.last ?? null,
    inspectionCount: stats.get(e.id)?.n ?? 0,
  }));
}

function listFilter(ctx: ActorContext, q: Partial<ListEnterprisesQuery>): SQL {
  const conds: SQL[] = [eq(enterprises.tenantId, ctx.tenantId), enterpriseScope(ctx)];
  if (q.category) conds.push(eq(enterprises.category, q.category));
  if (q.status) conds.push(eq(enterprises.status, q.status));
  if (q.orgId) conds.push(eq(enterprises.orgId, q.orgId));
  if (q.q) {
    const like = `%${q.q}%`;
    const c = or(ilike(enterprises.name, like), ilike(enterprises.address, like), ilike(enterprises.creditCode, like));
    if (c) conds.push(c);
  }
  return and(...conds) as SQL;
}

/** Lists units in the actor's scope. */
export async function listEnterprises(ctx: ActorContext, q: ListEnterprisesQuery): Promise<Paged<EnterpriseResponse>> {
  const where = listFilter(ctx, q);
  const [{ total }] = await ctx.db.select({ total: count() }).from(enterprises).where(where);
  const rows = await ctx.db.select().from(enterprises).where(where).orderBy(enterprises.category, enterprises.name).limit(q.pageSize).offset(offsetOf(q));
  return { items: await toEnterpriseResponses(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

/** All units in scope (ledger export). */
export async function listAllEnterprises(ctx: ActorContext): Promise<EnterpriseResponse[]> {
  const rows = await ctx.db.select().from(enterprises).where(listFilter(ctx, {})).orderBy(enterprises.category, enterprises.name);
  return toEnterpriseResponses(ctx, rows);
}

export async function getEnterprise(ctx: ActorContext, id: string): Promise<EnterpriseResponse> {
  const [r] = await toEnterpriseResponses(ctx, [await getEnterpriseInScope(ctx, id)]);
  return r;
}

/** Registers a unit under a village/community in scope; the credit code must pass GB 32100 and be unique. */
export async function createEnterprise(ctx: ActorContext, input: CreateEnterpriseBody): Promise<EnterpriseResponse> {
  const creditCode = checkCreditCode(input.creditCode);
  if (!creditCode && input.category !== 'workshop') throw fieldError('creditCode', '请填写统一社会信用代码（仅小作坊可不填）');
  const row = await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    if (org.kind !== 'village' && org.kind !== 'community') throw fieldError('orgId', '单位应归属到村或社区');
    if (input.gridId) await assertGridInOrg(ctx, tx, input.gridId, org.id);
    if (creditCode) await assertCreditCodeFree(ctx, tx, creditCode);
    const [e] = await tx
      .insert(enterprises)
      .values({
        tenantId: ctx.tenantId,
        orgId: org.id,
        gridId: input.gridId ?? null,
        name: input.name,
        category: input.category,
        creditCode,
        address: input.address,
        industry: input.industry ?? null,
        contactName: input.contactName ?? null,
        contactPhoneEnc: input.contactPhone ? ctx.services.cipher.encrypt(input.contactPhone) : null,
        contactPhoneMasked: input.contactPhone ? maskPhone(input.contactPhone) : null,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'enterprise.create', entityType: 'enterprise', entityId: e.id, after: auditView(e) });
    return e;
  });
  const [r] = await toEnterpriseResponses(ctx, [row]);
  return r;
}

export async function updateEnterprise(ctx: ActorContext, id: string, input: UpdateEnterpriseBody): Promise<EnterpriseResponse> {
  const creditCode = input.creditCode === undefined ? undefined : checkCreditCode(input.creditCode);
  const row = await ctx.db.transaction(async (tx) => {
    const before = await getEnterpriseInScope(ctx, id, tx);
    if (creditCode === null && before.category !== 'workshop') throw fieldError('creditCode', '请填写统一社会信用代码（仅小作坊可不填）');
    if (creditCode) await assertCreditCodeFree(ctx, tx, creditCode, id);
    if (input.gridId) await assertGridInOrg(ctx, tx, input.gridId, before.orgId);
    const [e] = await tx
      .update(enterprises)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.address !== undefined ? { address: input.address } : {}),
        ...(input.industry !== undefined ? { industry: input.industry } : {}),
        ...(input.contactName !== undefined ? { contactName: input.contactName } : {}),
        ...(input.gridId !== undefined ? { gridId: input.gridId } : {}),
        ...(creditCode !== undefined ? { creditCode } : {}),
        ...(input.contactPhone !== undefined
          ? { contactPhoneEnc: ctx.services.cipher.encrypt(input.contactPhone), contactPhoneMasked: maskPhone(input.contactPhone) }
          : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(enterprises.tenantId, ctx.tenantId), eq(enterprises.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: 'enterprise.update', entityType: 'enterprise', entityId: id, before: auditView(before), after: auditView(e) });
    return e;
  });
  const [r] = await toEnterpriseResponses(ctx, [row]);
  return r;
}

/** 取缔: only a small workshop still operating can be banned; the ban date may not lie in the future. */
export async function banWorkshop(ctx: ActorContext, id: string, input: BanEnterpriseBody): Promise<EnterpriseResponse> {
  if (input.bannedOn > shanghaiDate()) throw fieldError('bannedOn', '取缔日期不能晚于今天');
  const row = await ctx.db.transaction(async (tx) => {
    const before = await getEnterpriseInScope(ctx, id, tx);
    if (before.category !== 'workshop') throw new AppError('INVALID_STATE', '只有小作坊可以取缔');
    if (before.status !== 'operating') throw new AppError('INVALID_STATE', '该小作坊已取缔或关闭');
    const [e] = await tx
      .update(enterprises)
      .set({ status: 'banned', bannedOn: input.bannedOn, bannedReason: input.reason, updatedAt: new Date() })
      .where(and(eq(enterprises.tenantId, ctx.tenantId), eq(enterprises.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: 'enterprise.ban', entityType: 'enterprise', entityId: id, before: { status: before.status }, after: { status: 'banned', bannedOn: input.bannedOn }, reason: input.reason });
    return e;
  });
  const [r] = await toEnterpriseResponses(ctx, [row]);
  return r;
}

