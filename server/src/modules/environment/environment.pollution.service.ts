import { and, count, desc, eq, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { addDays, shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, inScope, orgNames } from '../org-units/index.js';
import { openRectificationItem, rectificationStatesBySource, reopenBySource } from '../rectification/index.js';
import { nextPollutionState, pollutionStateLabels } from './environment.workflow.js';
import type {
  CreatePollutionBody,
  ListPollutionQuery,
  PollutionDetailResponse,
  PollutionResponse,
  RecheckBody,
  SignOffBody,
  StartRemediationBody,
  UpdateChecklistBody,
} from './environment.schema.js';
import { pollutionEnterprises, pollutionRechecks, shutdownChecklistKeys, type ShutdownChecklist } from './environment.table.js';

type PollutionRow = typeof pollutionEnterprises.$inferSelect;

export const pollutionTreatmentLabels = { shutdown: '关停取缔', relocation: '整合搬迁', upgrade: '升级改造' } as const;
export const checklistLabels: Record<keyof ShutdownChecklist, string> = {
  waterCut: '断水',
  powerCut: '断电',
  materialsCleared: '清除原料',
  equipmentCleared: '清除设备',
  productsCleared: '清除产品',
};

export const emptyChecklist: ShutdownChecklist = { waterCut: false, powerCut: false, materialsCleared: false, equipmentCleared: false, productsCleared: false };

/** 两断三清 applies to shut-downs; relocation and upgrade are signed off on their own merits. */
export function isChecklistComplete(row: Pick<PollutionRow, 'treatment' | 'checklist'>): boolean {
  return row.treatment !== 'shutdown' || shutdownChecklistKeys.every((k) => row.checklist[k]);
}


async function loadInScope(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<PollutionRow> {
  const [row] = await db
    .select()
    .from(pollutionEnterprises)
    .where(and(eq(pollutionEnterprises.tenantId, ctx.tenantId), eq(pollutionEnterprises.id, id), inScope(ctx, pollutionEnterprises.orgId)));
  if (!row) throw notFound('散乱污企业');
  return row;
}

async function toResponses(ctx: ActorContext, rows: PollutionRow[]): Promise<PollutionResponse[]> {
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  const items = await rectificationStatesBySource(ctx, 'environment_check', rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    name: r.name,
    address: r.address,
    operatorName: r.operatorName,
    problem: r.problem,
    treatment: r.treatment,
    state: r.state,
    checklist: r.checklist,
    checklistComplete: isChecklistComplete(r),
    listedOn: r.listedOn,
    dueOn: r.dueOn,
    signedOffOn: r.signedOffOn,
    nextRecheckOn: r.nextRecheckOn,
    recheckIntervalDays: r.recheckIntervalDays,
    rectification: items.get(r.id) ?? null,
  }));
}

function filter(ctx: ActorContext, q: Partial<ListPollutionQuery>): SQL {
  const conds: SQL[] = [eq(pollutionEnterprises.tenantId, ctx.tenantId), inScope(ctx, pollutionEnterprises.orgId)];
  if (q.state) conds.push(eq(pollutionEnterprises.state, q.state));
  if (q.treatment) conds.push(eq(pollutionEnterprises.treatment, q.treatment));
  if (q.recheckDue) conds.push(and(eq(pollutionEnterprises.state, 'signed_off'), lte(pollutionEnterprises.nextRecheckOn, shanghaiDate())) as SQL);
  if (q.q) {
    const c = or(ilike(pollutionEnterprises.name, `%${q.q}%`), ilike(pollutionEnterprises.address, `%${q.q}%`));
    if (c) conds.push(c);
  }
  return and(...conds) as SQL;
}

export async function listPollutionEnterprises(ctx: ActorContext, q: ListPollutionQuery): Promise<Paged<PollutionResponse>> {
  const where = filter(ctx, q);
  const [{ total }] = await ctx.db.select({ total: count() }).from(pollutionEnterprises).where(where);
  const rows = await ctx.db.select().from(pollutionEnterprises).where(where).orderBy(pollutionEnterprises.listedOn, pollutionEnterprises.name).limit(q.pageSize).offset(offsetOf(q));
  return { items: await toResponses(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Every 散乱污 enterprise in scope (ledger export). */
export async function listAllPollutionEnterprises(ctx: ActorContext): Promise<PollutionResponse[]> {
  const rows = await ctx.db.select().from(pollutionEnterprises).where(filter(ctx, {})).orderBy(pollutionEnterprises.listedOn, pollutionEnterprises.name);
  return toResponses(ctx, rows);
}

export async function getPollutionEnterprise(ctx: ActorContext, id: string): Promise<PollutionDetailResponse> {
  const row = await loadInScope(ctx, id);
  const [r] = await toResponses(ctx, [row]);
  const rechecks = await ctx.db
    .select({ id: pollutionRechecks.id, checkedOn: pollutionRechecks.checkedOn, passed: pollutionRechecks.passed, note: pollutionRechecks.note, checkerName: pollutionRechecks.checkerName })
    .from(pollutionRechecks)
    .where(and(eq(pollutionRechecks.tenantId, ctx.tenantId), eq(pollutionRechecks.pollutionEnterpriseId, id)))
    .orderBy(desc(pollutionRechecks.checkedOn), desc(pollutionRechecks.createdAt));
  return { ...r, rechecks };
}

/** Lists a 散乱污 enterprise under a village/community in scope. */
export async function createPollutionEnterprise(ctx: ActorContext, input: CreatePollutionBody): Promise<PollutionDetailResponse> {
  if (input.listedOn > shanghaiDate()) throw fieldError('listedOn', '建档日期不能晚于今天');
  const id = await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    if (org.kind !== 'village' && org.kind !== 'community') throw fieldError('orgId', '散乱污企业应归属到村或社区');
    const [row] = await tx
      .insert(pollutionEnterprises)
      .values({
        tenantId: ctx.tenantId,
        orgId: org.id,
        name: input.name,
        address: input.address,
        operatorName: input.operatorName ?? null,
        problem: input.problem,
        treatment: input.treatment,
        checklist: emptyChecklist,
        listedOn: input.listedOn,
        recheckIntervalDays: input.recheckIntervalDays,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'pollution.create', entityType: 'pollution_enterprise', entityId: row.id, after: { name: row.name, treatment: row.treatment, orgId: row.orgId } });
    return row.id;
  });
  return getPollutionEnterprise(ctx, id);
}

async function setState(tx: Db, ctx: ActorContext, id: string, values: Partial<typeof pollutionEnterprises.$inferInsert>): Promise<void> {
  await tx
    .update(pollutionEnterprises)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(pollutionEnterprises.tenantId, ctx.tenantId), eq(pollutionEnterprises.id, id)));
}

/**
 * Starts (or, after a rebound, restarts) remediation: the treatment becomes a rectification item with a
 * working-day deadline, followed in the rectification ledger.
 */
export async function startRemediation(ctx: ActorContext, id: string, input: StartRemediationBody): Promise<PollutionDetailResponse> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadInScope(ctx, id, tx);
    const to = nextPollutionState(row.state, 'start');
    const existing = (await rectificationStatesBySource({ ...ctx, db: tx }, 'environment_check', [id])).get(id);
    let dueOn: string;
    if (existing && existing.state !== 'closed') {
      dueOn = existing.deadline;
    } else {
      const item = await openRectificationItem(tx, ctx, {
        sourceKind: 'environment_check',
        sourceId: id,
        orgId: row.orgId,
        title: `散乱污整治（${pollutionTreatmentLabels[row.treatment]}）：${row.name}`,
        description: row.problem,
        measures: input.measures,
        responsibleName: input.responsibleName,
        responsibleUserId: input.responsibleUserId,
        deadline: { workingDays: input.deadlineWorkingDays },
      });
      dueOn = item.deadline;
    }
    const checklist = row.state === 'rebound' ? emptyChecklist : row.checklist;
    await setState(tx, ctx, id, { state: to, dueOn, checklist, nextRecheckOn: null });
    await recordAudit(tx, ctx, { action: 'pollution.start', entityType: 'pollution_enterprise', entityId: id, before: { state: row.state }, after: { state: to, dueOn } });
  });
  return getPollutionEnterprise(ctx, id);
}

/** Ticks items of the 两断三清 checklist; only while the enterprise is being remediated. */
export async function updateChecklist(ctx: ActorContext, id: string, input: UpdateChecklistBody): Promise<PollutionDetailResponse> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadInScope(ctx, id, tx);
    if (row.state !== 'remediating') throw new AppError('INVALID_STATE', `「${pollutionStateLabels[row.state]}」的企业不能修改两断三清清单`);
    if (row.treatment !== 'shutdown') throw new AppError('INVALID_STATE', '两断三清清单只适用于关停取缔类企业');
    const checklist: ShutdownChecklist = { ...row.checklist, ...input };
    await setState(tx, ctx, id, { checklist });
    await recordAudit(tx, ctx, { action: 'pollution.checklist', entityType: 'pollution_enterprise', entityId: id, before: row.checklist, after: checklist });
  });
  return getPollutionEnterprise(ctx, id);
}

/** 销号: only from remediation, and a shut-down only when all five 两断三清 items are done. Schedules the first re-check. */
export async function signOffPollution(ctx: ActorContext, id: string, input: SignOffBody): Promise<PollutionDetailResponse> {
  if (input.signedOffOn > shanghaiDate()) throw fieldError('signedOffOn', '销号日期不能晚于今天');
  await ctx.db.transaction(async (tx) => {
    const row = await loadInScope(ctx, id, tx);
    const to = nextPollutionState(row.state, 'sign_off');
    if (!isChecklistComplete(row)) {
      const missing = shutdownChecklistKeys.filter((k) => !row.checklist[k]).map((k) => checklistLabels[k]);
      throw new AppError('INVALID_STATE', `两断三清尚未完成（${missing.join('、')}），不能销号`, { missing });
    }
    const nextRecheckOn = addDays(input.signedOffOn, row.recheckIntervalDays);
    await setState(tx, ctx, id, { state: to, signedOffOn: input.signedOffOn, signedOffBy: ctx.actor.userId, nextRecheckOn });
    await recordAudit(tx, ctx, { action: 'pollution.sign_off', entityType: 'pollution_enterprise', entityId: id, before: { state: row.state }, after: { state: to, signedOffOn: input.signedOffOn, nextRecheckOn }, reason: input.note ?? null });
  });
  return getPollutionEnterprise(ctx, id);
}

/**
 * A re-check against rebound (防反弹). A pass schedules the next one; a failure marks the enterprise
 * rebound and re-opens its rectification item (or opens one when it never had any).
 */
export async function recordRecheck(ctx: ActorContext, id: string, input: RecheckBody): Promise<PollutionDetailResponse> {
  if (input.checkedOn > shanghaiDate()) throw fieldError('checkedOn', '复查日期不能晚于今天');
  if (!input.passed && !input.note) throw fieldError('note', '复查未通过时请说明反弹情况');
  await ctx.db.transaction(async (tx) => {
    const row = await loadInScope(ctx, id, tx);
    const to = nextPollutionState(row.state, input.passed ? 'recheck_pass' : 'recheck_fail');
    if (row.signedOffOn && input.checkedOn < row.signedOffOn) throw fieldError('checkedOn', '复查日期不能早于销号日期');
    const [check] = await tx
      .insert(pollutionRechecks)
      .values({
        tenantId: ctx.tenantId,
        pollutionEnterpriseId: id,
        orgId: row.orgId,
        checkedOn: input.checkedOn,
        passed: input.passed,
        note: input.note ?? null,
        checkerName: ctx.actor.displayName,
        checkerUserId: ctx.actor.userId,
      })
      .returning();
    if (input.passed) {
      await setState(tx, ctx, id, { nextRecheckOn: addDays(input.checkedOn, row.recheckIntervalDays) });
    } else {
      const reason = `复查发现反弹：${input.note ?? ''}`;
      const existing = (await rectificationStatesBySource({ ...ctx, db: tx }, 'environment_check', [id])).get(id);
      if (existing?.state === 'closed') {
        await reopenBySource(tx, ctx, 'environment_check', id, reason);
      } else if (!existing) {
        await openRectificationItem(tx, ctx, {
          sourceKind: 'environment_check',
          sourceId: id,
          orgId: row.orgId,
          title: `散乱污反弹整治：${row.name}`,
          description: reason,
          responsibleName: row.operatorName ?? ctx.actor.displayName,
          deadline: { workingDays: 10 },
        });
      }
      await setState(tx, ctx, id, { state: to, nextRecheckOn: null });
    }
    await recordAudit(tx, ctx, {
      action: input.passed ? 'pollution.recheck_pass' : 'pollution.recheck_fail',
      entityType: 'pollution_enterprise',
      entityId: id,
      before: { state: row.state },
      after: { state: to, recheckId: check.id, checkedOn: input.checkedOn },
      reason: input.note ?? null,
    });
  });
  return getPollutionEnterprise(ctx, id);
}

/** Signed-off enterprises whose re-check is due (inbox). */
export async function countRechecksDue(ctx: ActorContext): Promise<number> {
  const [r] = await ctx.db
    .select({ n: count() })
    .from(pollutionEnterprises)
    .where(filter(ctx, { recheckDue: 'true' }));
  return r.n;
}
