import { z } from 'zod';

/**
 * Reusable zod field builders for environment variables. Every builder carries a `description`
 * that reads as the completion of "expected …"; `loadConfig` prints it when the variable is bad.
 * Inputs are strings (or undefined); empty strings are treated as unset by `loadConfig`.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const portSchema = () =>
  z.coerce
    .number({ error: 'not a number' })
    .int({ error: 'not a whole number' })
    .min(1, { error: 'below 1' })
    .max(65535, { error: 'above 65535' });
type PortSchema = ReturnType<typeof portSchema>;

/** A TCP port 1–65535. Without a default the variable is optional (`undefined` when unset). */
export function port(): z.ZodOptional<PortSchema>;
export function port(defaultPort: number): z.ZodDefault<PortSchema>;
export function port(defaultPort?: number): z.ZodOptional<PortSchema> | z.ZodDefault<PortSchema> {
  return defaultPort === undefined
    ? portSchema().optional().describe('a TCP port number 1–65535')
    : portSchema().default(defaultPort).describe(`a TCP port number 1–65535 (default ${defaultPort})`);
}

function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A PostgreSQL connection URL (`postgres://` or `postgresql://`). Required. */
export function postgresUrl() {
  return z
    .string()
    .refine((v) => hasProtocol(v, ['postgres:', 'postgresql:']), { error: 'not a postgres:// URL' })
    .describe('a postgres:// URL (e.g. postgres://xiaojian:secret@localhost:5432/projects)');
}

/** A Redis connection URL (`redis://` or `rediss://`). Required. */
export function redisUrl() {
  return z
    .string()
    .refine((v) => hasProtocol(v, ['redis:', 'rediss:']), { error: 'not a redis:// URL' })
    .describe('a redis:// URL (e.g. redis://localhost:6379/0)');
}

const BROKER = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?:\d{1,5}$/;

/** A comma-separated list of `host:port` Kafka brokers, parsed to `string[]`. */
export function kafkaBrokers(defaultValue?: string) {
  const parse = z.string().transform((value, ctx) => {
    const brokers = value
      .split(',')
      .map((b) => b.trim())
      .filter((b) => b.length > 0);
    const bad = brokers.filter((b) => !BROKER.test(b));
    if (brokers.length === 0 || bad.length > 0) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: bad.length > 0 ? `not host:port: ${bad.join(', ')}` : 'empty list',
      });
      return z.NEVER;
    }
    return brokers;
  });
  const schema = defaultValue === undefined ? parse : parse.default(() => defaultValue.split(',').map((b) => b.trim()));
  return schema.describe('a comma-separated list of host:port Kafka brokers (e.g. localhost:9092,kafka-2:9092)');
}

/** A pino log level. */
export function logLevel(defaultLevel: LogLevel = 'info') {
  return z
    .enum(LOG_LEVELS, { error: 'not a log level' })
    .default(defaultLevel)
    .describe(`one of ${LOG_LEVELS.join('|')} (default ${defaultLevel})`);
}

/** A whole number ≥ 1. */
export function positiveInt(defaultValue: number) {
  return z.coerce
    .number({ error: 'not a number' })
    .int({ error: 'not a whole number' })
    .positive({ error: 'not positive' })
    .default(defaultValue)
    .describe(`a whole number ≥ 1 (default ${defaultValue})`);
}

const DURATION = /^(\d+)\s*(ms|s|m|h)?$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `500`, `500ms`, `30s`, `5m`, `1h` to milliseconds; `undefined` when malformed. */
export function parseDurationMs(value: string): number | undefined {
  const match = DURATION.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[(match[2] ?? 'ms').toLowerCase()];
}

/** A duration in milliseconds: a bare number means ms; units ms, s, m, h are accepted. */
export function durationMs(defaultMs: number) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return defaultMs;
      const ms = parseDurationMs(value);
      if (ms === undefined) {
        ctx.issues.push({ code: 'custom', input: value, message: 'not a duration' });
        return z.NEVER;
      }
      return ms;
    })
    .describe(`a duration such as 500, 500ms, 30s, 5m or 1h (default ${defaultMs} ms)`);
}

const TRUE = new Set(['true', '1']);
const FALSE = new Set(['false', '0']);

/** "true"/"false"/"1"/"0" (case-insensitive) → boolean. */
export function boolean(defaultValue: boolean) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return defaultValue;
      const v = value.trim().toLowerCase();
      if (TRUE.has(v)) return true;
      if (FALSE.has(v)) return false;
      ctx.issues.push({ code: 'custom', input: value, message: 'not a boolean' });
      return z.NEVER;
    })
    .describe(`true, false, 1 or 0 (default ${defaultValue})`);
}

/** A body-parser size such as `512kb` or `1mb`. */
export function byteSize(defaultValue: string) {
  return z
    .string()
    .regex(/^\d+(\.\d+)?\s*(b|kb|mb)$/i, { error: 'not a size' })
    .default(defaultValue)
    .describe(`a size such as 512kb or 1mb (default ${defaultValue})`);
}
