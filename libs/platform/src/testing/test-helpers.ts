import type { DestinationStream } from 'pino';
import { signDevToken } from '../auth/jwt.util';
import type { Role } from '../auth/principal';

export const TEST_JWT_SECRET = 'test-secret-0123456789';

/** A valid base config for tests: silent logs, test secret. */
export function testPlatformConfig<T extends object = object>(overrides: T = {} as T) {
  return {
    PORT: undefined as number | undefined,
    DATABASE_URL: 'postgres://test:test@localhost:5432/test',
    KAFKA_BROKERS: ['localhost:9092'],
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent' as const,
    LOG_FORMAT: 'json' as const,
    HTTP_BODY_LIMIT: '1mb',
    ...overrides,
  };
}

/** `Authorization` header value for a test user. */
export function bearer(role: Role, divisions: readonly string[] = [], extra: { name?: string; sub?: string; secret?: string } = {}): string {
  const token = signDevToken({ role, divisions, name: extra.name, sub: extra.sub, secret: extra.secret ?? TEST_JWT_SECRET, expiresIn: '5m' });
  return `Bearer ${token}`;
}

/** A pino destination that keeps parsed log lines in memory. */
export interface LogCapture extends DestinationStream {
  lines: Record<string, unknown>[];
}

export function captureLogs(): LogCapture {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
}
