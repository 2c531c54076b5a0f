import {
  addDays,
  compareDates,
  dayOfYear,
  dayRange,
  daysInMonth,
  daysInYear,
  isLeapYear,
  isValidDate,
  isValidMonth,
  lastDayOfMonth,
  monthOfDate,
  monthRange,
  monthsBetween,
  nextMonth,
  previousMonth,
  shanghaiDate,
  shanghaiMonth,
} from '../shanghai-time';

const at = (iso: string) => new Date(iso);

describe('shanghaiDate / shanghaiMonth', () => {
  it('switches day at 16:00Z', () => {
    expect(shanghaiDate(at('2025-10-31T15:59:59.999Z'))).toBe('2025-10-31');
    expect(shanghaiDate(at('2025-10-31T16:00:00.000Z'))).toBe('2025-11-01');
    expect(shanghaiDate(at('2025-10-31T00:00:00Z'))).toBe('2025-10-31');
  });

  it('switches month and year at 16:00Z on the last UTC day', () => {
    expect(shanghaiMonth(at('2025-10-31T15:59:59.999Z'))).toBe('2025-10');
    expect(shanghaiMonth(at('2025-10-31T16:00:00Z'))).toBe('2025-11');
    expect(shanghaiMonth(at('2024-12-31T16:00:00Z'))).toBe('2025-01');
    expect(shanghaiDate(at('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
  });

  it('refuses an invalid Date', () => {
    expect(() => shanghaiDate(new Date('nope'))).toThrow(expect.objectContaining({ code: 'time.invalid_instant' }));
    expect(() => shanghaiMonth('2025-01-01' as unknown as Date)).toThrow(expect.objectContaining({ code: 'time.invalid_instant' }));
  });
});

describe('isValidDate / isValidMonth', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01'])('%s is a date', (value) => {
    expect(isValidDate(value)).toBe(true);
  });

  it.each([
    '2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-05',
    '2025-01-5', '25-01-05', '2025/01/05', '2025-01-05T00:00:00Z', ' 2025-01-05', '0999-01-01', '', 20250105, null,
  ])('%p is not a date', (value) => {
    expect(isValidDate(value)).toBe(false);
  });

  it('checks months', () => {
    expect(isValidMonth('2025-10')).toBe(true);
    expect(isValidMonth('2025-13')).toBe(false);
    expect(isValidMonth('2025-00')).toBe(false);
    expect(isValidMonth('2025-1')).toBe(false);
    expect(isValidMonth('2025-10-01')).toBe(false);
    expect(isValidMonth(202510)).toBe(false);
  });
});

describe('months and ranges', () => {
  it('takes the month of a date', () => {
    expect(monthOfDate('2025-10-31')).toBe('2025-10');
    expect(() => monthOfDate('2025-02-30')).toThrow(expect.objectContaining({ code: 'time.invalid_date', field: 'date' }));
  });

  it('bounds a Shanghai month in UTC, end exclusive', () => {
    const october = monthRange('2025-10');
    expect(october.startUtc.toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(october.endUtc.toISOString()).toBe('2025-10-31T16:00:00.000Z');
    const december = monthRange('2024-12');
    expect(december.startUtc.toISOString()).toBe('2024-11-30T16:00:00.000Z');
    expect(december.endUtc.toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(monthRange('2024-02').endUtc.toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(() => monthRange('2025-13')).toThrow(expect.objectContaining({ code: 'time.invalid_month' }));
  });

  it('agrees with shanghaiMonth at both edges', () => {
    const { startUtc, endUtc } = monthRange('2025-10');
    expect(shanghaiMonth(startUtc)).toBe('2025-10');
    expect(shanghaiMonth(new Date(endUtc.getTime() - 1))).toBe('2025-10');
    expect(shanghaiMonth(endUtc)).toBe('2025-11');
    expect(shanghaiMonth(new Date(startUtc.getTime() - 1))).toBe('2025-09');
  });

  it('bounds a Shanghai day in UTC', () => {
    const day = dayRange('2025-10-01');
    expect(day.startUtc.toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(day.endUtc.toISOString()).toBe('2025-10-01T16:00:00.000Z');
  });

  it('steps and counts months across years', () => {
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(previousMonth('2025-10')).toBe('2025-09');
    expect(nextMonth('2024-12')).toBe('2025-01');
    expect(nextMonth('2025-09')).toBe('2025-10');
    expect(monthsBetween('2024-11', '2025-02')).toBe(3);
    expect(monthsBetween('2025-02', '2024-11')).toBe(-3);
    expect(monthsBetween('2025-05', '2025-05')).toBe(0);
    expect(() => nextMonth('2025-1')).toThrow(expect.objectContaining({ code: 'time.invalid_month' }));
  });

  it('knows month lengths and leap years', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-02')).toBe('2025-02-28');
    expect(lastDayOfMonth('1900-02')).toBe('1900-02-28');
    expect(lastDayOfMonth('2000-02')).toBe('2000-02-29');
    expect(lastDayOfMonth('2025-04')).toBe('2025-04-30');
    expect(lastDayOfMonth('2025-12')).toBe('2025-12-31');
    expect(daysInMonth('2025-10')).toBe(31);
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2025)).toBe(365);
  });
});

describe('day arithmetic', () => {
  it('counts the day of the year', () => {
    expect(dayOfYear('2025-01-01')).toBe(1);
    expect(dayOfYear('2024-02-29')).toBe(60);
    expect(dayOfYear('2024-03-01')).toBe(61);
    expect(dayOfYear('2025-03-01')).toBe(60);
    expect(dayOfYear('2024-12-31')).toBe(366);
    expect(dayOfYear('2025-12-31')).toBe(365);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(() => addDays('2025-01-01', 0.5)).toThrow(expect.objectContaining({ code: 'time.invalid_days' }));
  });

  it('compares dates', () => {
    expect(compareDates('2025-01-02', '2025-01-10')).toBe(-1);
    expect(compareDates('2025-01-10', '2025-01-02')).toBe(1);
    expect(compareDates('2025-01-10', '2025-01-10')).toBe(0);
    expect(() => compareDates('2025-01-10', '2025-1-2')).toThrow(expect.objectContaining({ code: 'time.invalid_date' }));
  });
});
