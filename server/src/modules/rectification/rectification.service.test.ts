import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { addWorkingDays } from '../../platform/working-days.js';
import { saveUpload } from '../files/index.js';
import {
  decideExtension,
  getRectificationItem,
  listRectificationItems,
  openRectificationItem,
  rectificationStatesBySource,
  reopenBySource,
  requestExtension,
  returnItem,
  startItem,
  submitItem,
  verifyItem,
  assignItem,
} from './rectification.service.js';
import { loadWorkingCalendar } from './rectification.calendar.js';
import { rectificationActions, rectificationItems, rectificationStates } from './rectification.table.js';
import { nextRectificationState, rectificationTransitions } from './rectification.workflow.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

async function expectError(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toMatchObject({ code });
}

describe('rectification workflow table', () => {
  it('allows exactly the moves in the table and refuses every other one', () => {
    for (const from of rectificationStates) {
      for (const action of rectificationActions) {
        const to = rectificationTransitions[from][action];
        if (to) expect(nextRectificationState(from, action)).toBe(to);
        else expect(() => nextRectificationState(from, action)).toThrowError(expect.objectContaining({ code: 'INVALID_STATE' }));
      }
    }
    expect(nextRectificationState('open', 'assign')).toBe('assigned');
    expect(nextRectificationState('assigned', 'start')).toBe('rectifying');
    expect(nextRectificationState('rectifying', 'submit')).toBe('awaiting_verification');
    expect(nextRectificationState('awaiting_verification', 'verify')).toBe('closed');
    expect(nextRectificationState('awaiting_verification', 'return')).toBe('rectifying');
    expect(nextRectificationState('closed', 'reopen')).toBe('rectifying');
  });
});

describe('rectification engine', () => {
  let t: TestApp;
  let shuji: ActorContext;
  let worker: ActorContext;
  let outsider: ActorContext;
  let evidence: string;

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    shuji = await t.contextFor('shuji');
    worker = await t.contextFor('wanggeyuan');
    outsider = await t.contextFor('danwei');
    evidence = (await saveUpload(worker, { content: PNG, filename: 'after.png' })).id;
  });
  afterAll(async () => t.close());

  const open = (ctx: ActorContext, over: Partial<Parameters<typeof openRectificationItem>[2]> = {}) =>
    ctx.db.transaction((tx) =>
      openRectificationItem(tx, ctx, {
        sourceKind: 'tour_finding',
        sourceId: crypto.randomUUID(),
        orgId: ctx.actor.scopeOrgId,
        title: '党员活动室制度未上墙',
        responsibleName: '王建国',
        deadline: { workingDays: 5 },
        ...over,
      }),
    );

  it('opens an item with a working-day deadline on the street calendar, and refuses a past date or an org out of scope', async () => {
    const calendar = await loadWorkingCalendar(t.db, shuji.tenantId);
    const item = await open(shuji);
    expect(item.state).toBe('open');
    expect(item.deadline).toBe(addWorkingDays(shanghaiDate(), 5, calendar));
    await expectError(open(shuji, { deadline: { date: '2020-01-01' } }), 'VALIDATION');
    await expectError(open(shuji, { orgId: outsider.actor.scopeOrgId }), 'NOT_FOUND');
    const [{ n }] = await t.db.select({ n: rectificationItems.id }).from(rectificationItems).where(eq(rectificationItems.title, '党员活动室制度未上墙')).limit(1);
    expect(n).toBe(item.id);
  });

  it('runs open → assigned → rectifying → awaiting verification → closed, with return and re-open, and keeps the timeline', async () => {
    const item = await open(shuji);
    await expectError(startItem(shuji, item.id, {}), 'INVALID_STATE');
    await assignItem(shuji, item.id, { responsibleName: '赵丽', responsibleUserId: worker.actor.userId });
    await startItem(worker, item.id, { note: '开始整改' });
    await expectError(verifyItem(shuji, item.id, {}), 'INVALID_STATE');
    await submitItem(worker, item.id, { note: '已上墙', evidenceFileIds: [evidence] });
    await returnItem(shuji, item.id, { reason: '照片不清晰' });
    await submitItem(worker, item.id, { note: '重新拍照', evidenceFileIds: [evidence] });
    await verifyItem(shuji, item.id, { note: '合格' });
    let detail = await getRectificationItem(shuji, item.id);
    expect(detail.state).toBe('closed');
    expect(detail.closedOnTime).toBe(true);
    expect(detail.steps.map((s) => s.action)).toEqual(['open', 'assign', 'start', 'submit', 'return', 'submit', 'verify']);
    expect(detail.steps[3].evidenceFileIds).toEqual([evidence]);
    expect(detail.steps[6].actorName).toBe(shuji.actor.displayName);

    await reopenBySource(t.db, shuji, 'tour_finding', detail.sourceId, '回头看发现反弹');
    detail = await getRectificationItem(shuji, item.id);
    expect(detail.state).toBe('rectifying');
    expect(detail.closedAt).toBeNull();
    expect(detail.steps.at(-1)?.action).toBe('reopen');
    const states = await rectificationStatesBySource(shuji, 'tour_finding', [detail.sourceId]);
    expect(states.get(detail.sourceId)?.state).toBe('rectifying');
  });

  it('refuses a verifier who is the fixer, without writing anything', async () => {
    const item = await open(shuji, { responsibleUserId: shuji.actor.userId });
    await startItem(shuji, item.id, {});
    await submitItem(shuji, item.id, { note: '已整改', evidenceFileIds: [evidence] });
    await expectError(verifyItem(shuji, item.id, {}), 'FORBIDDEN');
    await expectError(returnItem(shuji, item.id, { reason: '自己退回' }), 'FORBIDDEN');
    const detail = await getRectificationItem(shuji, item.id);
    expect(detail.state).toBe('awaiting_verification');
    expect(detail.steps.map((s) => s.action)).toEqual(['open', 'assign', 'start', 'submit']);
  });

  it('moves the deadline only when someone else approves an extension with a reason', async () => {
    const item = await open(shuji, { responsibleUserId: worker.actor.userId });
    await expectError(requestExtension(worker, item.id, { deadline: item.deadline, reason: '材料未到' }), 'VALIDATION');
    const later = addWorkingDays(item.deadline, 5);
    await requestExtension(worker, item.id, { deadline: later, reason: '材料未到' });
    await expectError(requestExtension(worker, item.id, { deadline: later, reason: '再申请' }), 'INVALID_STATE');
    await expectError(decideExtension(worker, item.id, true, { reason: '同意' }), 'FORBIDDEN');
    await decideExtension(shuji, item.id, true, { reason: '确有困难，同意延期' });
    const detail = await getRectificationItem(shuji, item.id);
    expect(detail.deadline).toBe(later);
    expect(detail.extensionCount).toBe(1);
    expect(detail.pendingExtension).toBeNull();
    await expectError(decideExtension(shuji, item.id, false, { reason: '无申请' }), 'INVALID_STATE');
  });

  it('lists and counts overdue items, and hides items outside the scope', async () => {
    const item = await open(shuji);
    await t.db
      .update(rectificationItems)
      .set({ deadline: '2024-01-05', startedAt: new Date('2024-01-01T00:00:00Z') })
      .where(and(eq(rectificationItems.tenantId, shuji.tenantId), eq(rectificationItems.id, item.id)));
    const overdue = await listRectificationItems(shuji, { page: 1, pageSize: 200, overdue: 'true' });
    expect(overdue.items.some((i) => i.id === item.id)).toBe(true);
    expect(overdue.items.every((i) => i.overdue && i.state !== 'closed')).toBe(true);
    expect(overdue.total).toBe(overdue.overdueCount);
    const found = overdue.items.find((i) => i.id === item.id);
    expect(found?.trafficLight).toBe('red');
    await expectError(getRectificationItem(outsider, item.id), 'NOT_FOUND');
    await expectError(startItem(outsider, item.id, {}), 'NOT_FOUND');
  });
});
