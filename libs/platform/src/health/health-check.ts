import { hostname } from 'node:os';

/** A readiness dependency check: resolve when healthy, reject (or hang past the timeout) when not. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
  /** Default 2000 ms. */
  timeoutMs?: number;
}

export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 2000;

export interface CheckResult {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface ReadinessReport {
  status: 'ok' | 'down';
  checks: Record<string, CheckResult>;
}

class HealthCheckTimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

async function runOne(check: HealthCheck): Promise<CheckResult> {
  const timeoutMs = check.timeoutMs ?? DEFAULT_HEALTH_CHECK_TIMEOUT_MS;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthCheckTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(() => check.check()), timeout]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: err instanceof Error ? err.message : String(err),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs all checks in parallel, each bounded by its timeout. */
export async function runHealthChecks(checks: readonly HealthCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(async (c) => [c.name, await runOne(c)] as const));
  const report: ReadinessReport = { status: 'ok', checks: Object.fromEntries(results) };
  if (results.some(([, r]) => r.status === 'down')) report.status = 'down';
  return report;
}

/** Anything with `query(sql)`: a TypeORM DataSource, a pg Pool. */
export interface SqlQueryable {
  query(sql: string): Promise<unknown>;
}

/** `SELECT 1` on the service's database. */
export function postgresCheck(
  dataSource: SqlQueryable,
  options: { name?: string; timeoutMs?: number } = {},
): HealthCheck {
  return {
    name: options.name ?? 'postgres',
    timeoutMs: options.timeoutMs,
    check: async () => {
      await dataSource.query('SELECT 1');
    },
  };
}

/** The ioredis `SET key value PX ms` signature. */
export interface RedisWritable {
  set(key: string, value: string, mode: 'PX', milliseconds: number): Promise<unknown>;
}

/**
 * Writes a short-lived key: a Redis that answers PING but refuses writes (OOM with
 * `noeviction`, a read-only replica) is not ready for queue work.
 */
export function redisWriteCheck(
  redis: RedisWritable,
  options: { name?: string; key?: string; ttlMs?: number; timeoutMs?: number } = {},
): HealthCheck {
  const key = options.key ?? `health:${hostname()}:${process.pid}`;
  return {
    name: options.name ?? 'redis',
    timeoutMs: options.timeoutMs,
    check: async () => {
      await redis.set(key, String(Date.now()), 'PX', options.ttlMs ?? 10_000);
    },
  };
}
