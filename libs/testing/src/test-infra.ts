import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, PostgresConnection, postgresUrl } from '@xiaojian/local-infra';

/** Environment variables through which the jest global setup hands its stack to the test workers. */
export const TEST_INFRA_ENV = {
  pgHost: 'XJ_TEST_PG_HOST',
  pgPort: 'XJ_TEST_PG_PORT',
  pgUser: 'XJ_TEST_PG_USER',
  pgPassword: 'XJ_TEST_PG_PASSWORD',
  redisUrl: 'XJ_TEST_REDIS_URL',
  kafkaBrokers: 'XJ_TEST_KAFKA_BROKERS',
} as const;

export interface TestInfra {
  postgres: PostgresConnection;
  redisUrl: string;
  kafkaBrokers: string[];
}

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, closing any connections still open to it. */
  drop(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: integration tests need the local stack started by the jest global setup; ` +
        'run them with: npx jest -c jest.integration.config.js',
    );
  }
  return value;
}

export function testInfra(): TestInfra {
  return {
    postgres: {
      host: required(TEST_INFRA_ENV.pgHost),
      port: Number(required(TEST_INFRA_ENV.pgPort)),
      user: required(TEST_INFRA_ENV.pgUser),
      password: required(TEST_INFRA_ENV.pgPassword),
    },
    redisUrl: required(TEST_INFRA_ENV.redisUrl),
    kafkaBrokers: required(TEST_INFRA_ENV.kafkaBrokers).split(','),
  };
}

export function testKafkaBrokers(): string[] {
  return testInfra().kafkaBrokers;
}

/** Creates an empty database named after `prefix` plus a unique suffix (PostgreSQL allows 63 bytes). */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const { postgres } = testInfra();
  const stem = prefix.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, 40);
  const name = `${stem}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createDatabase(postgres, name);
  return { name, url: postgresUrl(postgres, name), drop: () => dropDatabase(postgres, name) };
}

/** A topic of the test stack outside the contracts' catalogue, for raw broker tests. */
export const TEST_TOPIC = { name: 'xiaojian.test.events', partitions: 4 } as const;
