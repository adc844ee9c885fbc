import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { recordAudit } from '../audit/index.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { addWorkingDays, calendarWithOverrides, type WorkingCalendar } from '../../platform/working-days.js';
import type { CalendarDayBody } from './rectification.schema.js';
import { workingCalendarDays } from './rectification.table.js';

/** The street's working calendar: the package's State Council data with the street's corrections on top. */
export async function loadWorkingCalendar(db: Db, tenantId: number): Promise<WorkingCalendar> {
  const rows = await db.select({ date: workingCalendarDays.day, kind: workingCalendarDays.kind }).from(workingCalendarDays).where(eq(workingCalendarDays.tenantId, tenantId));
  return calendarWithOverrides(rows);
}

export async function getCalendarYear(ctx: ActorContext, year: number) {
  const calendar = await loadWorkingCalendar(ctx.db, ctx.tenantId);
  const prefix = `${year}-`;
  const overrides = await ctx.db
    .select({ day: workingCalendarDays.day, kind: workingCalendarDays.kind, name: workingCalendarDays.name })
    .from(workingCalendarDays)
    .where(and(eq(workingCalendarDays.tenantId, ctx.tenantId), gte(workingCalendarDays.day, `${year}-01-01`), lte(workingCalendarDays.day, `${year}-12-31`)))
    .orderBy(asc(workingCalendarDays.day));
  return {
    year,
    holidays: [...calendar.holidays].filter((d) => d.startsWith(prefix)).sort(),
    workdays: [...calendar.workdays].filter((d) => d.startsWith(prefix)).sort(),
    overrides,
  };
}

/** Street admin corrects one day when the year's holiday notice comes out. */
export async function setCalendarDay(ctx: ActorContext, input: CalendarDayBody) {
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(workingCalendarDays)
      .values({ tenantId: ctx.tenantId, day: input.day, kind: input.kind, name: input.name, updatedBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: [workingCalendarDays.tenantId, workingCalendarDays.day],
        set: { kind: input.kind, name: input.name, updatedBy: ctx.actor.userId, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, { action: 'calendar.set', entityType: 'working_calendar_day', entityId: input.day, after: input });
    return { day: input.day, kind: input.kind, name: input.name };
  });
}

export async function deleteCalendarDay(ctx: ActorContext, day: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(workingCalendarDays).where(and(eq(workingCalendarDays.tenantId, ctx.tenantId), eq(workingCalendarDays.day, day)));
    await recordAudit(tx, ctx, { action: 'calendar.reset', entityType: 'working_calendar_day', entityId: day });
  });
}

export async function previewDeadline(ctx: ActorContext, start: string | undefined, workingDays: number) {
  const calendar = await loadWorkingCalendar(ctx.db, ctx.tenantId);
  const from = start ?? shanghaiDate();
  return { start: from, workingDays, deadline: addWorkingDays(from, workingDays, calendar) };
}
