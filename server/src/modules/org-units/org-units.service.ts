import { and, asc, eq, inArray, like, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext, RequestContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { users } from '../accounts/accounts.table.js';
import { allowedChildKinds, orgKindLabels } from './org-units.rules.js';
import type { CloseOrgBody, CreateOrgBody, MoveOrgBody, OrgUnitResponse, RenameOrgBody } from './org-units.schema.js';
import { orgUnits, orgUnitVersions, type OrgKind } from './org-units.table.js';

export type OrgUnit = typeof orgUnits.$inferSelect;

/**
 * Data scope: the SQL condition "this org id lies in the actor's subtree".
 * Every module filters its reads and writes with it; out of scope then looks like not found.
 */
export function inScope(ctx: ActorContext, orgIdColumn: AnyColumn | SQL): SQL {
  return underStreetOrPath(ctx.tenantId, ctx.actor.scopePath, orgIdColumn);
}

/**
 * `underPath`, except that the street's root is the tenant's units: the same rows without the path test, which the
 * planner estimates far better (a `like` on the root matched "one unit" and pushed lists off their keyset index).
 * Used for scope and for record lists; the dashboard's counts keep `underPath`, whose plans were measured faster
 * for them (docs/benchmarks.md, 2026-12-06).
 */
export function underStreetOrPath(tenantId: number, rootPath: string, orgIdColumn: AnyColumn | SQL): SQL {
  if (isStreetRoot(rootPath)) return sql`${orgIdColumn} in (select ${orgUnits.id} from ${orgUnits} where ${orgUnits.tenantId} = ${tenantId})`;
  return underPath(tenantId, rootPath, orgIdColumn);
}

/** A street's root path ('/<id>/'): every unit of the tenant hangs under it (units are only created under a parent). */
export function isStreetRoot(path: string): boolean {
  return path.split('/').filter(Boolean).length === 1;
}

/** Scope condition on org_units rows themselves. */
function unitInScope(ctx: ActorContext): SQL {
  return and(eq(orgUnits.tenantId, ctx.tenantId), like(orgUnits.path, ctx.actor.scopePath + '%')) as SQL;
}

/** Loads one unit if it is in the actor's scope; otherwise NOT_FOUND (never FORBIDDEN). */
export async function getOrgInScope(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<OrgUnit> {
  const [row] = await db.select().from(orgUnits).where(and(unitInScope(ctx), eq(orgUnits.id, id)));
  if (!row) throw notFound('组织');
  return row;
}

/** All ids in the subtree rooted at `orgId` (inclusive), within scope. */
export async function subtreeIds(ctx: ActorContext, orgId: string): Promise<string[]> {
  const root = await getOrgInScope(ctx, orgId);
  const rows = await ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), like(orgUnits.path, root.path + '%')));
  return rows.map((r) => r.id);
}

/** SQL condition: org id column lies under `rootPath` (a unit's path). */
export function underPath(tenantId: number, rootPath: string, orgIdColumn: AnyColumn | SQL): SQL {
  return sql`${orgIdColumn} in (select ${orgUnits.id} from ${orgUnits} where ${orgUnits.tenantId} = ${tenantId} and ${orgUnits.path} like ${rootPath + '%'})`;
}

export function toOrgResponse(o: OrgUnit): OrgUnitResponse {
  return {
    id: o.id,
    parentId: o.parentId,
    kind: o.kind,
    name: o.name,
    divisionCode: o.divisionCode,
    status: o.status,
    validFrom: o.validFrom,
    validTo: o.validTo,
    depth: o.depth,
  };
}

export async function listOrgTree(ctx: ActorContext): Promise<OrgUnit[]> {
  return ctx.db
    .select()
    .from(orgUnits)
    .where(unitInScope(ctx))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.sortOrder), asc(orgUnits.name));
}

function assertChildKind(parent: OrgUnit, kind: OrgKind) {
  if (!allowedChildKinds[parent.kind].includes(kind)) {
    throw fieldError('kind', `${orgKindLabels[parent.kind]}下不能设立${orgKindLabels[kind]}`);
  }
}

interface NewUnit {
  tenantId: number;
  parent: OrgUnit | null;
  kind: OrgKind;
  name: string;
  divisionCode?: string | null;
  validFrom: string;
  sortOrder?: number;
  changedBy?: string | null;
}

/** Inserts a unit with its path and first version row (no scope checks: callers do them). */
export async function insertOrgUnit(db: Db, u: NewUnit): Promise<OrgUnit> {
  const id = crypto.randomUUID();
  const path = (u.parent?.path ?? '/') + id + '/';
  const [row] = await db
    .insert(orgUnits)
    .values({
      tenantId: u.tenantId,
      id,
      parentId: u.parent?.id ?? null,
      kind: u.kind,
      name: u.name,
      divisionCode: u.divisionCode ?? null,
      path,
      depth: (u.parent?.depth ?? -1) + 1,
      sortOrder: u.sortOrder ?? 0,
      validFrom: u.validFrom,
    })
    .returning();
  await db.insert(orgUnitVersions).values({
    tenantId: u.tenantId,
    orgId: id,
    name: u.name,
    parentId: u.parent?.id ?? null,
    validFrom: u.validFrom,
    change: 'create',
    changedBy: u.changedBy ?? null,
  });
  return row;
}

/** Creates a unit under a parent in scope, if the parent's kind allows that child kind. */
export async function createOrg(ctx: ActorContext, input: CreateOrgBody): Promise<OrgUnit> {
  return ctx.db.transaction(async (tx) => {
    const parent = await getOrgInScope(ctx, input.parentId, tx);
    if (parent.status !== 'active') throw new AppError('INVALID_STATE', '上级组织已撤销，不能新建下级');
    assertChildKind(parent, input.kind);
    const row = await insertOrgUnit(tx, {
      tenantId: ctx.tenantId,
      parent,
      kind: input.kind,
      name: input.name,
      divisionCode: input.divisionCode,
      validFrom: input.validFrom ?? shanghaiDate(),
      changedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, { action: 'org.create', entityType: 'org_unit', entityId: row.id, after: toOrgResponse(row) });
    return row;
  });
}

/** Closes the open version and opens a new one from the effective date. */
async function newVersion(tx: Db, ctx: ActorContext, org: OrgUnit, change: 'rename' | 'move' | 'close', effective: string, name: string, parentId: string | null) {
  if (effective < org.validFrom) throw fieldError('effectiveDate', '生效日期不能早于该组织的设立日期');
  await tx
    .update(orgUnitVersions)
    .set({ validTo: effective })
    .where(and(eq(orgUnitVersions.tenantId, ctx.tenantId), eq(orgUnitVersions.orgId, org.id), sql`${orgUnitVersions.validTo} is null`));
  await tx.insert(orgUnitVersions).values({
    tenantId: ctx.tenantId,
    orgId: org.id,
    name,
    parentId,
    validFrom: effective,
    validTo: change === 'close' ? effective : null,
    change,
    changedBy: ctx.actor.userId,
  });
}

function assertNotScopeRoot(ctx: ActorContext, org: OrgUnit) {
  if (org.id === ctx.actor.scopeOrgId) throw new AppError('FORBIDDEN', '不能修改自己的管理范围根组织');
}

export async function renameOrg(ctx: ActorContext, id: string, input: RenameOrgBody): Promise<OrgUnit> {
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, id, tx);
    if (org.status !== 'active') throw new AppError('INVALID_STATE', '已撤销的组织不能更名');
    await newVersion(tx, ctx, org, 'rename', input.effectiveDate ?? shanghaiDate(), input.name, org.parentId);
    const [row] = await tx
      .update(orgUnits)
      .set({ name: input.name, updatedAt: new Date() })
      .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: 'org.rename', entityType: 'org_unit', entityId: id, before: { name: org.name }, after: { name: row.name } });
    return row;
  });
}

/** Moves a unit (and its whole subtree) under a new parent; the paths of the subtree are rewritten. */
export async function moveOrg(ctx: ActorContext, id: string, input: MoveOrgBody): Promise<OrgUnit> {
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, id, tx);
    assertNotScopeRoot(ctx, org);
    if (org.status !== 'active') throw new AppError('INVALID_STATE', '已撤销的组织不能调整隶属关系');
    const parent = await getOrgInScope(ctx, input.parentId, tx);
    if (parent.path.startsWith(org.path)) throw fieldError('parentId', '不能移动到自身或其下级组织之下');
    if (parent.status !== 'active') throw new AppError('INVALID_STATE', '目标上级组织已撤销');
    assertChildKind(parent, org.kind);
    await newVersion(tx, ctx, org, 'move', input.effectiveDate ?? shanghaiDate(), org.name, parent.id);
    const newPath = parent.path + org.id + '/';
    const depthDelta = parent.depth + 1 - org.depth;
    await tx
      .update(orgUnits)
      .set({
        path: sql`${newPath} || substr(${orgUnits.path}, ${org.path.length + 1})`,
        depth: sql`${orgUnits.depth} + ${depthDelta}`,
        updatedAt: new Date(),
      })
      .where(and(eq(orgUnits.tenantId, ctx.tenantId), like(orgUnits.path, org.path + '%')));
    const [row] = await tx
      .update(orgUnits)
      .set({ parentId: parent.id })
      .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: 'org.move', entityType: 'org_unit', entityId: id, before: { parentId: org.parentId }, after: { parentId: parent.id } });
    return row;
  });
}

/** Closes (撤销) a unit that has no active sub-units; the record and its history stay. */
export async function closeOrg(ctx: ActorContext, id: string, input: CloseOrgBody): Promise<OrgUnit> {
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, id, tx);
    assertNotScopeRoot(ctx, org);
    if (org.status !== 'active') throw new AppError('INVALID_STATE', '该组织已撤销');
    const [child] = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.parentId, id), eq(orgUnits.status, 'active')))
      .limit(1);
    if (child) throw new AppError('INVALID_STATE', '该组织下仍有未撤销的下级组织，请先调整或撤销下级组织');
    await newVersion(tx, ctx, org, 'close', input.effectiveDate, org.name, org.parentId);
    const [row] = await tx
      .update(orgUnits)
      .set({ status: 'closed', validTo: input.effectiveDate, updatedAt: new Date() })
      .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: 'org.close', entityType: 'org_unit', entityId: id, reason: input.reason ?? null, after: { validTo: input.effectiveDate } });
    return row;
  });
}

export async function getOrgHistory(ctx: ActorContext, id: string) {
  await getOrgInScope(ctx, id);
  const parent = alias(orgUnits, 'parent');
  const rows = await ctx.db
    .select({
      name: orgUnitVersions.name,
      parentId: orgUnitVersions.parentId,
      parentName: parent.name,
      validFrom: orgUnitVersions.validFrom,
      validTo: orgUnitVersions.validTo,
      change: orgUnitVersions.change,
      changedByName: users.displayName,
    })
    .from(orgUnitVersions)
    .leftJoin(parent, and(eq(parent.tenantId, orgUnitVersions.tenantId), eq(parent.id, orgUnitVersions.parentId)))
    .leftJoin(users, and(eq(users.tenantId, orgUnitVersions.tenantId), eq(users.id, orgUnitVersions.changedBy)))
    .where(and(eq(orgUnitVersions.tenantId, ctx.tenantId), eq(orgUnitVersions.orgId, id)))
    .orderBy(asc(orgUnitVersions.createdAt));
  return { items: rows };
}

/** Names of units by id, for modules that show an org name beside a record. */
export async function orgNames(ctx: RequestContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), inArray(orgUnits.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
