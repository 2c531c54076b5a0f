import { randomUUID } from 'node:crypto';
import { Events } from '@xiaojian/contracts';
import { bearer, createTestApp, loadConfig, TEST_JWT_SECRET } from '@xiaojian/platform';
import { eventually, migrateTestDatabase, outboxEvents, TestEventProducer, TestService } from '@xiaojian/service-testing';
import { createTestDatabase, testInfra } from '@xiaojian/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../app.module';
import { CapacityConfig, capacityConfigSchema } from '../../config';
import { capacityDatabase } from '../../database/database';
import { SeatPipelineService } from '../seat-pipeline.service';
import {
  accepted, eventsFor, inboxHas, lifecycle, projectRow, randomCounty, registered, schoolRow, startCapacity, townshipOf,
} from '../../__tests__/capacity-fixtures';

describe('seat pipeline from project events (real PostgreSQL and broker)', () => {
  let service: TestService;
  let producer: TestEventProducer;
  const county = randomCounty();
  const township = townshipOf(county, 101);
  const planner = bearer('planner', [county]);

  beforeAll(async () => {
    [service, producer] = await Promise.all([startCapacity(), TestEventProducer.connect()]);
  });
  afterAll(async () => {
    await producer.close();
    await service.close();
  });

  it('registers the unknown school of a new project and counts its planned seats', async () => {
    const project = registered({ countyCode: county, townshipCode: township, schoolCode: 'REG-1', schoolName: '城关第一小学', plannedSeats: 900 });
    await producer.publish(Events.ProjectRegisteredV1, project);
    const row = await eventually(() => projectRow(service.dataSource, project.projectId), (r) => r !== undefined);
    expect(row).toEqual({ status: 'active', planned_seats: 900, delivered_seats: 0 });
    const school = await schoolRow(service.dataSource, county, 'REG-1');
    expect(school).toMatchObject({ name: '城关第一小学', status: 'open', capacity: 0 });
    const registeredEvents = await eventsFor(service.dataSource, Events.SchoolRegisteredV1.type, (d) => d.countyCode === county && d.schoolCode === 'REG-1');
    expect(registeredEvents.map((e) => e.data)).toEqual([
      { schoolId: school!.id, schoolCode: 'REG-1', name: '城关第一小学', level: 'primary', ownership: 'public', countyCode: county, townshipCode: township, status: 'open', declaredCapacity: null },
    ]);

    // A second project at the same school does not register it again.
    const second = registered({ countyCode: county, townshipCode: township, schoolCode: 'REG-1', plannedSeats: 450 });
    await producer.publish(Events.ProjectRegisteredV1, second);
    await eventually(() => projectRow(service.dataSource, second.projectId), (r) => r !== undefined);
    expect(await eventsFor(service.dataSource, Events.SchoolRegisteredV1.type, (d) => d.countyCode === county && d.schoolCode === 'REG-1')).toHaveLength(1);
  });

  it('follows planned-figure changes, suspension and resumption', async () => {
    const project = registered({ countyCode: county, townshipCode: township, schoolCode: 'LIFE-1', plannedSeats: 900 });
    const dates = lifecycle(project, '2026-03-01');
    await producer.publish(Events.ProjectRegisteredV1, project);
    const { registeredOn: _r, registeredBy: _b, code: _c, kind: _k, schoolCode: _s, schoolName: _n, schoolLevel: _l, ownership: _o, phase: _p, ...figures } = project;
    await producer.publish(Events.ProjectPlannedFiguresChangedV1, { ...figures, plannedSeats: 1350, changedFields: ['plannedSeats'], changedBy: 'planner-1' });
    await eventually(() => projectRow(service.dataSource, project.projectId), (r) => r?.planned_seats === 1350);
    await producer.publish(Events.ProjectSuspendedV1, dates.suspended);
    expect(await eventually(() => projectRow(service.dataSource, project.projectId), (r) => r?.status === 'suspended')).toMatchObject({ planned_seats: 1350 });
    await producer.publish(Events.ProjectResumedV1, dates.resumed);
    expect(await eventually(() => projectRow(service.dataSource, project.projectId), (r) => r?.status === 'active')).toMatchObject({ planned_seats: 1350 });
  });

  it('removes a cancelled project\'s planned seats from the figures', async () => {
    const cancelTownship = townshipOf(county, 202);
    const project = registered({ countyCode: county, townshipCode: cancelTownship, schoolCode: 'CANCEL-1', schoolLevel: 'kindergarten', ownership: 'inclusive_private', plannedSeats: 270 });
    await producer.publish(Events.ProjectRegisteredV1, project);
    await eventually(() => projectRow(service.dataSource, project.projectId), (r) => r !== undefined);
    const figures = () => service.http().get(`/api/v1/figures?township=${cancelTownship}`).set('Authorization', planner).expect(200).then((r) => r.body);
    const before = await figures();
    expect(before.townships[0].seats).toMatchObject({ activeProjects: 1, plannedSeats: 270 });
    expect(before.townships[0].seats.byLevelAndOwnership).toMatchObject([{ level: 'kindergarten', ownership: 'inclusive_private', plannedSeats: 270 }]);

    await producer.publish(Events.ProjectCancelledV1, lifecycle(project, '2026-04-01').cancelled);
    await eventually(() => projectRow(service.dataSource, project.projectId), (r) => r?.status === 'cancelled');
    const after = await figures();
    expect(after.townships[0].seats).toMatchObject({ activeProjects: 0, plannedSeats: 0, onHoldSeats: 0, deliveredSeats: 0, byLevelAndOwnership: [] });
    // As of the day before the cancellation, the seats were still planned.
    const earlier = await service.http().get(`/api/v1/figures?township=${cancelTownship}&asOf=2026-03-31`).set('Authorization', planner).expect(200);
    expect(earlier.body.townships[0].seats.plannedSeats).toBe(270);

    // A late acceptance of the cancelled project brings nothing back.
    await producer.publish(Events.ProjectAcceptedV1, accepted(project, 270));
    const marker = await producer.publish(Events.ProjectCancelledV1, lifecycle(project, '2026-04-02').cancelled);
    await eventually(() => inboxHas(service.dataSource, marker.id), Boolean);
    expect(await schoolRow(service.dataSource, county, 'CANCEL-1')).toMatchObject({ capacity: 0, delivered_seats: 0 });
    expect(await eventsFor(service.dataSource, Events.SeatsDeliveredV1.type, (d) => d.projectId === project.projectId)).toEqual([]);
  });

  it('raises capacity once when the same acceptance is delivered twice, or again under another event id', async () => {
    const project = registered({ countyCode: county, townshipCode: township, schoolCode: 'ACC-1', plannedSeats: 450 });
    await producer.publish(Events.ProjectRegisteredV1, project);
    const school = await eventually(() => schoolRow(service.dataSource, county, 'ACC-1'), (s) => s !== undefined);

    // The school reports its classes first: 4 classes × 6 grades × 45 = 1080 seats.
    const grades = [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, classes: 4, pupils: 180 }));
    const report = await service.http().post(`/api/v1/schools/${school!.id}/enrolment`).set('Authorization', planner).send({ term: '2026-spring', grades }).expect(201);
    expect(report.body.schoolCapacity).toBe(1080);

    const acceptance = await producer.publish(Events.ProjectAcceptedV1, accepted(project, 450));
    await eventually(() => schoolRow(service.dataSource, county, 'ACC-1'), (s) => s?.capacity === 1530);

    await producer.send(Events.ProjectAcceptedV1, [acceptance]);
    const again = await producer.publish(Events.ProjectAcceptedV1, accepted(project, 450));
    await eventually(() => inboxHas(service.dataSource, again.id), Boolean);

    expect(await schoolRow(service.dataSource, county, 'ACC-1')).toMatchObject({ capacity: 1530, delivered_seats: 450 });
    expect(await projectRow(service.dataSource, project.projectId)).toEqual({ status: 'accepted', planned_seats: 450, delivered_seats: 450 });
    const delivered = await eventsFor(service.dataSource, Events.SeatsDeliveredV1.type, (d) => d.projectId === project.projectId);
    expect(delivered.map((e) => e.data)).toEqual([
      { projectId: project.projectId, schoolCode: 'ACC-1', countyCode: county, townshipCode: township, level: 'primary', ownership: 'public', deliveredSeats: 450, date: '2026-06-01' },
    ]);
    const changes = await eventsFor(service.dataSource, Events.CapacityChangedV1.type, (d) => d.schoolId === school!.id);
    expect(changes.map((e) => [e.data.cause, e.data.previousCapacity, e.data.capacity])).toEqual([
      ['enrolment_report', 0, 1080],
      ['seats_delivered', 1080, 1530],
    ]);
    expect(changes[1].data).toMatchObject({ causeId: project.projectId, date: '2026-06-01', schoolCode: 'ACC-1', countyCode: county });
    const deadLetters = await service.dataSource.query('SELECT event_id FROM dead_letter WHERE event_id = ANY($1)', [[acceptance.id, again.id]]);
    expect(deadLetters).toEqual([]);
  });

  it('the seat_delivery row alone refuses a second delivery of a project, whatever the pipeline says', async () => {
    const project = registered({ countyCode: county, townshipCode: township, schoolCode: 'GUARD-1', plannedSeats: 90 });
    const pipeline = service.app.get(SeatPipelineService);
    const delivery = {
      projectId: project.projectId, countyCode: county, townshipCode: township, schoolCode: 'GUARD-1', level: 'primary' as const,
      ownership: 'public' as const, deliveredSeats: 90, acceptanceDate: '2026-06-02',
    };
    const deliver = (id: string) =>
      service.dataSource.transaction((manager) =>
        pipeline.deliver(manager, producer.event(Events.ProjectAcceptedV1, accepted(project, 90), { id }), delivery),
      );
    expect(await deliver(randomUUID())).toBe(true);
    expect(await deliver(randomUUID())).toBe(false);
    expect(await schoolRow(service.dataSource, county, 'GUARD-1')).toMatchObject({ capacity: 90, delivered_seats: 90 });
    expect(await eventsFor(service.dataSource, Events.SeatsDeliveredV1.type, (d) => d.projectId === project.projectId)).toHaveLength(1);
  });
});

describe('seat delivery across a consumer restart (same database, same consumer group)', () => {
  let producer: TestEventProducer;
  const county = randomCounty();
  const township = townshipOf(county, 303);

  beforeAll(async () => {
    producer = await TestEventProducer.connect();
  });
  afterAll(() => producer.close());

  it('applies an acceptance redelivered after a restart, or re-sent under another id, no more than once', async () => {
    const database = await createTestDatabase('capacity_restart');
    await migrateTestDatabase(database.url, capacityDatabase);
    const infra = testInfra();
    const config = loadConfig(capacityConfigSchema, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      REDIS_URL: infra.redisUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      KAFKA_PROVISION_TOPICS: 'false',
      KAFKA_CONSUMER_GROUP: `capacity-restart-${randomUUID().slice(0, 8)}`,
    }) as CapacityConfig;
    let app = await createTestApp(AppModule.forRoot(config));
    try {
      const dataSource = () => app.get(DataSource);
      const project = registered({ countyCode: county, townshipCode: township, schoolCode: 'RESTART-1', plannedSeats: 600 });
      await producer.publish(Events.ProjectRegisteredV1, project);
      const acceptance = await producer.publish(Events.ProjectAcceptedV1, accepted(project, 630));
      await eventually(() => schoolRow(dataSource(), county, 'RESTART-1'), (s) => s?.capacity === 630);

      await app.close();
      // While the consumer is down: the same event again, and an acceptance of the same project under a new id.
      await producer.send(Events.ProjectAcceptedV1, [acceptance]);
      const other = await producer.publish(Events.ProjectAcceptedV1, accepted(project, 630));

      app = await createTestApp(AppModule.forRoot(config));
      await eventually(() => inboxHas(dataSource(), other.id), Boolean);
      expect(await schoolRow(dataSource(), county, 'RESTART-1')).toMatchObject({ capacity: 630, delivered_seats: 630 });
      // (This consumer also reads the other tests' events: look at this county's only.)
      const deliveries = await dataSource().query('SELECT project_id, delivered_seats, event_id FROM seat_delivery WHERE project_id = $1', [project.projectId]);
      expect(deliveries).toEqual([{ project_id: project.projectId, delivered_seats: 630, event_id: acceptance.id }]);
      const mine = async (type: string) => (await outboxEvents(dataSource(), type)).filter((e) => e.data.countyCode === county);
      expect((await mine(Events.SeatsDeliveredV1.type)).map((e) => e.data.projectId)).toEqual([project.projectId]);
      expect((await mine(Events.CapacityChangedV1.type)).map((e) => [e.data.previousCapacity, e.data.capacity])).toEqual([[0, 630]]);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
