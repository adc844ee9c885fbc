/** Times are stored in UTC and shown in Asia/Shanghai; a "day" in the street is a Shanghai day. */
export const STREET_TIME_ZONE = 'Asia/Shanghai';

// Building an Intl.DateTimeFormat costs far more than formatting with one (it showed as 7% of a busy server's CPU).
const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: STREET_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function shanghaiDate(d: Date = new Date()): string {
  return shanghaiDay.format(d);
}

/** Calendar days are 'YYYY-MM-DD' strings; these helpers do their arithmetic in UTC so no time zone shifts a day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month after `day` ('YYYY-MM' or 'YYYY-MM-DD'). */
export function nextMonthStart(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** True for a real calendar day ('2018-02-30' is not). */
export function isCalendarDay(day: string): boolean {
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
}
