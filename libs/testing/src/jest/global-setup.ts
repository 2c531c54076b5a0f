import './register-workspace-paths';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPIC_CATALOGUE } from '@xiaojian/contracts';
import { LocalStack, startLocalStack } from '@xiaojian/local-infra';
import { TEST_INFRA_ENV, TEST_TOPIC } from '../test-infra';

/** Handed from the global setup to the global teardown (both run in jest's main process). */
export interface TestStackHandle {
  stack: LocalStack;
  dir: string;
}

export const TEST_STACK_KEY = '__xiaojianTestStack';

export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xiaojian-it-'));
  // As root, PostgreSQL runs as the "postgres" user, which must be able to enter this directory.
  chmodSync(dir, 0o711);
  const log = process.env.XJ_TEST_INFRA_LOG ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  const startedAt = Date.now();
  let stack: LocalStack;
  try {
    stack = await startLocalStack({ dir, topics: [...TOPIC_CATALOGUE, TEST_TOPIC], durable: false, log });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  process.stderr.write(`\n[local-infra] PostgreSQL, Redis and Kafka mock ready in ${Date.now() - startedAt} ms (${dir})\n`);

  const { postgres, redis, kafka } = stack;
  process.env[TEST_INFRA_ENV.pgHost] = postgres.host;
  process.env[TEST_INFRA_ENV.pgPort] = String(postgres.port);
  process.env[TEST_INFRA_ENV.pgUser] = postgres.user;
  process.env[TEST_INFRA_ENV.pgPassword] = postgres.password;
  process.env[TEST_INFRA_ENV.redisUrl] = redis.url;
  process.env[TEST_INFRA_ENV.kafkaBrokers] = kafka.brokers.join(',');
  (globalThis as Record<string, unknown>)[TEST_STACK_KEY] = { stack, dir } satisfies TestStackHandle;
}
