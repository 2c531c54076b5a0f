import {
  DomainError, Fen, Result, dayOfYear, daysInYear, fail, formatPercent, isValidDate, issue, lastDayOfMonth, ok, unwrap,
} from '@xiaojian/domain-kernel';

/**
 * 序时进度: the share of the fiscal year (a calendar year in Asia/Shanghai) that spending is
 * expected to have reached by a date. Linear: day-of-year ÷ days-in-year. Monthly: cumulative
 * target percentages at month ends, e.g. {3: 25, 6: 50, 9: 75, 12: 100}, interpolated by day
 * from 0 % at the start of 1 January.
 */
export type ScheduleCurve =
  | { readonly kind: 'linear' }
  | { readonly kind: 'monthly'; readonly cumulativePercent: Readonly<Record<number, number>> };

export const LINEAR_SCHEDULE: ScheduleCurve = { kind: 'linear' };

export interface ScheduleTarget {
  readonly fiscalYear: number;
  readonly asOf: string;
  /** Exact target share of the year: numerator ÷ denominator (0 … 1). */
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number;
  /** One decimal, half-up: "83.3". */
  readonly percent: string;
}

export interface ScheduleStatus {
  /** 支出率 < 序时进度, compared exactly. False when nothing is allocated. */
  readonly behindSchedule: boolean;
  /** 序时进度 − 支出率 in percentage points, one decimal; only when behind. */
  readonly gapPoints: string | null;
}

const invalidCurve = (zh: string, en: string) =>
  fail(issue('schedule.invalid_curve', 'curve', `序时进度曲线无效：${zh}`, `Invalid schedule curve: ${en}`));

/** Month-end points as [month, basis points (1/100 of a percent)], checked and sorted. */
function monthlyPoints(table: Readonly<Record<number, number>>): Result<Array<[number, number]>> {
  const points: Array<[number, number]> = [];
  for (const [key, percent] of Object.entries(table ?? {})) {
    const month = Number(key);
    if (!/^\d{1,2}$/.test(key) || month < 1 || month > 12) return invalidCurve(`月份 ${key} 不在 1–12 之间`, `month ${key} is not 1–12`);
    const basisPoints = Math.round(percent * 100);
    if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100
      || Math.abs(percent * 100 - basisPoints) > 1e-6) {
      return invalidCurve(`${month} 月的百分比 ${String(percent)} 应为 0–100 且最多两位小数`,
        `percentage ${String(percent)} for month ${month} must be 0–100 with at most two decimals`);
    }
    points.push([month, basisPoints]);
  }
  points.sort((a, b) => a[0] - b[0]);
  if (points.some(([, bp], i) => i > 0 && bp < points[i - 1][1])) {
    return invalidCurve('累计百分比不能随月份减少', 'cumulative percentages must not decrease');
  }
  const last = points[points.length - 1];
  if (!last || last[0] !== 12 || last[1] !== 10000) {
    return invalidCurve('必须以 12 月 100% 结束', 'it must end with 100 % in month 12');
  }
  return ok(points);
}

/** For configuration input: checks a curve before it is stored. */
export function validateScheduleCurve(curve: ScheduleCurve): Result<ScheduleCurve> {
  if (curve?.kind === 'linear') return ok(curve);
  if (curve?.kind !== 'monthly') return invalidCurve('类型应为 linear 或 monthly', "kind must be 'linear' or 'monthly'");
  const points = monthlyPoints(curve.cumulativePercent);
  return points.ok ? ok(curve) : points;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

function target(fiscalYear: number, asOf: string, numerator: number, denominator: number): ScheduleTarget {
  const divisor = gcd(numerator, denominator) || 1;
  const [n, d] = [numerator / divisor, denominator / divisor];
  return { fiscalYear, asOf, numerator: n, denominator: d, value: n / d, percent: formatPercent(n, d) };
}

export function scheduleTarget(fiscalYear: number, asOf: string, curve: ScheduleCurve = LINEAR_SCHEDULE): ScheduleTarget {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1000 || fiscalYear > 9999) {
    throw new DomainError(issue('schedule.invalid_fiscal_year', 'fiscalYear', `预算年度无效：${fiscalYear}`, `Invalid fiscal year: ${fiscalYear}`));
  }
  if (!isValidDate(asOf)) {
    throw new DomainError(issue('time.invalid_date', 'asOf', `截至日期无效：${String(asOf)}`, `Invalid as-of date: ${String(asOf)}`));
  }
  const checked = validateScheduleCurve(curve);
  if (!checked.ok) throw new DomainError(checked.error);
  const points = curve.kind === 'monthly' ? unwrap(monthlyPoints(curve.cumulativePercent)) : [];

  const year = Number(asOf.slice(0, 4));
  if (year < fiscalYear) return target(fiscalYear, asOf, 0, 1);
  if (year > fiscalYear) return target(fiscalYear, asOf, 1, 1);
  const day = dayOfYear(asOf);
  if (curve.kind === 'linear') return target(fiscalYear, asOf, day, daysInYear(fiscalYear));

  let [fromDay, fromBp] = [0, 0];
  for (const [month, bp] of points) {
    const toDay = dayOfYear(lastDayOfMonth(`${fiscalYear}-${String(month).padStart(2, '0')}`));
    if (day <= toDay) {
      const span = toDay - fromDay;
      return target(fiscalYear, asOf, fromBp * span + (bp - fromBp) * (day - fromDay), 10000 * span);
    }
    [fromDay, fromBp] = [toDay, bp];
  }
  return target(fiscalYear, asOf, 1, 1); // unreachable: the table ends on 31 December
}

/** Compares spent ÷ allocated with the target exactly (BigInt: fen × day counts exceed 2^53). */
export function scheduleStatus(spentFen: Fen, allocatedFen: Fen, schedule: ScheduleTarget): ScheduleStatus {
  if (allocatedFen <= 0) return { behindSchedule: false, gapPoints: null };
  const [s, a] = [BigInt(spentFen), BigInt(allocatedFen)];
  const [tn, td] = [BigInt(schedule.numerator), BigInt(schedule.denominator)];
  const gapNumerator = tn * a - s * td; // (target − spent/allocated) × td × a
  if (gapNumerator <= 0n) return { behindSchedule: false, gapPoints: null };
  return { behindSchedule: true, gapPoints: formatPercent(gapNumerator, td * a) };
}
