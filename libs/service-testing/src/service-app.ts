import { randomUUID } from 'node:crypto';
import { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { CloudEvent, decodeKafkaRecord } from '@xiaojian/contracts';
import { createTestApp, loadConfig, TEST_JWT_SECRET } from '@xiaojian/platform';
import { postgresOptions, ServiceDatabase } from '@xiaojian/service-kit';
import { createTestDatabase, testInfra } from '@xiaojian/testing';

export interface TestServiceOptions<C> {
  service: string;
  configSchema: z.ZodObject;
  createModule: (config: C) => DynamicModule;
  database: ServiceDatabase;
  env?: Record<string, string>;
  swagger?: { title: string; description: string };
}

export interface TestService {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  databaseUrl: string;
  consumerGroup: string;
  close(): Promise<void>;
}

/** Runs a service's migrations against a fresh database. */
export async function migrateTestDatabase(url: string, database: ServiceDatabase): Promise<void> {
  const dataSource = await new DataSource(postgresOptions(url, database, 2)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A service as it runs in production (real PostgreSQL with its migrations, the broker, Redis),
 * in-process and not listening: drive it with `http()`. Each instance gets its own database and
 * consumer group, so parallel test files never share state.
 */
export async function startTestService<C>(options: TestServiceOptions<C>): Promise<TestService> {
  const database = await createTestDatabase(options.service);
  await migrateTestDatabase(database.url, options.database);
  const infra = testInfra();
  const consumerGroup = `${options.service}-test-${randomUUID().slice(0, 8)}`;
  const config = loadConfig(options.configSchema, {
    DATABASE_URL: database.url,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    REDIS_URL: infra.redisUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.XJ_TEST_LOG ? 'info' : 'silent',
    KAFKA_PROVISION_TOPICS: 'false',
    KAFKA_CONSUMER_GROUP: consumerGroup,
    ...options.env,
  }) as C;
  const app = await createTestApp(options.createModule(config), { swagger: options.swagger });
  return {
    app,
    http: () => request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    databaseUrl: database.url,
    consumerGroup,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** The events a service has committed to its outbox, decoded and validated against the contracts. */
export async function outboxEvents(dataSource: DataSource, type?: string): Promise<CloudEvent<any>[]> {
  const rows: { headers: Record<string, string>; payload: unknown }[] = await dataSource.query(
    `SELECT headers, payload FROM outbox_event ${type ? 'WHERE event_type = $1' : ''} ORDER BY seq`,
    type ? [type] : [],
  );
  return rows.map((row) => {
    const decoded = decodeKafkaRecord(row.headers, JSON.stringify(row.payload));
    if (decoded.kind !== 'ok') throw new Error(`outbox holds an event that violates its contract: ${JSON.stringify(decoded)}`);
    return decoded.event;
  });
}

/** SQL that TypeORM would still need to run after all migrations: non-empty means a missing migration. */
export async function pendingSchemaChanges(database: ServiceDatabase): Promise<string[]> {
  const testDatabase = await createTestDatabase('drift');
  try {
    await migrateTestDatabase(testDatabase.url, database);
    const dataSource = await new DataSource(postgresOptions(testDatabase.url, database, 2)).initialize();
    try {
      const sql = await dataSource.driver.createSchemaBuilder().log();
      return sql.upQueries.map((q) => q.query);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await testDatabase.drop();
  }
}

/** Polls until `probe` satisfies `done`, or fails with the last value seen. */
export async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value)?.slice(0, 800)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await probe();
  }
  return value;
}
