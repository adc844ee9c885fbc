import { createRequire } from 'node:module';

/**
 * The working-day clock: deadlines counted in working days on the Chinese calendar
 * (weekends off, statutory holidays off, make-up workdays 调休上班 on).
 * Dates are ISO yyyy-mm-dd Shanghai days.
 */
export interface WorkingCalendar {
  /** Days off that would otherwise be working days (statutory holidays). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (make-up workdays). */
  workdays: ReadonlySet<string>;
}

export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let defaultCalendar: WorkingCalendar | undefined;

/** The State Council calendar as shipped by the `chinese-days` package (2004 onwards). */
export function defaultWorkingCalendar(): WorkingCalendar {
  if (!defaultCalendar) {
    const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
    defaultCalendar = { holidays: new Set(Object.keys(data.holidays)), workdays: new Set(Object.keys(data.workdays)) };
  }
  return defaultCalendar;
}

/** The default calendar with a street's own corrections applied (a later notice wins over the package). */
export function calendarWithOverrides(overrides: readonly CalendarOverride[], base: WorkingCalendar = defaultWorkingCalendar()): WorkingCalendar {
  if (overrides.length === 0) return base;
  const holidays = new Set(base.holidays);
  const workdays = new Set(base.workdays);
  for (const o of overrides) {
    if (o.kind === 'holiday') {
      holidays.add(o.date);
      workdays.delete(o.date);
    } else {
      workdays.add(o.date);
      holidays.delete(o.date);
    }
  }
  return { holidays, workdays };
}

const DAY_MS = 86_400_000;

function toUtcMs(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isWorkingDay(iso: string, calendar: WorkingCalendar = defaultWorkingCalendar()): boolean {
  if (calendar.workdays.has(iso)) return true;
  if (calendar.holidays.has(iso)) return false;
  const weekday = new Date(toUtcMs(iso)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date `days` working days after `startIsoDate` (the start day itself is not counted). */
export function addWorkingDays(startIsoDate: string, days: number, calendar: WorkingCalendar = defaultWorkingCalendar()): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  let ms = toUtcMs(startIsoDate);
  let left = days;
  while (left > 0) {
    ms += DAY_MS;
    if (isWorkingDay(fromUtcMs(ms), calendar)) left--;
  }
  return fromUtcMs(ms);
}

/** Working days in (a, b]; negative when b is before a. */
export function workingDaysBetween(a: string, b: string, calendar: WorkingCalendar = defaultWorkingCalendar()): number {
  const from = toUtcMs(a);
  const to = toUtcMs(b);
  if (to === from) return 0;
  const [lo, hi, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let n = 0;
  for (let ms = lo + DAY_MS; ms <= hi; ms += DAY_MS) {
    if (isWorkingDay(fromUtcMs(ms), calendar)) n++;
  }
  return n * sign;
}

/** Traffic light of a deadline: yellow once 80% of the time allowed has passed, red at 100%. */
export function trafficLight(start: Date, deadline: Date, now: Date): 'green' | 'yellow' | 'red' {
  const allowed = deadline.getTime() - start.getTime();
  const used = now.getTime() - start.getTime();
  if (used >= allowed) return 'red';
  if (allowed <= 0) return 'red';
  return used >= allowed * 0.8 ? 'yellow' : 'green';
}

/** The instant a Shanghai day ends (the next day's 00:00 +08:00): a deadline date is met until then. */
export function endOfShanghaiDay(iso: string): Date {
  return new Date(toUtcMs(iso) + DAY_MS - 8 * 3_600_000);
}
