import { Events } from '@xiaojian/contracts';
import { shanghaiDate } from '@xiaojian/domain-kernel';
import { bearer } from '@xiaojian/platform';
import { eventually, TestEventProducer, TestService } from '@xiaojian/service-testing';
import { accepted, eventsFor, inboxHas, lifecycle, randomCounty, registered, schoolRow, startCapacity, townshipOf } from '../../__tests__/capacity-fixtures';

describe('targets and figures (real PostgreSQL and broker)', () => {
  let service: TestService;
  let producer: TestEventProducer;
  const county = randomCounty();
  const t1 = townshipOf(county, 101);
  const t2 = townshipOf(county, 102);
  const planner = bearer('planner', [county]);
  const leader = bearer('leader', [county]);
  const t1User = bearer('township', [t1]);
  const today = shanghaiDate(new Date());

  const putTarget = (body: object, auth = planner) => service.http().put('/api/v1/targets').set('Authorization', auth).send(body);
  const figures = (query: string, auth = planner) => service.http().get(`/api/v1/figures?${query}`).set('Authorization', auth);

  beforeAll(async () => {
    [service, producer] = await Promise.all([startCapacity(), TestEventProducer.connect()]);

    // T1: a primary school delivered 945 seats in 2026 (and 450 in 2025); a kindergarten project is under way.
    const p1 = registered({ countyCode: county, townshipCode: t1, schoolCode: 'S1', plannedSeats: 900, registeredOn: '2026-01-10' });
    const p5 = registered({ countyCode: county, townshipCode: t1, schoolCode: 'S1', plannedSeats: 450, registeredOn: '2025-04-01' });
    const p2 = registered({ countyCode: county, townshipCode: t1, schoolCode: 'K2', schoolLevel: 'kindergarten', plannedSeats: 270, registeredOn: '2026-02-01' });
    // T2: one kindergarten project suspended, one inclusive-private one cancelled.
    const p3 = registered({ countyCode: county, townshipCode: t2, schoolCode: 'K3', schoolLevel: 'kindergarten', plannedSeats: 360, registeredOn: '2026-02-01' });
    const p4 = registered({ countyCode: county, townshipCode: t2, schoolCode: 'K4', schoolLevel: 'kindergarten', ownership: 'inclusive_private', plannedSeats: 180, registeredOn: '2026-02-01' });
    const sent = [];
    for (const p of [p1, p5, p2, p3, p4]) sent.push(await producer.publish(Events.ProjectRegisteredV1, p));
    sent.push(await producer.publish(Events.ProjectAcceptedV1, accepted(p5, 450, '2025-09-01')));
    sent.push(await producer.publish(Events.ProjectAcceptedV1, accepted(p1, 945, '2026-06-01')));
    sent.push(await producer.publish(Events.ProjectSuspendedV1, lifecycle(p3, '2026-05-01').suspended));
    sent.push(await producer.publish(Events.ProjectCancelledV1, lifecycle(p4, '2026-03-15').cancelled));
    // Different projects travel on different partitions: wait for every one of them.
    for (const event of sent) await eventually(() => inboxHas(service.dataSource, event.id), Boolean);
    expect(await schoolRow(service.dataSource, county, 'S1')).toMatchObject({ capacity: 1395 });

    const s1 = (await schoolRow(service.dataSource, county, 'S1'))!;
    await service.http().post(`/api/v1/schools/${s1.id}/enrolment`).set('Authorization', planner).send({
      term: '2026-autumn',
      grades: [
        { grade: 1, classes: 2, pupils: 120, classSizes: [58, 62] },
        { grade: 2, classes: 2, pupils: 100 },
        { grade: 3, classes: 1, pupils: 70 },
      ],
    }).expect(201);
  });
  afterAll(async () => {
    await producer.close();
    await service.close();
  });

  it('sets targets idempotently, announces changes and lists them in scope', async () => {
    const first = await putTarget({ countyCode: county, year: 2026, level: 'kindergarten', ownership: 'public', seats: 1000 }).expect(200);
    expect(first.body).toMatchObject({ countyCode: county, townshipCode: null, year: 2026, seats: 1000 });
    await putTarget({ countyCode: county, townshipCode: t1, year: 2026, level: 'primary', ownership: 'public', seats: 800 }).expect(200);
    const replaced = await putTarget({ countyCode: county, townshipCode: t1, year: 2026, level: 'primary', ownership: 'public', seats: 900 }).expect(200);
    const same = await putTarget({ countyCode: county, townshipCode: t1, year: 2026, level: 'primary', ownership: 'public', seats: 900 }).expect(200);
    expect(same.body.id).toBe(replaced.body.id);
    await putTarget({ countyCode: county, townshipCode: t2, year: 2026, level: 'senior', ownership: 'public', seats: 500 }).expect(200);

    const set = await eventsFor(service.dataSource, Events.SeatTargetSetV1.type, (d) => d.countyCode === county);
    expect(set.map((e) => [e.data.townshipCode, e.data.level, e.data.seats])).toEqual([
      [null, 'kindergarten', 1000], [t1, 'primary', 800], [t1, 'primary', 900], [t2, 'senior', 500],
    ]);
    expect(set[2].data).toMatchObject({ targetId: replaced.body.id, year: 2026, ownership: 'public' });

    await putTarget({ countyCode: county, townshipCode: t1, year: 2026, level: 'primary', ownership: 'inclusive_private', seats: 1 }).expect(400);
    await putTarget({ countyCode: county, townshipCode: '399999101', year: 2026, level: 'primary', ownership: 'public', seats: 1 }).expect(400);
    await putTarget({ countyCode: county, year: 2026, level: 'primary', ownership: 'public', seats: 1 }, leader).expect(403);
    await putTarget({ countyCode: county, year: 2026, level: 'primary', ownership: 'public', seats: 1 }, t1User).expect(403);

    const all = await service.http().get(`/api/v1/targets?year=2026`).set('Authorization', leader).expect(200);
    expect(all.body.total).toBe(3);
    const townshipView = await service.http().get('/api/v1/targets').set('Authorization', t1User).expect(200);
    expect(townshipView.body.items.map((t: { townshipCode: string; seats: number }) => [t.townshipCode, t.seats])).toEqual([[t1, 900]]);
  });

  it('gives exact county figures: planned vs delivered by level and ownership against targets', async () => {
    const res = await figures(`county=${county}&year=2026`, leader).expect(200);
    const { county: c } = res.body;
    expect(res.body).toMatchObject({ asOf: today, year: 2026 });
    expect(c.seats).toMatchObject({ activeProjects: 1, suspendedProjects: 1, acceptedProjects: 2, plannedSeats: 270, onHoldSeats: 360, deliveredSeats: 1395, deliveredInYear: 945 });
    expect(c.seats.byLevelAndOwnership).toEqual([
      expect.objectContaining({ level: 'kindergarten', ownership: 'public', plannedSeats: 270, onHoldSeats: 360, deliveredInYear: 0, target: 1000, targetSource: 'county', completionRate: { kind: 'ratio', numerator: 0, denominator: 1000, ratio: 0, percent: 0 } }),
      expect.objectContaining({ level: 'primary', ownership: 'public', plannedSeats: 0, deliveredSeats: 1395, deliveredInYear: 945, target: 900, targetSource: 'townships', completionRate: { kind: 'ratio', numerator: 945, denominator: 900, ratio: 1.05, percent: 105 } }),
      expect.objectContaining({ level: 'senior', ownership: 'public', deliveredInYear: 0, target: 500 }),
    ]);
    // The report today replaced the capacity baseline (its classes include the delivered classrooms).
    expect(c).toMatchObject({ schools: 4, capacity: 225 });
    expect(c.enrolment).toMatchObject({ schoolsReporting: 1, pupils: 290, capacity: 225, pressure: { kind: 'ratio', percent: 128.9 } });
    expect(c.enrolment.classes).toMatchObject({ classes: 5, normal: 0, large_ish: 2, large: 2, very_large: 1, largeOrAboveShare: 0.6 });
    expect(c.enrolment.seatGap).toEqual({ extraClassesNoLarge: 2, seatGapNoLarge: 90, extraClassesStandard: 3, seatGapStandard: 135 });

    const t2Figures = res.body.townships.find((t: { code: string }) => t.code === t2);
    const kg = t2Figures.seats.byLevelAndOwnership.find((l: { level: string }) => l.level === 'kindergarten');
    expect(kg).toMatchObject({ ownership: 'public', onHoldSeats: 360, target: null, completionRate: { kind: 'no_target' } });
    expect(t2Figures.seats.byLevelAndOwnership.some((l: { ownership: string }) => l.ownership === 'inclusive_private')).toBe(false);
    expect(res.body.schools.map((s: { schoolCode: string }) => s.schoolCode)).toEqual(['K2', 'S1', 'K3', 'K4']);
  });

  it('gives figures as of an earlier day', async () => {
    const july = await figures(`county=${county}&asOf=2026-07-01`).expect(200);
    // Before the enrolment report: capacity is what the deliveries built.
    expect(july.body.county).toMatchObject({ capacity: 1395, enrolment: { schoolsReporting: 0, pressure: { kind: 'no_capacity' } } });
    const march = await figures(`county=${county}&asOf=2026-03-01`).expect(200);
    expect(march.body.county.seats).toMatchObject({ activeProjects: 4, plannedSeats: 900 + 270 + 360 + 180, deliveredSeats: 450, deliveredInYear: 0 });
    expect(march.body.county.capacity).toBe(450);
  });

  it('lets a township user read only their township', async () => {
    const mine = await figures(`township=${t1}&year=2026`, t1User).expect(200);
    expect(mine.body.county).toBeNull();
    expect(mine.body.townships.map((t: { code: string }) => t.code)).toEqual([t1]);
    expect(mine.body.townships[0].seats.byLevelAndOwnership.find((l: { level: string }) => l.level === 'primary')).toMatchObject({ target: 900, completionRate: { percent: 105 } });
    expect(mine.body.schools.map((s: { schoolCode: string }) => s.schoolCode)).toEqual(['K2', 'S1']);
    await figures(`township=${t2}`, t1User).expect(403);
    await figures(`county=${county}`, t1User).expect(403);
    await figures(`county=${randomCounty()}`, leader).expect(403);
    const bad = await figures('asOf=2026-13-01', leader).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['asOf', 'county']);
  });
});
