import { scheduleCurveConfig } from '../config';

describe('FUNDING_SCHEDULE_CURVE', () => {
  it('defaults to the linear curve', () => {
    expect(scheduleCurveConfig.parse(undefined)).toEqual({ kind: 'linear' });
  });

  it('accepts a valid monthly curve', () => {
    const curve = scheduleCurveConfig.parse('{"kind":"monthly","cumulativePercent":{"6":40,"12":100}}');
    expect(curve).toEqual({ kind: 'monthly', cumulativePercent: { 6: 40, 12: 100 } });
  });

  it('refuses malformed JSON and curves that do not end at 100 % in December', () => {
    expect(scheduleCurveConfig.safeParse('{kind').success).toBe(false);
    const notEnding = scheduleCurveConfig.safeParse('{"kind":"monthly","cumulativePercent":{"6":40}}');
    expect(notEnding.success).toBe(false);
    expect(JSON.stringify(notEnding.error?.issues)).toContain('100 % in month 12');
  });
});
