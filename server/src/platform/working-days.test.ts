import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarWithOverrides, endOfShanghaiDay, isWorkingDay, trafficLight, workingDaysBetween } from './working-days.js';

describe('working-day clock on the Chinese calendar', () => {
  it('skips the 2018 Spring Festival and counts the make-up Sunday before it', () => {
    // Fri 2018-02-09; Sun 02-11 is a make-up workday; 02-15..02-21 is the holiday; Sat 02-24 is a make-up workday.
    expect(isWorkingDay('2018-02-11')).toBe(true);
    expect(isWorkingDay('2018-02-16')).toBe(false);
    expect(addWorkingDays('2018-02-09', 1)).toBe('2018-02-11');
    expect(addWorkingDays('2018-02-09', 4)).toBe('2018-02-14');
    expect(addWorkingDays('2018-02-14', 1)).toBe('2018-02-22');
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(isWorkingDay('2018-02-24')).toBe(true);
    expect(addWorkingDays('2018-02-23', 1)).toBe('2018-02-24');
    expect(addWorkingDays('2018-02-24', 1)).toBe('2018-02-26');
    expect(workingDaysBetween('2018-02-09', '2018-02-26')).toBe(8);
    expect(workingDaysBetween('2018-02-26', '2018-02-09')).toBe(-8);
  });

  it('skips an ordinary weekend and the 2024 National Day week with its make-up Saturday', () => {
    expect(addWorkingDays('2024-09-27', 1)).toBe('2024-09-29'); // Sun 09-29 make-up workday
    expect(addWorkingDays('2024-09-30', 1)).toBe('2024-10-08'); // 10-01..10-07 off
    expect(isWorkingDay('2024-10-12')).toBe(true); // Sat make-up workday
    expect(addWorkingDays('2023-06-02', 1)).toBe('2023-06-05');
    expect(addWorkingDays('2023-06-02', 0)).toBe('2023-06-02');
  });

  it('lets a street correct the calendar when the year’s notice differs', () => {
    const cal = calendarWithOverrides([
      { date: '2018-02-12', kind: 'holiday' },
      { date: '2018-02-17', kind: 'workday' },
    ]);
    expect(isWorkingDay('2018-02-12', cal)).toBe(false);
    expect(isWorkingDay('2018-02-17', cal)).toBe(true);
    expect(addWorkingDays('2018-02-09', 2, cal)).toBe('2018-02-13');
  });

  it('turns yellow at 80% of the time allowed and red at 100%', () => {
    const start = new Date('2018-03-01T00:00:00Z');
    const deadline = new Date('2018-03-11T00:00:00Z'); // 10 days
    expect(trafficLight(start, deadline, new Date('2018-03-08T23:59:00Z'))).toBe('green');
    expect(trafficLight(start, deadline, new Date('2018-03-09T00:00:00Z'))).toBe('yellow');
    expect(trafficLight(start, deadline, new Date('2018-03-11T00:00:00Z'))).toBe('red');
  });

  it('ends a Shanghai deadline day at midnight +08:00', () => {
    expect(endOfShanghaiDay('2018-02-24').toISOString()).toBe('2018-02-24T16:00:00.000Z');
  });
});
