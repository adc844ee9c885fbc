import { describe, expect, it } from 'vitest';
import { normaliseText, parseLooseDate } from './text-normalise.js';

describe('parseLooseDate', () => {
  it.each([
    ['2018-06-01', '2018-06-01'],
    ['2018.06', '2018-06-01'],
    ['2018年6月1日', '2018-06-01'],
    ['2018年6月', '2018-06-01'],
    ['2018/6/1', '2018-06-01'],
    ['２０１８／６／１', '2018-06-01'],
    ['20180601', '2018-06-01'],
    [43252, '2018-06-01'],
    ['43252', '2018-06-01'],
  ])('%s → %s', (input, expected) => {
    expect(parseLooseDate(input)).toBe(expected);
  });
  it('rejects impossible dates', () => {
    expect(parseLooseDate('2018-02-30')).toBeNull();
    expect(parseLooseDate('abc')).toBeNull();
  });
  it('normalises full-width digits and stray spaces', () => {
    expect(normaliseText('  张\u3000三 １３８ ')).toBe('张 三 138');
  });
});
