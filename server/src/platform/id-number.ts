/** Resident ID numbers (GB 11643-1999): 18 characters, the last a mod 11-2 check character. */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return checkChars[sum % 11];
}

export interface IdNumberInfo {
  normalised: string;
  birthDate: string;
  gender: 'male' | 'female';
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

/** Validates an ID number (a lowercase x is accepted) and derives birth date and gender from it. */
export function parseIdNumber(raw: string): { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const s = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, problem: 'format' };
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || dt > new Date()) return { ok: false, problem: 'birth_date' };
  if (idCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, problem: 'check_digit' };
  return {
    ok: true,
    info: { normalised: s, birthDate: s.slice(6, 10) + '-' + s.slice(10, 12) + '-' + s.slice(12, 14), gender: Number(s[16]) % 2 === 1 ? 'male' : 'female' },
  };
}

export const idNumberProblemText: Record<IdNumberProblem, string> = {
  format: '身份证号格式不正确（应为18位）',
  birth_date: '身份证号中的出生日期无效',
  check_digit: '身份证号校验位错误',
};
