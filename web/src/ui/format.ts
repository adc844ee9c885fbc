/** Times are stored in UTC and shown in Asia/Shanghai, whatever the browser's zone. */
const timeZone = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2026-03-01 14:05:09` in Beijing time; '' for empty input. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = toDate(value);
  return date ? dateTimeFormat.format(date).replace(/\//g, '-') : String(value);
}

/** `2026-03-01`; a plain date string is shown as it is (it has no time zone). */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = toDate(value);
  return date ? dateFormat.format(date) : String(value);
}

/** Today's date in Beijing, `YYYY-MM-DD`. */
export function todayInShanghai(): string {
  return dateFormat.format(new Date());
}

/** The hour of the day in Beijing (0–23). */
export function hourInShanghai(): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hour12: false }).format(new Date());
  return Number(hour) % 24;
}
