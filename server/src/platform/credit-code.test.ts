import { describe, expect, it } from 'vitest';
import { composeCreditCode, creditCodeCheckChar, orgCodeCheckChar, parseCreditCode } from './credit-code.js';

describe('unified social credit code (GB 32100)', () => {
  it('accepts published codes', () => {
    // 国家电网有限公司 and 华为技术有限公司, as printed on their business licences.
    expect(parseCreditCode('9111000071093123XX')).toEqual({ ok: true, code: '9111000071093123XX' });
    expect(parseCreditCode('914403001922038216')).toEqual({ ok: true, code: '914403001922038216' });
  });
  it('normalises spaces, lower case and full-width characters', () => {
    expect(parseCreditCode(' 9111 0000 7109 3123xx ')).toEqual({ ok: true, code: '9111000071093123XX' });
    expect(parseCreditCode('９１４４０３００１９２２０３８２１６')).toEqual({ ok: true, code: '914403001922038216' });
  });
  it('rejects a wrong check character', () => {
    expect(parseCreditCode('914403001922038217')).toEqual({ ok: false, problem: 'check_char' });
  });
  it('rejects forbidden letters, wrong length and a non-numeric division', () => {
    expect(parseCreditCode('91440300192203821')).toEqual({ ok: false, problem: 'format' });
    expect(parseCreditCode('9144030019220382I6')).toEqual({ ok: false, problem: 'format' });
    expect(parseCreditCode('91A4030019220382' + '16')).toEqual({ ok: false, problem: 'division' });
  });
  it('composes codes that validate, with the organisation-code check inside', () => {
    const code = composeCreditCode('91', '410182', 'MA3X5K7L');
    expect(code).toHaveLength(18);
    expect(parseCreditCode(code)).toEqual({ ok: true, code });
    expect(code.slice(16, 17)).toBe(orgCodeCheckChar('MA3X5K7L'));
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });
});
