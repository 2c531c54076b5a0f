import { z } from 'zod';
import {
  boolean,
  durationMs,
  kafkaBrokers,
  port,
  positiveInt,
  postgresUrl,
  redisUrl,
} from '../config-fields';
import { baseServiceConfigShape } from '../base-service-config';
import { ConfigurationError, loadConfig } from '../config.loader';

const schema = z.object({ ...baseServiceConfigShape, REDIS_URL: redisUrl() });

const validEnv = {
  DATABASE_URL: 'postgres://x:y@localhost:5432/projects',
  KAFKA_BROKERS: 'localhost:9092, kafka-2:9093',
  JWT_SECRET: 'a-very-long-secret-value',
  REDIS_URL: 'redis://localhost:6379/0',
};

function load(env: Record<string, string | undefined>) {
  const lines: string[] = [];
  const exit = jest.fn();
  let error: unknown;
  let config: unknown;
  try {
    config = loadConfig(schema, env, { exit, writeError: (l) => lines.push(l) });
  } catch (err) {
    error = err;
  }
  return { lines, exit, error, config };
}

describe('loadConfig', () => {
  it('returns the typed, defaulted config', () => {
    const config = loadConfig(schema, { ...validEnv, PORT: '3005', LOG_FORMAT: 'pretty' });
    expect(config).toEqual({
      PORT: 3005,
      DATABASE_URL: validEnv.DATABASE_URL,
      KAFKA_BROKERS: ['localhost:9092', 'kafka-2:9093'],
      JWT_SECRET: validEnv.JWT_SECRET,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'pretty',
      HTTP_BODY_LIMIT: '1mb',
      REDIS_URL: validEnv.REDIS_URL,
    });
  });

  it('prints one line per bad variable naming it and what is expected, then exits with 1', () => {
    const { lines, exit, error } = load({ ...validEnv, DATABASE_URL: undefined, PORT: 'eighty', JWT_SECRET: 'short' });
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(lines).toHaveLength(3);
    expect(lines).toContain(
      'Configuration error: DATABASE_URL is missing — expected a postgres:// URL (e.g. postgres://xiaojian:secret@localhost:5432/projects)',
    );
    expect(lines.find((l) => l.includes(' PORT '))).toMatch(/^Configuration error: PORT is invalid \(.+\) — expected a TCP port number 1–65535$/);
    expect(lines.find((l) => l.includes('JWT_SECRET'))).toMatch(/JWT_SECRET is invalid .*at least 16 characters/);
  });

  it('never echoes the offending value (secrets stay out of logs)', () => {
    const { lines } = load({ ...validEnv, JWT_SECRET: 'hunter2' });
    expect(lines.join('\n')).not.toContain('hunter2');
  });

  it('treats empty strings as unset', () => {
    const { lines } = load({ ...validEnv, KAFKA_BROKERS: '  ' });
    expect(lines).toEqual([
      'Configuration error: KAFKA_BROKERS is missing — expected a comma-separated list of host:port Kafka brokers (e.g. localhost:9092,kafka-2:9092)',
    ]);
  });

  it('rejects wrong URL schemes and malformed broker lists', () => {
    const { lines } = load({ ...validEnv, DATABASE_URL: 'mysql://localhost/x', KAFKA_BROKERS: 'localhost', REDIS_URL: 'http://r' });
    expect(lines.map((l) => l.split(' ')[2])).toEqual(['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL']);
  });
});

describe('field builders', () => {
  it.each([
    ['500', 500],
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    [undefined, 1234],
  ])('durationMs parses %s', (input, expected) => {
    expect(durationMs(1234).parse(input)).toBe(expected);
  });

  it('durationMs rejects garbage', () => {
    expect(durationMs(1).safeParse('soon').success).toBe(false);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    ['0', false],
    [undefined, true],
  ])('boolean parses %s', (input, expected) => {
    expect(boolean(true).parse(input)).toBe(expected);
  });

  it('boolean rejects yes', () => {
    expect(boolean(false).safeParse('yes').success).toBe(false);
  });

  it('port and positiveInt validate ranges and apply defaults', () => {
    expect(port(3001).parse(undefined)).toBe(3001);
    expect(port().parse(undefined)).toBeUndefined();
    expect(port(1).safeParse('70000').success).toBe(false);
    expect(positiveInt(5).parse(undefined)).toBe(5);
    expect(positiveInt(5).safeParse('0').success).toBe(false);
    expect(positiveInt(5).safeParse('2.5').success).toBe(false);
  });

  it('postgresUrl accepts both schemes, kafkaBrokers splits and trims', () => {
    expect(postgresUrl().safeParse('postgresql://h/db').success).toBe(true);
    expect(kafkaBrokers().parse(' a:1 ,b.example:9092 ')).toEqual(['a:1', 'b.example:9092']);
    expect(kafkaBrokers('localhost:9092').parse(undefined)).toEqual(['localhost:9092']);
  });
});
