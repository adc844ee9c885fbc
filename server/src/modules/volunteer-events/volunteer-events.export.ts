import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { LedgerSheet } from '../../platform/excel.js';
import { notFound } from '../../platform/errors.js';
import type { LedgerDefinition } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { inScope } from '../org-units/index.js';
import type { SignupResponse } from './volunteer-events.schema.js';
import { getEvent } from './volunteer-events.service.js';
import { volunteerEvents } from './volunteer-events.table.js';

const stateLabels = { registered: '已报名', waitlisted: '候补', cancelled: '已取消' } as const;
const time = (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');

/** 志愿服务签到表: the roster of one event with check-in, check-out, minutes and flags. */
export async function buildRosterSheet(ctx: ActorContext, eventId: string): Promise<LedgerSheet<SignupResponse>> {
  const event = await getEvent(ctx, eventId);
  if (!event.checkInUrl) throw notFound('志愿服务活动');
  return {
    sheetName: '签到表',
    title: `志愿服务活动签到表：${event.title}`,
    unitName: `组织单位：${event.orgName}　组织者：${event.organiser}　地点：${event.place}`,
    period: `${time(event.startsAt)} 至 ${time(event.endsAt)}　服务群众：${event.peopleServed}人次`,
    columns: [
      { header: '姓名', width: 10, value: (s) => s.memberName },
      { header: '所在支部', width: 22, value: (s) => s.orgName },
      { header: '报名状态', width: 8, value: (s) => stateLabels[s.state] },
      { header: '签到时间', width: 18, value: (s) => time(s.checkInAt) },
      { header: '签到方式', width: 8, value: (s) => (s.checkInBy === 'qr' ? '扫码' : s.checkInBy === 'organiser' ? '组织者代签' : '') },
      { header: '签退时间', width: 18, value: (s) => time(s.checkOutAt) },
      { header: '服务时长（分钟）', width: 10, value: (s) => s.minutes ?? '' },
      { header: '备注', width: 18, value: (s) => (s.autoClosed ? '未签退，按活动结束时间关闭' : '') },
    ],
    rows: event.signups,
    totals: { 7: event.totalMinutes },
    signOff: true,
  };
}

interface EventRow {
  title: string;
  orgName: string;
  day: string;
  attendees: number;
  minutes: number;
  peopleServed: number;
  state: string;
}

async function buildEventsSheet(ctx: ActorContext, p: { from?: string; to?: string }): Promise<LedgerSheet<unknown>> {
  const to = p.to ?? shanghaiDate();
  const from = p.from ?? `${to.slice(0, 4)}-01-01`;
  const rows = await ctx.db
    .select({
      title: volunteerEvents.title,
      orgName: sql<string>`(select name from org_units o where o.tenant_id = ${volunteerEvents.tenantId} and o.id = ${volunteerEvents.orgId})`,
      day: sql<string>`((${volunteerEvents.startsAt} at time zone 'Asia/Shanghai')::date)::text`,
      attendees: sql<number>`(select count(*)::int from volunteer_signups s where s.tenant_id = ${volunteerEvents.tenantId} and s.event_id = ${volunteerEvents.id} and s.check_in_at is not null)`,
      minutes: sql<number>`(select coalesce(sum(s.minutes), 0)::int from volunteer_signups s where s.tenant_id = ${volunteerEvents.tenantId} and s.event_id = ${volunteerEvents.id})`,
      peopleServed: volunteerEvents.peopleServed,
      state: volunteerEvents.state,
    })
    .from(volunteerEvents)
    .where(
      and(
        eq(volunteerEvents.tenantId, ctx.tenantId),
        inScope(ctx, volunteerEvents.orgId),
        gte(volunteerEvents.startsAt, new Date(`${from}T00:00:00+08:00`)),
        lte(volunteerEvents.startsAt, new Date(`${to}T23:59:59+08:00`)),
      ),
    )
    .orderBy(volunteerEvents.startsAt);
  const items: EventRow[] = rows.map((r) => ({ ...r, attendees: Number(r.attendees), minutes: Number(r.minutes) }));
  const sheet: LedgerSheet<EventRow> = {
    sheetName: '志愿服务活动',
    title: `${ctx.actor.tenantName}志愿服务活动台账`,
    unitName: `填报单位：${ctx.actor.scopeOrgName}`,
    period: `${from} 至 ${to}`,
    columns: [
      { header: '日期', width: 12, value: (r) => r.day },
      { header: '活动名称', width: 30, value: (r) => r.title },
      { header: '组织单位', width: 22, value: (r) => r.orgName },
      { header: '参加党员（人）', width: 10, value: (r) => r.attendees },
      { header: '服务时长（小时）', width: 10, value: (r) => Math.round((r.minutes / 60) * 10) / 10 },
      { header: '服务群众（人次）', width: 10, value: (r) => r.peopleServed },
      { header: '状态', width: 8, value: (r) => ({ open: '进行中', closed: '已结束', cancelled: '已取消' })[r.state] ?? r.state },
    ],
    rows: items,
    totals: { 4: items.reduce((a, r) => a + r.attendees, 0), 6: items.reduce((a, r) => a + r.peopleServed, 0) },
    signOff: true,
  };
  return sheet;
}

export const volunteerLedgers: LedgerDefinition[] = [{ id: 'volunteer.events', name: '志愿服务活动台账', permission: 'volunteer.manage', build: buildEventsSheet }];
