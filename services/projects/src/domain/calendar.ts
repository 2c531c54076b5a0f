import { RuleError } from '@xiaojian/domain-kernel';

/** A calendar date `YYYY-MM-DD` (Asia/Shanghai business calendar). */
export type IsoDate = string;
/** A calendar month `YYYY-MM`. */
export type IsoMonth = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DAY_MS = 86_400_000;
// China has had no daylight saving time since 1991, so Asia/Shanghai is always UTC+8.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isIsoMonth(value: unknown): value is IsoMonth {
  if (typeof value !== 'string') return false;
  const m = MONTH_RE.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The Asia/Shanghai calendar date of an instant; lets callers derive `today` from their own clock. */
export function shanghaiDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Guards the `today` argument every rule takes instead of reading the clock. */
export function assertToday(today: unknown): asserts today is IsoDate {
  if (!isIsoDate(today)) {
    throw new RuleError('invalid_today', '参数 today 必须是 YYYY-MM-DD 日期', 'Argument today must be a YYYY-MM-DD date', 'today');
  }
}
