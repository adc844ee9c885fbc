/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z). Characters 9–17 are the organisation code (GB 11714, its own mod-11
 * check at position 17); character 18 is a mod-31 check over the first 17.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeProblem = 'format' | 'division' | 'check_char';

export const creditCodeProblemText: Record<CreditCodeProblem, string> = {
  format: '统一社会信用代码格式不正确（应为18位数字或大写字母，不含I、O、S、V、Z）',
  division: '统一社会信用代码第3至8位应为行政区划代码（6位数字）',
  check_char: '统一社会信用代码校验位错误',
};

/** The 18th (check) character for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = alphabet.indexOf(first17[i] ?? '');
    if (v < 0) throw new Error(`invalid credit code character ${first17[i] ?? ''}`);
    sum += v * weights[i];
  }
  return alphabet[(31 - (sum % 31)) % 31];
}

/** The organisation-code (GB 11714) check character for its first 8 characters. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i] ?? '';
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * orgWeights[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** Normalises (trim, upper case, full-width → half-width) and validates a credit code. */
export function parseCreditCode(raw: string): { ok: true; code: string } | { ok: false; problem: CreditCodeProblem } {
  const s = raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(s)) return { ok: false, problem: 'format' };
  if (!/^\d{6}$/.test(s.slice(2, 8))) return { ok: false, problem: 'division' };
  if (creditCodeCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, problem: 'check_char' };
  return { ok: true, code: s };
}

/**
 * Builds a well-formed code (for demo data and tests): registration authority + category
 * (e.g. '91' enterprise, '92' individual business), 6-digit division, 8-character organisation body.
 */
export function composeCreditCode(prefix: string, division: string, orgBody: string): string {
  const org = orgBody + orgCodeCheckChar(orgBody);
  const first17 = prefix + division + org;
  return first17 + creditCodeCheckChar(first17);
}
