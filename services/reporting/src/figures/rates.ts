import { dayOfYear, daysInYear, formatPercent, rate } from '@xiaojian/domain-kernel';
import type { RateFigure } from '../bulletins/bulletin-document';

/** A domain-kernel rate as the bulletin prints it. */
export function rateFigure(numerator: number, denominator: number): RateFigure {
  const r = rate(Math.max(0, numerator), denominator);
  return r.kind === 'rate' ? { kind: 'rate', percent: r.percent } : { kind: 'no_denominator' };
}

/** 序时进度 at `asOf`, linear: day-of-year ÷ days-in-year (as the funding service computes it). */
export function scheduleFraction(asOf: string): { numerator: number; denominator: number; percent: string } {
  const numerator = dayOfYear(asOf);
  const denominator = daysInYear(Number(asOf.slice(0, 4)));
  return { numerator, denominator, percent: formatPercent(numerator, denominator) };
}

/** 支出率 < 序时进度, compared exactly; false when nothing is allocated. */
export function isBehindSchedule(spentFen: number, allocatedFen: number, asOf: string): boolean {
  if (allocatedFen <= 0) return false;
  const schedule = scheduleFraction(asOf);
  return BigInt(Math.max(0, spentFen)) * BigInt(schedule.denominator) < BigInt(allocatedFen) * BigInt(schedule.numerator);
}

/** Sort key of a printed rate: highest first, "no denominator" last. */
export function rateSortValue(figure: RateFigure): number {
  return figure.kind === 'rate' ? Number(figure.percent) : -1;
}
