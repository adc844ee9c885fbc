import { fieldError } from '../../platform/errors.js';
import { shanghaiDate } from '../../platform/time.js';

/** A reporting period: inclusive Asia/Shanghai dates and the label a report prints. */
export interface Period {
  label: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

/**
 * Parses the period forms reports use: `2018`, `2018-Q3`, `2018-06`, or from/to dates.
 * With nothing given the period is the current year to date.
 */
export function parsePeriod(input: { period?: string; from?: string; to?: string }, today: string = shanghaiDate()): Period {
  const p = input.period?.trim();
  if (p) {
    let m = /^(\d{4})$/.exec(p);
    if (m) return { label: `${m[1]}年`, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
    m = /^(\d{4})-Q([1-4])$/i.exec(p);
    if (m) {
      const q = Number(m[2]);
      const endMonth = q * 3;
      return { label: `${m[1]}年第${'一二三四'[q - 1]}季度`, from: `${m[1]}-${pad(endMonth - 2)}-01`, to: `${m[1]}-${pad(endMonth)}-${lastDayOfMonth(Number(m[1]), endMonth)}` };
    }
    m = /^(\d{4})-(\d{2})$/.exec(p);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
      const month = Number(m[2]);
      return { label: `${m[1]}年${month}月`, from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${lastDayOfMonth(Number(m[1]), month)}` };
    }
    throw fieldError('period', '统计期格式应为 2018、2018-Q3 或 2018-06');
  }
  if (input.from || input.to) {
    const from = input.from ?? `${(input.to ?? today).slice(0, 4)}-01-01`;
    const to = input.to ?? today;
    if (!isValidDate(from)) throw fieldError('from', '开始日期格式应为 YYYY-MM-DD');
    if (!isValidDate(to)) throw fieldError('to', '结束日期格式应为 YYYY-MM-DD');
    if (from > to) throw fieldError('to', '结束日期不能早于开始日期');
    return { label: `${from} 至 ${to}`, from, to };
  }
  const year = today.slice(0, 4);
  return { label: `${year}年（截至${today}）`, from: `${year}-01-01`, to: today };
}

/** The months of a period (at most 24), each as its own period, for trend lines. */
export function monthsOf(period: Period): Period[] {
  const out: Period[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const endKey = period.to.slice(0, 7);
  while (out.length < 24) {
    const key = `${y}-${pad(m)}`;
    if (key > endKey) break;
    const from = key === period.from.slice(0, 7) ? period.from : `${key}-01`;
    const last = `${key}-${pad(lastDayOfMonth(y, m))}`;
    out.push({ label: key, from, to: last < period.to ? last : period.to });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
