/**
 * Helpers of the end-to-end tests: a small HTTP client that talks to the services as separate
 * processes, polling, and the calendar arithmetic of the scripted month (Asia/Shanghai).
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class HttpFailure extends Error {
  constructor(
    readonly answer: HttpAnswer,
    what: string,
  ) {
    super(`${what} → ${answer.status} ${answer.text.slice(0, 800)}`);
  }
}

/** One HTTP call; `expect` is the status that counts as success (else HttpFailure with the body). */
export async function http<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { authorization?: string; body?: unknown; headers?: Record<string, string>; expect?: number } = {},
): Promise<HttpAnswer<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.authorization ? { authorization: options.authorization } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const binary = contentType.startsWith('application/pdf');
  const raw = Buffer.from(await response.arrayBuffer());
  const text = binary ? '' : raw.toString('utf8');
  let body: unknown = binary ? raw : text;
  if (!binary && /json/.test(contentType) && text) body = JSON.parse(text);
  const answer: HttpAnswer<T> = { status: response.status, headers: response.headers, body: body as T, text };
  if (options.expect !== undefined && response.status !== options.expect) {
    throw new HttpFailure(answer, `${method} ${path} (expected ${options.expect})`);
  }
  return answer;
}

/** Polls `probe` until `done`; probe errors count as "not yet". Fails with the last value seen. */
export async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      last = value;
      if (done(value)) return value;
    } catch (error) {
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 1500)}`);
    await sleep(400);
  }
}

/**
 * Retries a write while the service has not yet learnt, from events, the project it refers to
 * (funding answers 404 or 422 until ProjectRegisteredV1 has arrived).
 */
export async function untilKnown<T>(what: string, call: () => Promise<HttpAnswer<T>>, timeoutMs = 60_000): Promise<HttpAnswer<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await call();
    if (answer.status === 201 || answer.status === 200) return answer;
    if ((answer.status !== 404 && answer.status !== 422) || Date.now() > deadline) throw new HttpFailure(answer, what);
    await sleep(250);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Shanghai calendar month of an instant, YYYY-MM. */
export function shanghaiMonthOf(instant: Date): string {
  const shanghai = new Date(instant.getTime() + 8 * 3600 * 1000);
  return `${shanghai.getUTCFullYear()}-${pad(shanghai.getUTCMonth() + 1)}`;
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export const day = (month: string, d: number) => `${month}-${pad(d)}`;

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return day(month, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

/** 1-based day of the year of a YYYY-MM-DD date, and the number of days in that year. */
export function dayOfYear(date: string): { day: number; days: number } {
  const [y, m, d] = date.split('-').map(Number);
  const dayNumber = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
  const days = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
  return { day: dayNumber, days };
}

/** numerator ÷ denominator as a percent with one decimal, rounded half up (both non-negative integers). */
export function percent1(numerator: number, denominator: number): string {
  const tenths = (BigInt(numerator) * 1000n * 2n + BigInt(denominator)) / (BigInt(denominator) * 2n);
  return `${tenths / 10n}.${tenths % 10n}`;
}

/** The bulletin's rate figure for numerator ÷ denominator. */
export const rateOf = (numerator: number, denominator: number) =>
  denominator === 0 ? { kind: 'no_denominator' } : { kind: 'rate', percent: percent1(numerator, denominator) };
