import { describe, expect, it } from 'vitest';
import { idCheckChar, parseIdNumber } from './id-number.js';
import { namePinyin } from './pinyin.js';

describe('GB 11643 ID numbers', () => {
  it('accepts a valid number with a lowercase x and derives birth date and gender', () => {
    const first17 = '41018219800101002';
    const id = first17 + idCheckChar(first17);
    const r = parseIdNumber(id.toLowerCase());
    expect(r).toEqual({ ok: true, info: { normalised: id, birthDate: '1980-01-01', gender: 'female' } });
  });
  it('reports a wrong check digit as a problem, not a crash', () => {
    const first17 = '41018219751231003';
    const good = idCheckChar(first17);
    const bad = good === '1' ? '2' : '1';
    expect(parseIdNumber(first17 + bad)).toEqual({ ok: false, problem: 'check_digit' });
    expect(parseIdNumber('4101821975')).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber('410182197513310031')).toEqual({ ok: false, problem: 'birth_date' });
  });
});

describe('name pinyin', () => {
  it('张荣耀 is found by zry and zhangrongyao', () => {
    expect(namePinyin('张荣耀')).toEqual({ full: 'zhangrongyao', initials: 'zry' });
  });
});
