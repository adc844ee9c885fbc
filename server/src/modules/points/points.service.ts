import { and, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { queryRows } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { files } from '../files/index.js';
import { getHouseholdInReach, households } from '../households/index.js';
import { members } from '../members/members.table.js';
import { inScope } from '../org-units/index.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { categoryLabels } from './points.labels.js';
import { isOnlyMember, loadMember } from './points.ledger.js';
import { remainingUnderCaps, ruleInForce } from './points.rules.js';
import type { ClaimResponse, CreateClaimBody, ListClaimsQuery } from './points.schema.js';
import { pairings, pointEntries, workClaims } from './points.table.js';
import { claimStateLabels } from './points.workflow.js';

/** A few minutes of clock difference between a phone and the server is not "the future". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
const NO_ID = '00000000-0000-0000-0000-000000000000';

function isUniqueViolation(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    if ((cur as { code?: unknown }).code === '23505') return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

async function assertPhotos(db: Db, tenantId: number, ids: string[]) {
  if (ids.length === 0) return;
  const rows = await db.select({ id: files.id, contentType: files.contentType }).from(files).where(and(eq(files.tenantId, tenantId), inArray(files.id, ids)));
  if (rows.length !== new Set(ids).size) throw fieldError('photoFileIds', '照片不存在，请重新上传');
  if (rows.some((r) => !r.contentType.startsWith('image/'))) throw fieldError('photoFileIds', '现场照片只能是图片文件');
}

/**
 * A member logs 六个一 work. Rules: not in the future; the household within the member's reach; scored under
 * the rule in force on the day of the work; evidence when the rule requires it; within the day/month/year caps
 * (counting pending claims); one claim per member, category, household and day.
 */
export async function createClaim(ctx: ActorContext, input: CreateClaimBody): Promise<ClaimResponse> {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN', '只有党员本人可以申报积分');
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw fieldError('occurredAt', '不能申报未来的工作');
  const occurredOn = shanghaiDate(occurredAt);
  if ((input.category === 'visit' || input.category === 'pairing') && !input.householdId) {
    throw fieldError('householdId', input.category === 'visit' ? '请选择走访的住户' : '请选择结对帮扶的住户');
  }
  const id = await ctx.db
    .transaction(async (tx) => {
      const member = await loadMember(tx, ctx.tenantId, memberId);
      if (member.state !== 'active') throw new AppError('INVALID_STATE', '党员状态非在册，不能申报');
      if (input.householdId) await getHouseholdInReach(ctx, input.householdId, tx);
      const rule = await ruleInForce(tx, ctx.tenantId, input.category, occurredOn);
      if (rule.evidenceRequired && input.photoFileIds.length === 0) throw fieldError('photoFileIds', `「${categoryLabels[input.category]}」须上传现场照片`);
      await assertPhotos(tx, ctx.tenantId, input.photoFileIds);
      const { remaining, binding } = await remainingUnderCaps(tx, ctx.tenantId, member.id, rule, occurredOn);
      if (remaining !== null && binding && remaining < rule.pointsPerItem) {
        throw new AppError('INVALID_STATE', `已达「${categoryLabels[input.category]}」${binding.label}积分上限（${binding.limit}分），不能再申报`, {
          cap: binding.name,
          limit: binding.limit,
        });
      }
      let pairingId: string | null = null;
      if (input.category === 'pairing' && input.householdId) {
        const [open] = await tx
          .select({ id: pairings.id })
          .from(pairings)
          .where(and(eq(pairings.tenantId, ctx.tenantId), eq(pairings.memberId, member.id), eq(pairings.householdId, input.householdId), isNull(pairings.endedOn)));
        if (open) pairingId = open.id;
        else {
          const [p] = await tx
            .insert(pairings)
            .values({ tenantId: ctx.tenantId, memberId: member.id, householdId: input.householdId, orgId: member.orgId, startedOn: occurredOn })
            .returning({ id: pairings.id });
          pairingId = p.id;
          await recordAudit(tx, ctx, { action: 'points.pairing.create', entityType: 'pairing', entityId: p.id, after: { householdId: input.householdId, startedOn: occurredOn } });
        }
      }
      const autoApprove = !rule.approvalRequired;
      const [claim] = await tx
        .insert(workClaims)
        .values({
          tenantId: ctx.tenantId,
          memberId: member.id,
          orgId: member.orgId,
          category: input.category,
          occurredOn,
          occurredAt,
          householdId: input.householdId,
          pairingId,
          summary: input.summary,
          details: input.details,
          beneficiaryCount: Math.max(input.beneficiaryCount, input.beneficiaryNames.length),
          beneficiaryNames: input.beneficiaryNames,
          photoFileIds: input.photoFileIds,
          lat: input.lat,
          lng: input.lng,
          state: autoApprove ? 'approved' : 'pending',
          ruleId: rule.id,
          points: rule.pointsPerItem,
          decidedAt: autoApprove ? new Date() : null,
          decisionReason: autoApprove ? '按规则免审核' : null,
        })
        .returning({ id: workClaims.id });
      if (autoApprove) {
        await tx.insert(pointEntries).values({
          tenantId: ctx.tenantId,
          memberId: member.id,
          orgId: member.orgId,
          category: input.category,
          occurredOn,
          points: rule.pointsPerItem,
          sourceKind: 'claim',
          sourceId: claim.id,
          ruleId: rule.id,
          note: `${categoryLabels[input.category]}：${input.summary}`.slice(0, 200),
          createdBy: ctx.actor.userId,
        });
      }
      await recordAudit(tx, ctx, {
        action: 'points.claim.create',
        entityType: 'work_claim',
        entityId: claim.id,
        after: { category: input.category, occurredOn, householdId: input.householdId, points: rule.pointsPerItem, state: autoApprove ? 'approved' : 'pending' },
      });
      return claim.id;
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', '同一天已申报过该住户的同类工作，不能重复申报');
      throw e;
    });
  return getClaim(ctx, id);
}

function claimSelect() {
  return {
    id: workClaims.id,
    memberId: workClaims.memberId,
    memberName: members.name,
    orgId: workClaims.orgId,
    orgName: orgUnits.name,
    category: workClaims.category,
    occurredOn: workClaims.occurredOn,
    occurredAt: workClaims.occurredAt,
    householdId: workClaims.householdId,
    householdAddress: households.address,
    pairingId: workClaims.pairingId,
    summary: workClaims.summary,
    details: workClaims.details,
    beneficiaryCount: workClaims.beneficiaryCount,
    beneficiaryNames: workClaims.beneficiaryNames,
    photoFileIds: workClaims.photoFileIds,
    lat: workClaims.lat,
    lng: workClaims.lng,
    state: workClaims.state,
    points: workClaims.points,
    decisionReason: workClaims.decisionReason,
    decidedAt: workClaims.decidedAt,
    createdAt: workClaims.createdAt,
  };
}

type ClaimRow = Awaited<ReturnType<typeof claimsFrom>>[number];

function toClaimResponse(r: ClaimRow): ClaimResponse {
  return {
    ...r,
    householdAddress: r.householdAddress ?? null,
    categoryLabel: categoryLabels[r.category],
    stateLabel: claimStateLabels[r.state],
    occurredAt: r.occurredAt.toISOString(),
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  };
}

function claimsFrom(db: Db) {
  return db
    .select(claimSelect())
    .from(workClaims)
    .innerJoin(members, and(eq(members.tenantId, workClaims.tenantId), eq(members.id, workClaims.memberId)))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, workClaims.tenantId), eq(orgUnits.id, workClaims.orgId)))
    .leftJoin(households, and(eq(households.tenantId, workClaims.tenantId), eq(households.id, workClaims.householdId)));
}

/** Scope of claims: the actor's subtree; a plain member sees only their own. */
function claimScope(ctx: ActorContext): SQL {
  const conds: SQL[] = [eq(workClaims.tenantId, ctx.tenantId), inScope(ctx, workClaims.orgId)];
  if (isOnlyMember(ctx)) conds.push(eq(workClaims.memberId, ctx.actor.memberId ?? NO_ID));
  return and(...conds) as SQL;
}

export async function getClaim(ctx: ActorContext, id: string): Promise<ClaimResponse> {
  const [row] = await claimsFrom(ctx.db).where(and(claimScope(ctx), eq(workClaims.id, id)));
  if (!row) throw notFound('申报');
  return toClaimResponse(row);
}

/** The approval queue (state=pending) or any list of claims in scope, oldest pending first. */
export async function listClaims(ctx: ActorContext, q: ListClaimsQuery): Promise<Paged<ClaimResponse>> {
  const conds: SQL[] = [claimScope(ctx)];
  if (q.mine === 'true') conds.push(eq(workClaims.memberId, ctx.actor.memberId ?? NO_ID));
  if (q.state) conds.push(eq(workClaims.state, q.state));
  if (q.category) conds.push(eq(workClaims.category, q.category));
  if (q.memberId) conds.push(eq(workClaims.memberId, q.memberId));
  if (q.householdId) conds.push(eq(workClaims.householdId, q.householdId));
  if (q.orgId) conds.push(sql`${workClaims.orgId} in (select o.id from org_units o, org_units r where o.tenant_id = ${ctx.tenantId} and r.tenant_id = ${ctx.tenantId} and r.id = ${q.orgId} and o.path like r.path || '%')`);
  if (q.from) conds.push(gte(workClaims.occurredOn, q.from));
  if (q.to) conds.push(lte(workClaims.occurredOn, q.to));
  const where = and(...conds);
  const [{ total }] = await ctx.db.select({ total: count() }).from(workClaims).where(where);
  const rows = await claimsFrom(ctx.db)
    .where(where)
    .orderBy(q.state === 'pending' ? workClaims.createdAt : desc(workClaims.occurredOn), desc(workClaims.createdAt))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return { items: rows.map(toClaimResponse), total, page: q.page, pageSize: q.pageSize };
}

/** A member withdraws their own claim while it is still pending. */
export async function withdrawClaim(ctx: ActorContext, id: string): Promise<ClaimResponse> {
  const claim = await getClaim(ctx, id);
  if (claim.memberId !== ctx.actor.memberId) throw notFound('申报');
  await ctx.db.transaction(async (tx) => {
    const moved = await tx
      .update(workClaims)
      .set({ state: 'withdrawn', updatedAt: new Date() })
      .where(and(eq(workClaims.tenantId, ctx.tenantId), eq(workClaims.id, id), eq(workClaims.state, 'pending')))
      .returning({ id: workClaims.id });
    if (moved.length === 0) throw new AppError('INVALID_STATE', `该申报${claim.stateLabel}，不能撤回`);
    await recordAudit(tx, ctx, { action: 'points.claim.withdraw', entityType: 'work_claim', entityId: id });
  });
  return getClaim(ctx, id);
}

/** Pending claims waiting on this approver (inbox). */
export async function countPendingForApprover(ctx: ActorContext): Promise<number> {
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(workClaims)
    .where(and(eq(workClaims.tenantId, ctx.tenantId), eq(workClaims.state, 'pending'), inScope(ctx, workClaims.orgId), sql`${workClaims.memberId} <> ${ctx.actor.memberId ?? NO_ID}`));
  return n;
}

/** A member's claims sent back in the last 30 days (inbox: they are told, and can see why). */
export async function countRecentlyRejected(ctx: ActorContext): Promise<number> {
  if (!ctx.actor.memberId) return 0;
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(workClaims)
    .where(
      and(
        eq(workClaims.tenantId, ctx.tenantId),
        eq(workClaims.memberId, ctx.actor.memberId),
        inArray(workClaims.state, ['rejected', 'reversed']),
        sql`${workClaims.updatedAt} > now() - interval '30 days'`,
      ),
    );
  return n;
}
