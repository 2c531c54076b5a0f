import { ScheduleCurve, scheduleStatus, scheduleTarget, validateScheduleCurve } from '../schedule';

const QUARTERLY: ScheduleCurve = { kind: 'monthly', cumulativePercent: { 3: 25, 6: 50, 9: 75, 12: 100 } };
const percent = (fiscalYear: number, asOf: string, curve?: ScheduleCurve) => scheduleTarget(fiscalYear, asOf, curve).percent;

describe('scheduleTarget, linear', () => {
  it.each([
    ['2025-01-01', '0.3'], // 1/365
    ['2025-07-02', '50.1'], // 183/365
    ['2025-10-31', '83.3'], // 304/365
    ['2025-12-30', '99.7'],
    ['2025-12-31', '100.0'],
  ])('2025 as of %s → %s %%', (asOf, expected) => {
    expect(percent(2025, asOf)).toBe(expected);
  });

  it('uses 366 days in a leap year', () => {
    expect(scheduleTarget(2024, '2024-02-29')).toMatchObject({ numerator: 10, denominator: 61, percent: '16.4' }); // 60/366
    expect(scheduleTarget(2024, '2024-07-01')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, percent: '50.0' }); // 183/366
    expect(percent(2024, '2024-12-30')).toBe('99.7'); // 365/366
    expect(percent(2024, '2024-12-31')).toBe('100.0');
    expect(percent(2025, '2025-03-01')).toBe('16.4'); // 60/365 = 16.44
    expect(percent(2024, '2024-03-01')).toBe('16.7'); // 61/366 = 16.67
  });

  it('is 0 before the fiscal year and 100 % after it', () => {
    expect(scheduleTarget(2025, '2024-12-31')).toMatchObject({ fiscalYear: 2025, asOf: '2024-12-31', numerator: 0, value: 0, percent: '0.0' });
    expect(scheduleTarget(2024, '2025-01-01')).toMatchObject({ numerator: 1, denominator: 1, value: 1, percent: '100.0' });
  });

  it('refuses bad input', () => {
    expect(() => scheduleTarget(2025, '2025-02-29')).toThrow(expect.objectContaining({ code: 'time.invalid_date', field: 'asOf' }));
    expect(() => scheduleTarget(2025.5, '2025-02-28')).toThrow(expect.objectContaining({ code: 'schedule.invalid_fiscal_year' }));
  });
});

describe('scheduleTarget, monthly table', () => {
  it('hits the table at month ends', () => {
    expect(percent(2025, '2025-03-31', QUARTERLY)).toBe('25.0');
    expect(percent(2025, '2025-06-30', QUARTERLY)).toBe('50.0');
    expect(percent(2025, '2025-09-30', QUARTERLY)).toBe('75.0');
    expect(percent(2025, '2025-12-31', QUARTERLY)).toBe('100.0');
  });

  it('interpolates by day between points, from 0 % on 1 January', () => {
    expect(percent(2025, '2025-02-28', QUARTERLY)).toBe('16.4'); // 25 × 59/90
    expect(percent(2025, '2025-04-01', QUARTERLY)).toBe('25.3'); // 25 + 25 × 1/91
    expect(percent(2025, '2025-01-01', QUARTERLY)).toBe('0.3'); // 25 × 1/90
  });

  it('shifts with the leap day', () => {
    expect(percent(2024, '2024-02-29', QUARTERLY)).toBe('16.5'); // 25 × 60/91
    expect(percent(2024, '2024-03-31', QUARTERLY)).toBe('25.0');
  });

  it('follows flat and decimal curves', () => {
    const backLoaded: ScheduleCurve = { kind: 'monthly', cumulativePercent: { 6: 0, 11: 33.33, 12: 100 } };
    expect(percent(2025, '2025-06-15', backLoaded)).toBe('0.0');
    expect(percent(2025, '2025-11-30', backLoaded)).toBe('33.3');
    expect(scheduleTarget(2025, '2025-11-30', backLoaded).value).toBeCloseTo(0.3333, 10);
  });

  it('equals the linear curve when only December is given', () => {
    const onlyDecember: ScheduleCurve = { kind: 'monthly', cumulativePercent: { 12: 100 } };
    for (const asOf of ['2025-01-01', '2025-07-02', '2025-10-31']) {
      const t = scheduleTarget(2025, asOf, onlyDecember);
      const l = scheduleTarget(2025, asOf);
      expect([t.numerator, t.denominator]).toEqual([l.numerator, l.denominator]);
    }
  });

  it('accepts JSON-style string keys', () => {
    const fromJson = JSON.parse('{"kind":"monthly","cumulativePercent":{"6":40,"12":100}}') as ScheduleCurve;
    expect(percent(2025, '2025-06-30', fromJson)).toBe('40.0');
  });

  it.each<[string, unknown]>([
    ['no December', { 3: 25, 6: 50 }],
    ['December below 100', { 6: 50, 12: 90 }],
    ['a decreasing step', { 3: 30, 6: 20, 12: 100 }],
    ['month 13', { 13: 100, 12: 100 }],
    ['month 0', { 0: 0, 12: 100 }],
    ['a fractional month', { '6.5': 50, 12: 100 }],
    ['over 100 %', { 6: 101, 12: 100 }],
    ['a negative percentage', { 6: -1, 12: 100 }],
    ['three decimals', { 6: 33.333, 12: 100 }],
    ['NaN', { 6: NaN, 12: 100 }],
    ['a string percentage', { 6: '50', 12: 100 }],
    ['an empty table', {}],
  ])('refuses a table with %s', (_, cumulativePercent) => {
    const curve = { kind: 'monthly', cumulativePercent } as ScheduleCurve;
    const result = validateScheduleCurve(curve);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'schedule.invalid_curve', field: 'curve' });
    expect(() => scheduleTarget(2025, '2025-06-30', curve)).toThrow(expect.objectContaining({ code: 'schedule.invalid_curve' }));
  });

  it('refuses an unknown kind', () => {
    expect(validateScheduleCurve({ kind: 'weekly' } as unknown as ScheduleCurve).ok).toBe(false);
    expect(validateScheduleCurve(QUARTERLY)).toEqual({ ok: true, value: QUARTERLY });
  });
});

describe('scheduleStatus', () => {
  const october = scheduleTarget(2025, '2025-10-31'); // 304/365 = 83.29 %

  it('flags spending below the target with the gap in points', () => {
    expect(scheduleStatus(50_000, 100_000, october)).toEqual({ behindSchedule: true, gapPoints: '33.3' });
    expect(scheduleStatus(0, 100_000, october)).toEqual({ behindSchedule: true, gapPoints: '83.3' });
  });

  it('compares exactly: on target is not behind, one fen under is', () => {
    const allocated = 365 * 1_000;
    const onTarget = 304 * 1_000;
    expect(scheduleStatus(onTarget, allocated, october)).toEqual({ behindSchedule: false, gapPoints: null });
    expect(scheduleStatus(onTarget - 1, allocated, october)).toEqual({ behindSchedule: true, gapPoints: '0.0' });
    expect(scheduleStatus(allocated, allocated, october)).toEqual({ behindSchedule: false, gapPoints: null });
  });

  it('is never behind with nothing allocated', () => {
    expect(scheduleStatus(0, 0, october)).toEqual({ behindSchedule: false, gapPoints: null });
  });

  it('is never behind before the year starts, always behind after it unless fully spent', () => {
    expect(scheduleStatus(0, 100, scheduleTarget(2026, '2025-12-31'))).toEqual({ behindSchedule: false, gapPoints: null });
    expect(scheduleStatus(99, 100, scheduleTarget(2024, '2025-01-01'))).toEqual({ behindSchedule: true, gapPoints: '1.0' });
  });

  it('stays exact with amounts where fen × days exceed 2^53', () => {
    const allocated = 365 * 24_000_000_000_000; // 8.76e15 fen
    const spent = 304 * 24_000_000_000_000; // exactly on target
    expect(Number.isSafeInteger(spent)).toBe(true);
    expect(scheduleStatus(spent, allocated, october).behindSchedule).toBe(false);
    expect(scheduleStatus(spent - 1, allocated, october).behindSchedule).toBe(true);
  });
});
