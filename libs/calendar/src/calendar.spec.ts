import { isMonth, localDate, localMonth, nextMonth } from './calendar';

describe('calendar', () => {
  it('gives the local date on either side of midnight in the space timezone', () => {
    const instant = new Date('2026-10-14T22:30:00Z');
    expect(localDate(instant, 'Europe/Paris')).toBe('2026-10-15');
    expect(localDate(instant, 'America/Montreal')).toBe('2026-10-14');
  });

  it('gives the local month across a month boundary', () => {
    const instant = new Date('2026-10-31T23:30:00Z');
    expect(localMonth(instant, 'Europe/Paris')).toBe('2026-11');
    expect(localMonth(instant, 'UTC')).toBe('2026-10');
  });

  it('follows daylight saving time', () => {
    // 2026-03-29: Paris moves from UTC+1 to UTC+2 at 01:00 UTC.
    expect(localDate(new Date('2026-03-28T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(localDate(new Date('2026-10-24T22:30:00Z'), 'Europe/Paris')).toBe('2026-10-25');
  });

  it('steps and checks months', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-01')).toBe('2026-02');
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-09')).toBe(true);
  });
});
