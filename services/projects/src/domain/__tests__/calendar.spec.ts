import { assertToday, daysBetween, isIsoDate, isIsoMonth, monthOf, shanghaiDate } from '../calendar';
import { RuleError } from '@xiaojian/domain-kernel';

describe('calendar helpers', () => {
  it.each([['2025-01-31', true], ['2024-02-29', true], ['2025-02-29', false], ['2025-04-31', false], ['2025-1-01', false], ['2025-00-10', false], [20250101, false], [null, false]])(
    'isIsoDate(%p) = %p', (v, expected) => expect(isIsoDate(v)).toBe(expected));

  it.each([['2025-01', true], ['2025-12', true], ['2025-13', false], ['2025-00', false], ['2025-1', false], ['2025-01-01', false], [202501, false]])(
    'isIsoMonth(%p) = %p', (v, expected) => expect(isIsoMonth(v)).toBe(expected));

  it('derives the Asia/Shanghai date from an instant (UTC+8, no DST)', () => {
    expect(shanghaiDate(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
    expect(shanghaiDate(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
    expect(shanghaiDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });

  it('counts days across months, leap days and years', () => {
    expect(daysBetween('2025-01-01', '2025-01-01')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
  });

  it('takes the month of a date', () => expect(monthOf('2025-06-15')).toBe('2025-06'));

  it('guards the today argument', () => {
    expect(() => assertToday('2025-06-15')).not.toThrow();
    expect(() => assertToday(new Date())).toThrow(RuleError);
    try {
      assertToday('tomorrow');
    } catch (e) {
      expect(e).toMatchObject({ code: 'invalid_today', field: 'today' });
    }
  });
});
