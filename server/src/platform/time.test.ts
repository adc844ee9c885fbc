import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDay, nextMonthStart, shanghaiDate } from './time.js';

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2018-03-01', -1)).toBe('2018-02-28');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2018-12-31', 1)).toBe('2019-01-01');
  });
  it('finds the next month start from a day or a month', () => {
    expect(nextMonthStart('2018-12-15')).toBe('2019-01-01');
    expect(nextMonthStart('2018-07')).toBe('2018-08-01');
  });
  it('tells real days from impossible ones', () => {
    expect(isCalendarDay('2018-02-28')).toBe(true);
    expect(isCalendarDay('2018-02-30')).toBe(false);
    expect(isCalendarDay('2018-2-3')).toBe(false);
  });
  it('a street day is the Shanghai date', () => {
    expect(shanghaiDate(new Date('2018-06-30T16:00:00Z'))).toBe('2018-07-01');
    expect(shanghaiDate(new Date('2018-06-30T15:59:59Z'))).toBe('2018-06-30');
  });
});
