import { DomainError, issue } from './errors';

/**
 * Business time is Asia/Shanghai (UTC+8 all year: China has had no DST since 1991); storage
 * is UTC. Dates are 'YYYY-MM-DD' and months 'YYYY-MM' strings in Shanghai time. Calendar maths
 * is done on numbers, not on `Date`, so that the host time zone never matters.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^([1-9]\d{3})-(\d{2})$/;

export interface UtcRange {
  /** Inclusive. */
  startUtc: Date;
  /** Exclusive. */
  endUtc: Date;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

function daysIn(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function parseDate(date: string): [number, number, number] {
  const match = typeof date === 'string' ? DATE_RE.exec(date) : null;
  const parts = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
  if (!parts || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > daysIn(parts[0], parts[1])) {
    throw new DomainError(issue('time.invalid_date', 'date',
      `日期无效：${String(date)}，应为有效的 YYYY-MM-DD 日期`,
      `Invalid date: ${String(date)} (expected a real calendar date YYYY-MM-DD)`));
  }
  return parts as [number, number, number];
}

function parseMonth(month: string): [number, number] {
  const match = typeof month === 'string' ? MONTH_RE.exec(month) : null;
  const parts = match ? [Number(match[1]), Number(match[2])] : null;
  if (!parts || parts[1] < 1 || parts[1] > 12) {
    throw new DomainError(issue('time.invalid_month', 'month',
      `月份无效：${String(month)}，应为 YYYY-MM`, `Invalid month: ${String(month)} (expected YYYY-MM)`));
  }
  return parts as [number, number];
}

function shanghaiIso(instant: Date): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new DomainError(issue('time.invalid_instant', 'instant', '时间点无效', 'Invalid instant'));
  }
  return new Date(instant.getTime() + OFFSET_MS).toISOString();
}

/** Strict calendar check: '2024-02-29' yes, '2025-02-29', '2025-1-5', '2025-13-01' no. */
export function isValidDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

export function isValidMonth(value: unknown): value is string {
  const match = typeof value === 'string' ? MONTH_RE.exec(value) : null;
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** The Shanghai calendar date of a UTC instant: 2025-10-31T16:00Z → '2025-11-01'. */
export function shanghaiDate(instant: Date): string {
  return shanghaiIso(instant).slice(0, 10);
}

export function shanghaiMonth(instant: Date): string {
  return shanghaiIso(instant).slice(0, 7);
}

export function monthOfDate(date: string): string {
  parseDate(date);
  return date.slice(0, 7);
}

/** The UTC instants bounding a Shanghai month: 2025-10 → [2025-09-30T16:00Z, 2025-10-31T16:00Z). */
export function monthRange(month: string): UtcRange {
  const [year, m] = parseMonth(month);
  return {
    startUtc: new Date(Date.UTC(year, m - 1, 1) - OFFSET_MS),
    endUtc: new Date(Date.UTC(year, m, 1) - OFFSET_MS),
  };
}

/** The UTC instants bounding a Shanghai day: 2025-10-01 → [2025-09-30T16:00Z, 2025-10-01T16:00Z). */
export function dayRange(date: string): UtcRange {
  const [year, month, day] = parseDate(date);
  const start = Date.UTC(year, month - 1, day) - OFFSET_MS;
  return { startUtc: new Date(start), endUtc: new Date(start + DAY_MS) };
}

export function compareDates(a: string, b: string): -1 | 0 | 1 {
  parseDate(a);
  parseDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function monthIndex(month: string): number {
  const [year, m] = parseMonth(month);
  return year * 12 + (m - 1);
}

function monthFromIndex(index: number): string {
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export function previousMonth(month: string): string {
  return monthFromIndex(monthIndex(month) - 1);
}

export function nextMonth(month: string): string {
  return monthFromIndex(monthIndex(month) + 1);
}

/** Signed number of months from `from` to `to`: ('2024-11', '2025-02') → 3. */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

export function daysInMonth(month: string): number {
  const [year, m] = parseMonth(month);
  return daysIn(year, m);
}

/** '2024-02' → '2024-02-29'. */
export function lastDayOfMonth(month: string): string {
  return `${month}-${pad(daysInMonth(month))}`;
}

/** 1 for 1 January; 366 for 31 December of a leap year. */
export function dayOfYear(date: string): number {
  const [year, month, day] = parseDate(date);
  return (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / DAY_MS + 1;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = parseDate(date);
  if (!Number.isSafeInteger(days)) {
    throw new DomainError(issue('time.invalid_days', 'days', `天数必须是整数：${days}`, `Days must be an integer: ${days}`));
  }
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}
