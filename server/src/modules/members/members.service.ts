import { and, asc, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { idNumberProblemText, parseIdNumber } from '../../platform/id-number.js';
import { maskIdNumber, maskPhone } from '../../platform/masking.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import { namePinyin } from '../../platform/pinyin.js';
import type { ActorContext } from '../../platform/request-context.js';
import { normaliseText } from '../../platform/text-normalise.js';
import { shanghaiDate } from '../../platform/time.js';
import { users } from '../accounts/accounts.table.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, inScope, orgUnits, type OrgUnit } from '../org-units/index.js';
import type {
  ChangeStateBody,
  CreateMemberBody,
  ListMembersQuery,
  MemberDetail,
  MemberFilters,
  MemberSummary,
  RevealBody,
  TransferMemberBody,
  UpdateMemberBody,
} from './members.schema.js';
import { members, memberTransfers } from './members.table.js';
import { nextMemberState } from './members.workflow.js';

export type Member = typeof members.$inferSelect;

/** Columns that hold personal data, computed from the plaintext: ciphertext, keyed hash, masked copy. */
export function sealIdNumber(ctx: Pick<ActorContext, 'services'>, id: string) {
  return { idNumberEnc: ctx.services.cipher.encrypt(id), idNumberHash: ctx.services.cipher.blindIndex(id), idNumberMasked: maskIdNumber(id) };
}

export function sealPhone(ctx: Pick<ActorContext, 'services'>, phone: string | null) {
  if (!phone) return { phoneEnc: null, phoneHash: null, phoneMasked: null, phoneLast4: null };
  return {
    phoneEnc: ctx.services.cipher.encrypt(phone),
    phoneHash: ctx.services.cipher.blindIndex(phone),
    phoneMasked: maskPhone(phone),
    phoneLast4: phone.slice(-4),
  };
}

/** Normalises and checks an ID number (GB 11643 check digit); birth date and gender come from it. */
export function checkIdNumber(raw: string, path = 'idNumber') {
  const parsed = parseIdNumber(normaliseText(raw).replace(/\s/g, ''));
  if (!parsed.ok) throw fieldError(path, idNumberProblemText[parsed.problem]);
  return parsed.info;
}

/**
 * The SQL conditions of a member list: scope first, then the filters. The branch filter takes the
 * chosen unit's whole subtree; the search reads the query's shape (digits, letters or characters).
 */
export function memberConditions(ctx: ActorContext, f: MemberFilters): SQL[] {
  const conds: SQL[] = [eq(members.tenantId, ctx.tenantId), inScope(ctx, members.orgId)];
  if (f.orgId) {
    conds.push(
      sql`${members.orgId} in (select u.id from ${orgUnits} u where u.tenant_id = ${ctx.tenantId} and u.path like (select p.path from ${orgUnits} p where p.tenant_id = ${ctx.tenantId} and p.id = ${f.orgId}) || '%')`,
    );
  }
  if (f.state !== 'all') conds.push(eq(members.state, f.state));
  if (f.category) conds.push(eq(members.category, f.category));
  if (f.post) conds.push(sql`${members.posts} @> array[${f.post}]::text[]`);
  if (f.joinYear) conds.push(sql`${members.joinDate} between ${`${f.joinYear}-01-01`} and ${`${f.joinYear}-12-31`}`);
  if (f.q) conds.push(searchCondition(ctx, f.q));
  return conds;
}

function searchCondition(ctx: ActorContext, raw: string): SQL {
  const q = normaliseText(raw).replace(/\s/g, '');
  if (/^\d{4}$/.test(q)) return eq(members.phoneLast4, q);
  if (/^1\d{10}$/.test(q)) return eq(members.phoneHash, ctx.services.cipher.blindIndex(q));
  if (/^\d{17}[\dXx]$/.test(q)) return eq(members.idNumberHash, ctx.services.cipher.blindIndex(q.toUpperCase()));
  if (/^[a-zA-Z]+$/.test(q)) {
    const lower = q.toLowerCase();
    return or(like(members.namePinyin, `${lower}%`), like(members.nameInitials, `${lower}%`)) as SQL;
  }
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return like(members.name, `%${escaped}%`);
}

const summaryColumns = {
  id: members.id,
  orgId: members.orgId,
  orgName: orgUnits.name,
  name: members.name,
  gender: members.gender,
  birthDate: members.birthDate,
  idNumberMasked: members.idNumberMasked,
  phoneMasked: members.phoneMasked,
  category: members.category,
  joinDate: members.joinDate,
  posts: members.posts,
  state: members.state,
};

const orgJoin = and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgId));

/** Lists members in the actor's scope with filters and search; two statements (page + total). */
export async function listMembers(ctx: ActorContext, q: ListMembersQuery): Promise<Paged<MemberSummary>> {
  const where = and(...memberConditions(ctx, q));
  const [items, [{ total }]] = await Promise.all([
    ctx.db
      .select(summaryColumns)
      .from(members)
      .innerJoin(orgUnits, orgJoin)
      .where(where)
      .orderBy(asc(members.namePinyin), asc(members.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db.select({ total: count() }).from(members).where(where),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

const exportColumns = { ...summaryColumns, namePinyin: members.namePinyin, orgPath: orgUnits.path, ethnicity: members.ethnicity, education: members.education, address: members.address, regularisedDate: members.regularisedDate, idNumberEnc: members.idNumberEnc, phoneEnc: members.phoneEnc };

/**
 * Every matching member for an export, in roster order (branch, pinyin, id), read in keyset pages so a roster of any
 * size is never held at once.
 */
export async function* streamMembersForExport(ctx: ActorContext, f: MemberFilters, pageSize = 1000) {
  const base = memberConditions(ctx, f);
  let after: { orgPath: string; namePinyin: string; id: string } | undefined;
  for (;;) {
    const conds = after ? [...base, sql`(${orgUnits.path}, ${members.namePinyin}, ${members.id}) > (${after.orgPath}, ${after.namePinyin}, ${after.id}::uuid)`] : base;
    const page = await ctx.db
      .select(exportColumns)
      .from(members)
      .innerJoin(orgUnits, orgJoin)
      .where(and(...conds))
      .orderBy(asc(orgUnits.path), asc(members.namePinyin), asc(members.id))
      .limit(pageSize);
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = { orgPath: last.orgPath, namePinyin: last.namePinyin, id: last.id };
  }
}

/** How many members an export with these filters writes. */
export async function countMembersForExport(ctx: ActorContext, f: MemberFilters): Promise<number> {
  const [{ total }] = await ctx.db.select({ total: count() }).from(members).where(and(...memberConditions(ctx, f)));
  return total;
}

/** Loads one member in the actor's scope (out of scope is NOT_FOUND). */
export async function getMemberInScope(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<Member> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, id), inScope(ctx, members.orgId)));
  if (!row) throw notFound('党员');
  return row;
}

async function toDetail(ctx: ActorContext, m: Member): Promise<MemberDetail> {
  const fromOrg = alias(orgUnits, 'from_org');
  const toOrg = alias(orgUnits, 'to_org');
  const [org, transfers] = await Promise.all([
    ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, m.orgId))),
    ctx.db
      .select({
        id: memberTransfers.id,
        fromOrgId: memberTransfers.fromOrgId,
        fromOrgName: fromOrg.name,
        toOrgId: memberTransfers.toOrgId,
        toOrgName: toOrg.name,
        transferDate: memberTransfers.transferDate,
        reason: memberTransfers.reason,
        createdByName: users.displayName,
      })
      .from(memberTransfers)
      .leftJoin(fromOrg, and(eq(fromOrg.tenantId, memberTransfers.tenantId), eq(fromOrg.id, memberTransfers.fromOrgId)))
      .leftJoin(toOrg, and(eq(toOrg.tenantId, memberTransfers.tenantId), eq(toOrg.id, memberTransfers.toOrgId)))
      .leftJoin(users, and(eq(users.tenantId, memberTransfers.tenantId), eq(users.id, memberTransfers.createdBy)))
      .where(and(eq(memberTransfers.tenantId, ctx.tenantId), eq(memberTransfers.memberId, m.id)))
      .orderBy(desc(memberTransfers.transferDate), desc(memberTransfers.createdAt)),
  ]);
  return {
    id: m.id,
    orgId: m.orgId,
    orgName: org[0]?.name ?? '',
    name: m.name,
    gender: m.gender,
    birthDate: m.birthDate,
    idNumberMasked: m.idNumberMasked,
    phoneMasked: m.phoneMasked,
    category: m.category,
    joinDate: m.joinDate,
    posts: m.posts,
    state: m.state,
    ethnicity: m.ethnicity,
    education: m.education,
    regularisedDate: m.regularisedDate,
    stateDate: m.stateDate,
    stateReason: m.stateReason,
    address: m.address,
    transfers,
  };
}

export async function getMember(ctx: ActorContext, id: string): Promise<MemberDetail> {
  return toDetail(ctx, await getMemberInScope(ctx, id));
}

/** A member-role user reads their own record, whatever their scope root. */
export async function getOwnMember(ctx: ActorContext): Promise<MemberDetail> {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw notFound('党员档案');
  const [row] = await ctx.db.select().from(members).where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, memberId)));
  if (!row) throw notFound('党员档案');
  return toDetail(ctx, row);
}

/** Members belong to a unit that is active and is not a 楼院党小组 (a group sits inside a branch). */
function assertMemberHome(org: OrgUnit, path: string) {
  if (org.status !== 'active') throw fieldError(path, '该组织已撤销');
  if (org.kind === 'group' || org.kind === 'street_committee') throw fieldError(path, '党员应编入党支部（或党总支、党委），不能直接编入党小组或街道党工委');
}

async function assertIdNumberFree(tx: Db, ctx: ActorContext, hash: string, exceptId?: string) {
  const [dup] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.idNumberHash, hash)))
    .limit(1);
  if (dup && dup.id !== exceptId) throw new AppError('CONFLICT', '该身份证号已在本街道党员名册中', [{ path: 'idNumber', message: '身份证号重复' }]);
}

function auditView(m: Member) {
  return { orgId: m.orgId, name: m.name, category: m.category, joinDate: m.joinDate, posts: m.posts, state: m.state, idNumberMasked: m.idNumberMasked, phoneMasked: m.phoneMasked };
}

/** Registers a member in a unit of the actor's scope; the ID number must be valid and new to the street. */
export async function createMember(ctx: ActorContext, input: CreateMemberBody): Promise<MemberDetail> {
  const info = checkIdNumber(input.idNumber);
  const row = await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    assertMemberHome(org, 'orgId');
    const sealed = sealIdNumber(ctx, info.normalised);
    await assertIdNumberFree(tx, ctx, sealed.idNumberHash);
    const py = namePinyin(input.name);
    const [created] = await tx
      .insert(members)
      .values({
        tenantId: ctx.tenantId,
        orgId: org.id,
        name: input.name,
        namePinyin: py.full,
        nameInitials: py.initials,
        gender: info.gender,
        birthDate: info.birthDate,
        ethnicity: input.ethnicity ?? null,
        education: input.education ?? null,
        ...sealed,
        ...sealPhone(ctx, input.phone ?? null),
        category: input.category,
        joinDate: input.joinDate ?? null,
        regularisedDate: input.category === 'formal' ? (input.regularisedDate ?? null) : null,
        posts: input.posts,
        address: input.address ?? null,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'member.create', entityType: 'member', entityId: created.id, after: auditView(created) });
    return created;
  });
  return toDetail(ctx, row);
}

/** Edits a member's record (not the branch: that is a transfer). */
export async function updateMember(ctx: ActorContext, id: string, input: UpdateMemberBody): Promise<MemberDetail> {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await getMemberInScope(ctx, id, tx);
    const patch: Partial<typeof members.$inferInsert> = { updatedAt: new Date() };
    if (input.name !== undefined) {
      const py = namePinyin(input.name);
      Object.assign(patch, { name: input.name, namePinyin: py.full, nameInitials: py.initials });
    }
    if (input.idNumber !== undefined) {
      const info = checkIdNumber(input.idNumber);
      const sealed = sealIdNumber(ctx, info.normalised);
      await assertIdNumberFree(tx, ctx, sealed.idNumberHash, id);
      Object.assign(patch, sealed, { gender: info.gender, birthDate: info.birthDate });
    }
    if (input.phone !== undefined) Object.assign(patch, sealPhone(ctx, input.phone));
    if (input.ethnicity !== undefined) patch.ethnicity = input.ethnicity;
    if (input.education !== undefined) patch.education = input.education;
    if (input.category !== undefined) patch.category = input.category;
    if (input.joinDate !== undefined) patch.joinDate = input.joinDate;
    if (input.regularisedDate !== undefined) patch.regularisedDate = input.regularisedDate;
    if (input.posts !== undefined) patch.posts = input.posts;
    if (input.address !== undefined) patch.address = input.address;
    const [updated] = await tx
      .update(members)
      .set(patch)
      .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: 'member.update', entityType: 'member', entityId: id, before: auditView(before), after: auditView(updated) });
    return updated;
  });
  return toDetail(ctx, row);
}

/** Moves an active member to another unit in scope (转接组织关系) and keeps the move in the history. */
export async function transferMember(ctx: ActorContext, id: string, input: TransferMemberBody): Promise<MemberDetail> {
  const row = await ctx.db.transaction(async (tx) => {
    const m = await getMemberInScope(ctx, id, tx);
    if (m.state !== 'active') throw new AppError('INVALID_STATE', '只有在册党员可以转接组织关系');
    const to = await getOrgInScope(ctx, input.toOrgId, tx);
    assertMemberHome(to, 'toOrgId');
    if (to.id === m.orgId) throw fieldError('toOrgId', '转入组织与当前所在组织相同');
    const transferDate = input.transferDate ?? shanghaiDate();
    await tx.insert(memberTransfers).values({
      tenantId: ctx.tenantId,
      memberId: m.id,
      fromOrgId: m.orgId,
      toOrgId: to.id,
      transferDate,
      reason: input.reason ?? null,
      createdBy: ctx.actor.userId,
    });
    const [updated] = await tx
      .update(members)
      .set({ orgId: to.id, updatedAt: new Date() })
      .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: 'member.transfer', entityType: 'member', entityId: id, before: { orgId: m.orgId }, after: { orgId: to.id, transferDate }, reason: input.reason ?? null });
    return updated;
  });
  return toDetail(ctx, row);
}

/** Leave, death, transfer out of the street, or restore — moves allowed by the member workflow only. */
export async function changeMemberState(ctx: ActorContext, id: string, input: ChangeStateBody): Promise<MemberDetail> {
  const row = await ctx.db.transaction(async (tx) => {
    const m = await getMemberInScope(ctx, id, tx);
    const state = nextMemberState(m.state, input.action);
    const date = input.date ?? shanghaiDate();
    const [updated] = await tx
      .update(members)
      .set({ state, stateDate: state === 'active' ? null : date, stateReason: state === 'active' ? null : input.reason, updatedAt: new Date() })
      .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: `member.${input.action}`, entityType: 'member', entityId: id, before: { state: m.state }, after: { state, date }, reason: input.reason });
    return updated;
  });
  return toDetail(ctx, row);
}

/** Shows one member's ID number or phone in plaintext: needs member.reveal, and every look is audited with its reason. */
export async function revealMemberField(ctx: ActorContext, id: string, input: RevealBody): Promise<{ field: RevealBody['field']; value: string | null }> {
  return ctx.db.transaction(async (tx) => {
    const m = await getMemberInScope(ctx, id, tx);
    const stored = input.field === 'idNumber' ? m.idNumberEnc : m.phoneEnc;
    const value = stored ? ctx.services.cipher.decrypt(stored) : null;
    await recordAudit(tx, ctx, { action: 'member.reveal', entityType: 'member', entityId: id, after: { field: input.field }, reason: input.reason });
    return { field: input.field, value };
  });
}
