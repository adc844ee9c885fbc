/** Full-width ASCII → half-width, ideographic space → space, stray whitespace collapsed. */
export function normaliseText(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Reads the dates real rosters hold: 2018-06-01, 2018.06, 2018年6月1日, 2018/6/1, 20180601, Excel serials, Date cells.
 * A month without a day means the 1st. Returns ISO yyyy-mm-dd or null.
 */
export function parseLooseDate(input: unknown): string | null {
  if (input === null || input === undefined || input === '') return null;
  if (input instanceof Date) {
    return Number.isNaN(input.getTime()) ? null : input.toISOString().slice(0, 10);
  }
  if (typeof input === 'number') return fromExcelSerial(input);
  const s = normaliseText(String(input));
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromExcelSerial(Number(s));
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})\s*[年./\-]\s*(\d{1,2})\s*(?:[月./\-]\s*(?:(\d{1,2})\s*日?)?)?$/.exec(s);
  if (m) return validDate(+m[1], +m[2], m[3] ? +m[3] : 1);
  return null;
}

function fromExcelSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 80000) return null;
  const ms = Math.round((n - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}
