import { DomainError } from '../errors';
import { formatPercent, rate } from '../ratio';

function percentOf(numerator: number, denominator: number): string {
  const result = rate(numerator, denominator);
  if (result.kind !== 'rate') throw new Error('expected a rate');
  return result.percent;
}

describe('rate', () => {
  it('reports a zero denominator as no_denominator, never 0 % or NaN', () => {
    expect(rate(0, 0)).toEqual({ kind: 'no_denominator' });
    expect(rate(500, 0)).toEqual({ kind: 'no_denominator' });
  });

  it('gives the exact ratio and a one-decimal percentage', () => {
    expect(rate(5780, 5207)).toEqual({ kind: 'rate', numerator: 5780, denominator: 5207, value: 5780 / 5207, percent: '111.0' });
    expect(rate(0, 100)).toMatchObject({ value: 0, percent: '0.0' });
    expect(rate(100, 100)).toMatchObject({ value: 1, percent: '100.0' });
    expect(rate(1, 3)).toMatchObject({ percent: '33.3' });
    expect(rate(2, 3)).toMatchObject({ percent: '66.7' });
  });

  it('rounds half-up exactly at the boundary', () => {
    expect(percentOf(1, 2000)).toBe('0.1'); // 0.05 %
    expect(percentOf(1, 2001)).toBe('0.0'); // 0.04997… %
    expect(percentOf(1_005, 1_000_000)).toBe('0.1'); // 0.1005 %
    expect(percentOf(9_995, 10_000)).toBe('100.0'); // 99.95 %
    expect(percentOf(9_994, 10_000)).toBe('99.9');
  });

  it('stays exact for large fen amounts', () => {
    const allocated = 9_007_199_254_740_991;
    expect(percentOf(allocated - 1, allocated)).toBe('100.0');
    expect(percentOf(Math.floor(allocated / 2), allocated)).toBe('50.0');
  });

  it.each([
    [-1, 10],
    [1, -10],
    [0.5, 10],
    [1, 2.5],
    [NaN, 1],
    [1, Infinity],
  ])('refuses operands %p ÷ %p', (numerator, denominator) => {
    expect(() => rate(numerator, denominator)).toThrow(DomainError);
  });
});

describe('formatPercent', () => {
  it('formats signed values, rounding half away from zero', () => {
    expect(formatPercent(1, 8)).toBe('12.5');
    expect(formatPercent(1, 16)).toBe('6.3'); // 6.25
    expect(formatPercent(-1, 16)).toBe('-6.3');
    expect(formatPercent(1, -16)).toBe('-6.3');
    expect(formatPercent(-1, -16)).toBe('6.3');
    expect(formatPercent(-1, 100_000)).toBe('0.0'); // never "-0.0"
    expect(formatPercent(0, 7)).toBe('0.0');
  });

  it('supports other precisions and bigint operands', () => {
    expect(formatPercent(1, 3, 0)).toBe('33');
    expect(formatPercent(1, 3, 2)).toBe('33.33');
    expect(formatPercent(2n ** 70n, 2n ** 71n, 3)).toBe('50.000');
  });

  it('refuses a zero denominator and bad precision', () => {
    expect(() => formatPercent(1, 0)).toThrow(expect.objectContaining({ code: 'ratio.zero_denominator' }));
    expect(() => formatPercent(1, 2, 7)).toThrow(DomainError);
    expect(() => formatPercent(1, 2, 1.5)).toThrow(DomainError);
    expect(() => formatPercent(0.5, 2)).toThrow(DomainError);
  });
});
