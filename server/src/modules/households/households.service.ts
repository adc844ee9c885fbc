import { and, asc, count, desc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { fieldError, notFound } from '../../platform/errors.js';
import { maskPhone } from '../../platform/masking.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { members } from '../members/members.table.js';
import { getOrgInScope } from '../org-units/index.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { gridScope } from '../places/places.grid-scope.js';
import { buildings, grids } from '../places/places.table.js';
import { pairings, workClaims } from '../points/points.table.js';
import type {
  CreateHouseholdBody,
  HouseholdDetailResponse,
  HouseholdResponse,
  ListHouseholdsQuery,
  UpdateHouseholdBody,
} from './households.schema.js';
import { households } from './households.table.js';

export type Household = typeof households.$inferSelect;

/**
 * The part of the place tree an actor may reach. Managers: their data scope. A plain member, whose scope
 * is a branch, serves the households of the branch's village or community; members of enterprise and
 * social-organisation branches serve the whole street.
 */
export async function householdReachPath(ctx: ActorContext, db: Db = ctx.db): Promise<string> {
  if (!ctx.actor.roles.every((r) => r === 'member')) return ctx.actor.scopePath;
  const parts = ctx.actor.scopePath.split('/').filter(Boolean);
  if (parts.length < 2) return ctx.actor.scopePath;
  const [unit] = await db
    .select({ kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, parts[1])));
  if (unit && (unit.kind === 'village' || unit.kind === 'community')) return unit.path;
  return `/${parts[0]}/`;
}

function reachCondition(tenantId: number, path: string): SQL {
  return sql`${households.orgId} in (select ${orgUnits.id} from ${orgUnits} where ${orgUnits.tenantId} = ${tenantId} and ${orgUnits.path} like ${path + '%'})`;
}

const selection = {
  id: households.id,
  orgId: households.orgId,
  orgName: orgUnits.name,
  gridId: households.gridId,
  gridName: grids.name,
  buildingId: households.buildingId,
  address: households.address,
  headName: households.headName,
  headPhoneMasked: households.headPhoneMasked,
  size: households.size,
  tags: households.tags,
};

function baseQuery(db: Db) {
  return db
    .select(selection)
    .from(households)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, households.tenantId), eq(orgUnits.id, households.orgId)))
    .leftJoin(grids, and(eq(grids.tenantId, households.tenantId), eq(grids.id, households.gridId)));
}

/** Loads a household the actor may reach; otherwise NOT_FOUND. */
export async function getHouseholdInReach(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<HouseholdResponse> {
  const path = await householdReachPath(ctx, db);
  const [row] = await baseQuery(db).where(and(eq(households.tenantId, ctx.tenantId), eq(households.id, id), reachCondition(ctx.tenantId, path), gridScope(ctx, households.gridId)));
  if (!row) throw notFound('住户');
  return row;
}

export async function listHouseholds(ctx: ActorContext, q: ListHouseholdsQuery): Promise<Paged<HouseholdResponse>> {
  const path = await householdReachPath(ctx);
  const conds: SQL[] = [eq(households.tenantId, ctx.tenantId), reachCondition(ctx.tenantId, path), gridScope(ctx, households.gridId)];
  if (q.orgId) {
    const org = await getOrgInScope({ ...ctx, actor: { ...ctx.actor, scopePath: path } }, q.orgId);
    conds.push(reachCondition(ctx.tenantId, org.path));
  }
  if (q.gridId) conds.push(eq(households.gridId, q.gridId));
  if (q.tag) conds.push(sql`${q.tag} = any(${households.tags})`);
  if (q.q) {
    const term = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(households.address, term), like(households.headName, term)) as SQL);
  }
  const where = and(...conds);
  const [{ total }] = await ctx.db.select({ total: count() }).from(households).where(where);
  const items = await baseQuery(ctx.db).where(where).orderBy(asc(orgUnits.sortOrder), asc(households.address)).limit(q.pageSize).offset(offsetOf(q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** A household's page: every visit, pairing (with each help) and case (dispute, difficulty) about it. */
export async function getHouseholdDetail(ctx: ActorContext, id: string): Promise<HouseholdDetailResponse> {
  const household = await getHouseholdInReach(ctx, id);
  const claims = await ctx.db
    .select({
      id: workClaims.id,
      kind: workClaims.category,
      occurredOn: workClaims.occurredOn,
      memberName: members.name,
      summary: workClaims.summary,
      state: workClaims.state,
      pairingId: workClaims.pairingId,
    })
    .from(workClaims)
    .innerJoin(members, and(eq(members.tenantId, workClaims.tenantId), eq(members.id, workClaims.memberId)))
    .where(and(eq(workClaims.tenantId, ctx.tenantId), eq(workClaims.householdId, id)))
    .orderBy(desc(workClaims.occurredOn));
  const pairs = await ctx.db
    .select({ id: pairings.id, memberName: members.name, startedOn: pairings.startedOn, endedOn: pairings.endedOn })
    .from(pairings)
    .innerJoin(members, and(eq(members.tenantId, pairings.tenantId), eq(members.id, pairings.memberId)))
    .where(and(eq(pairings.tenantId, ctx.tenantId), eq(pairings.householdId, id)))
    .orderBy(desc(pairings.startedOn));
  const item = ({ pairingId: _p, ...c }: (typeof claims)[number]) => c;
  return {
    ...household,
    visits: claims.filter((c) => c.kind === 'visit').map(item),
    cases: claims.filter((c) => c.kind === 'dispute' || c.kind === 'difficulty').map(item),
    pairings: pairs.map((p) => ({ ...p, helps: claims.filter((c) => c.kind === 'pairing' && c.pairingId === p.id).map(item) })),
  };
}

async function assertPlace(ctx: ActorContext, db: Db, orgPath: string, gridId: string | null, buildingId: string | null) {
  if (gridId) {
    const [g] = await db
      .select({ path: orgUnits.path })
      .from(grids)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, grids.tenantId), eq(orgUnits.id, grids.orgId)))
      .where(and(eq(grids.tenantId, ctx.tenantId), eq(grids.id, gridId)));
    if (!g || !g.path.startsWith(orgPath)) throw fieldError('gridId', '网格不属于该村（社区）');
  }
  if (buildingId) {
    const [b] = await db.select({ gridId: buildings.gridId }).from(buildings).where(and(eq(buildings.tenantId, ctx.tenantId), eq(buildings.id, buildingId)));
    if (!b || (gridId && b.gridId !== gridId)) throw fieldError('buildingId', '楼院不属于该网格');
  }
}

export async function createHousehold(ctx: ActorContext, input: CreateHouseholdBody): Promise<HouseholdResponse> {
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    if (org.kind !== 'village' && org.kind !== 'community') throw fieldError('orgId', '住户应登记在村或社区下');
    await assertPlace(ctx, tx, org.path, input.gridId, input.buildingId);
    const [row] = await tx
      .insert(households)
      .values({
        tenantId: ctx.tenantId,
        orgId: org.id,
        gridId: input.gridId,
        buildingId: input.buildingId,
        address: input.address,
        headName: input.headName,
        headPhoneEnc: input.headPhone ? ctx.services.cipher.encrypt(input.headPhone) : null,
        headPhoneMasked: input.headPhone ? maskPhone(input.headPhone) : null,
        size: input.size,
        tags: input.tags,
      })
      .returning({ id: households.id });
    await recordAudit(tx, ctx, { action: 'household.create', entityType: 'household', entityId: row.id, after: { address: input.address, size: input.size, tags: input.tags } });
    return getHouseholdInReach(ctx, row.id, tx);
  });
}

export async function updateHousehold(ctx: ActorContext, id: string, input: UpdateHouseholdBody): Promise<HouseholdResponse> {
  return ctx.db.transaction(async (tx) => {
    const before = await getHouseholdInReach(ctx, id, tx);
    const org = await getOrgInScope(ctx, before.orgId, tx);
    await assertPlace(ctx, tx, org.path, input.gridId ?? null, input.buildingId ?? null);
    const { headPhone, ...rest } = input;
    await tx
      .update(households)
      .set({
        ...rest,
        ...(headPhone !== undefined
          ? { headPhoneEnc: headPhone ? ctx.services.cipher.encrypt(headPhone) : null, headPhoneMasked: headPhone ? maskPhone(headPhone) : null }
          : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(households.tenantId, ctx.tenantId), eq(households.id, id)));
    const after = await getHouseholdInReach(ctx, id, tx);
    await recordAudit(tx, ctx, {
      action: 'household.update',
      entityType: 'household',
      entityId: id,
      before: { address: before.address, headName: before.headName, size: before.size, tags: before.tags },
      after: { address: after.address, headName: after.headName, size: after.size, tags: after.tags },
    });
    return after;
  });
}
