import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Events } from '@xiaojian/contracts';
import { createTestApp, loadConfig, TEST_JWT_SECRET } from '@xiaojian/platform';
import { eventually, migrateTestDatabase, TestEventProducer } from '@xiaojian/service-testing';
import { createTestDatabase, testInfra } from '@xiaojian/testing';
import { AppModule } from '../../app.module';
import { CapacityConfig, capacityConfigSchema } from '../../config';
import { capacityDatabase } from '../../database/database';
import { accepted, randomCounty, registered, townshipOf } from '../../__tests__/capacity-fixtures';

const PROJECTS = 40;

describe('two capacity instances on one database and one consumer group', () => {
  it('applies every project event once, raises capacity once per accepted project, and lets one relay publish', async () => {
    const database = await createTestDatabase('capacity_twins');
    await migrateTestDatabase(database.url, capacityDatabase);
    const infra = testInfra();
    const config = loadConfig(capacityConfigSchema, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      KAFKA_PROVISION_TOPICS: 'false',
      KAFKA_CONSUMER_GROUP: `capacity-twins-${randomUUID().slice(0, 8)}`,
    }) as CapacityConfig;
    const producer = await TestEventProducer.connect();
    const apps: INestApplication[] = [];
    try {
      apps.push(await createTestApp(AppModule.forRoot(config)), await createTestApp(AppModule.forRoot(config)));
      const dataSource = apps[0].get(DataSource);
      const county = randomCounty();
      const township = townshipOf(county, 404);

      // Each project: registered, then accepted with seats; the acceptance is also delivered twice.
      for (let i = 0; i < PROJECTS; i += 1) {
        const project = registered({ countyCode: county, townshipCode: township, schoolCode: `TWIN-${i}`, plannedSeats: 100 + i });
        await producer.publish(Events.ProjectRegisteredV1, project);
        const acceptance = await producer.publish(Events.ProjectAcceptedV1, accepted(project, 100 + i));
        await producer.send(Events.ProjectAcceptedV1, [acceptance]);
      }
      const expectedSeats = Array.from({ length: PROJECTS }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
      const total = () =>
        dataSource
          .query(`SELECT coalesce(sum(capacity), 0)::int AS seats, count(*)::int AS schools FROM school WHERE county_code = $1`, [county])
          .then((rows) => rows[0] as { seats: number; schools: number });
      expect(await eventually(total, (t) => t.seats >= expectedSeats && t.schools === PROJECTS, 60000)).toEqual({ seats: expectedSeats, schools: PROJECTS });

      // Nothing arrives later that would double a delivery.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await total()).toEqual({ seats: expectedSeats, schools: PROJECTS });

      // Both instances' relays ran, one held the lock: every event published exactly once, in order.
      const [outbox] = await dataSource.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NULL)::int AS pending FROM outbox_event WHERE payload->>'countyCode' = $1`,
        [county],
      );
      await eventually(
        () => dataSource.query(`SELECT count(*)::int AS pending FROM outbox_event WHERE published_at IS NULL`).then((r) => r[0].pending),
        (pending) => pending === 0,
      );
      expect(outbox.total).toBeGreaterThanOrEqual(PROJECTS * 3); // school registered, seats delivered, capacity changed
      const [locks] = await dataSource.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
      expect(locks.n).toBe(1);
    } finally {
      for (const app of apps) await app.close();
      await producer.close();
      await database.drop();
    }
  }, 120000);
});
