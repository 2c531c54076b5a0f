import { Events } from '@xiaojian/contracts';
import { bearer } from '@xiaojian/platform';
import { TestService } from '@xiaojian/service-testing';
import { eventsFor, randomCounty, startCapacity, townshipOf } from '../../__tests__/capacity-fixtures';

describe('schools and enrolment reports (real PostgreSQL)', () => {
  let service: TestService;
  const county = randomCounty();
  const t1 = townshipOf(county, 101);
  const t2 = townshipOf(county, 102);
  const planner = bearer('planner', [county]);
  const otherPlanner = bearer('planner', [randomCounty()]);
  const t1User = bearer('township', [t1]);
  const leader = bearer('leader', [county]);

  const create = (body: object, auth = planner) => service.http().post('/api/v1/schools').set('Authorization', auth).send(body);
  const tableCounts = async (schoolId: string) => {
    const [row] = await service.dataSource.query(
      `SELECT (SELECT count(*) FROM enrolment_report WHERE school_id = $1)::int AS reports,
              (SELECT count(*) FROM capacity_change WHERE school_id = $1)::int AS changes,
              (SELECT count(*) FROM outbox_event WHERE payload->>'schoolId' = $1::text)::int AS events`,
      [schoolId],
    );
    return row;
  };

  beforeAll(async () => {
    service = await startCapacity();
  });
  afterAll(() => service.close());

  it('registers a school, refuses a duplicate code in the county, and announces it', async () => {
    const res = await create({ code: 'K-001', name: '城关幼儿园', level: 'kindergarten', ownership: 'inclusive_private', townshipCode: t1, declaredCapacity: 360 }).expect(201);
    expect(res.body).toMatchObject({ code: 'K-001', countyCode: county, townshipCode: t1, status: 'open', declaredCapacity: 360, capacity: 360 });
    const dup = await create({ code: 'K-001', name: '另一所', level: 'kindergarten', ownership: 'public', townshipCode: t2 }).expect(409);
    expect(dup.body).toMatchObject({ code: 'school-code-taken', countyCode: county });

    const registeredEvents = await eventsFor(service.dataSource, Events.SchoolRegisteredV1.type, (d) => d.schoolId === res.body.id);
    expect(registeredEvents.map((e) => e.data)).toEqual([
      { schoolId: res.body.id, schoolCode: 'K-001', name: '城关幼儿园', level: 'kindergarten', ownership: 'inclusive_private', countyCode: county, townshipCode: t1, status: 'open', declaredCapacity: 360 },
    ]);
    const changes = await eventsFor(service.dataSource, Events.CapacityChangedV1.type, (d) => d.schoolId === res.body.id);
    expect(changes.map((e) => e.data)).toEqual([expect.objectContaining({ previousCapacity: 0, capacity: 360, cause: 'declared', causeId: res.body.id })]);
  });

  it('refuses inclusive-private primary schools, townships outside the county and other counties', async () => {
    const bad = await create({ code: 'P-X', name: '某小学', level: 'primary', ownership: 'inclusive_private', townshipCode: t1, countyCode: '399999' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['ownership', 'townshipCode']);
    await create({ code: 'P-Y', name: '某小学', level: 'primary', ownership: 'public', townshipCode: t1 }, otherPlanner).expect(403);
    await create({ code: 'P-Y', name: '某小学', level: 'primary', ownership: 'public', townshipCode: t1 }, leader).expect(403);
  });

  it('updates name, status and declared capacity with SchoolChangedV1 listing the fields', async () => {
    const { body: school } = await create({ code: 'P-002', name: '二小', level: 'primary', ownership: 'public', townshipCode: t2 }).expect(201);
    const res = await service.http().patch(`/api/v1/schools/${school.id}`).set('Authorization', planner).send({ name: '城关第二小学', declaredCapacity: 1350 }).expect(200);
    expect(res.body).toMatchObject({ name: '城关第二小学', declaredCapacity: 1350, capacity: 1350 });
    const cleared = await service.http().patch(`/api/v1/schools/${school.id}`).set('Authorization', planner).send({ declaredCapacity: null, status: 'merged' }).expect(200);
    expect(cleared.body).toMatchObject({ declaredCapacity: null, capacity: 0, status: 'merged' });
    const changed = await eventsFor(service.dataSource, Events.SchoolChangedV1.type, (d) => d.schoolId === school.id);
    expect(changed.map((e) => e.data.changedFields)).toEqual([['name', 'declaredCapacity'], ['status', 'declaredCapacity']]);
    await service.http().patch(`/api/v1/schools/${school.id}`).set('Authorization', planner).send({ ownership: 'inclusive_private' }).expect(400);
    await service.http().patch(`/api/v1/schools/${school.id}`).set('Authorization', planner).send({}).expect(400);
  });

  it('records a term report with bands and seat gaps, and refuses bad reports without writing anything', async () => {
    const { body: school } = await create({ code: 'P-003', name: '三小', level: 'primary', ownership: 'public', townshipCode: t1 }).expect(201);
    const before = await tableCounts(school.id);

    const bad = await service.http().post(`/api/v1/schools/${school.id}/enrolment`).set('Authorization', planner).send({
      term: '2026-summer',
      grades: [
        { grade: 7, classes: 2, pupils: 90 },
        { grade: 1, classes: 2, pupils: 100, classSizes: [50, 49] },
        { grade: 2, classes: -1, pupils: 40 },
      ],
    }).expect(400);
    expect(bad.body.code).toBe('invalid-enrolment-report');
    expect(bad.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'term:invalid_term', 'grades[0].grade:grade_not_in_level', 'grades[1].classSizes:pupil_sum_mismatch', 'grades[2].classes:not_non_negative_integer',
    ]);
    expect(bad.body.errors[2].message).toBe('各班人数合计99人，与年级人数100人不一致');
    expect(await tableCounts(school.id)).toEqual(before);

    const grades = [
      { grade: 1, classes: 2, pupils: 120, classSizes: [58, 62] },
      { grade: 2, classes: 2, pupils: 100 },
      { grade: 3, classes: 1, pupils: 70 },
    ];
    const ok = await service.http().post(`/api/v1/schools/${school.id}/enrolment`).set('Authorization', planner).send({ term: '2026-autumn', grades }).expect(201);
    expect(ok.body).toMatchObject({ term: '2026-autumn', revision: 1, classes: 5, pupils: 290, classCapacity: 225, schoolCapacity: 225 });
    expect(ok.body.classSizeBands).toMatchObject({ classes: 5, normal: 0, large_ish: 2, large: 2, very_large: 1, largeOrAboveShare: 0.6 });
    expect(ok.body.seatGap).toMatchObject({ seatGapNoLarge: 90, seatGapStandard: 135 });

    const reported = await eventsFor(service.dataSource, Events.EnrolmentReportedV1.type, (d) => d.schoolId === school.id);
    expect(reported.map((e) => e.data)).toEqual([
      {
        schoolId: school.id, schoolCode: 'P-003', countyCode: county, townshipCode: t1, level: 'primary', ownership: 'public', term: '2026-autumn',
        reportedOn: ok.body.reportedOn, classes: 5, pupils: 290, capacity: 225, classSizeBands: { normal: 0, largeIsh: 2, large: 2, veryLarge: 1 },
        seatGapNoLargeClasses: 90, seatGapStandardSize: 135,
      },
    ]);
    const changes = await eventsFor(service.dataSource, Events.CapacityChangedV1.type, (d) => d.schoolId === school.id);
    expect(changes.map((e) => [e.data.cause, e.data.previousCapacity, e.data.capacity, e.data.causeId])).toEqual([['enrolment_report', 0, 225, ok.body.id]]);

    // One report per term: a re-report is refused, a correction needs a reason and adds a revision.
    const again = await service.http().post(`/api/v1/schools/${school.id}/enrolment`).set('Authorization', planner).send({ term: '2026-autumn', grades }).expect(409);
    expect(again.body).toMatchObject({ code: 'enrolment-already-reported', revision: 1 });
    const noReason = await service.http().post(`/api/v1/schools/${school.id}/enrolment`).set('Authorization', planner).send({ term: '2026-autumn', grades, correction: true }).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const corrected = await service.http().post(`/api/v1/schools/${school.id}/enrolment`).set('Authorization', planner)
      .send({ term: '2026-autumn', grades: [...grades, { grade: 4, classes: 1, pupils: 40 }], correction: true, reason: '漏报四年级' }).expect(201);
    expect(corrected.body).toMatchObject({ revision: 2, correctionReason: '漏报四年级', classes: 6, pupils: 330, schoolCapacity: 270 });
    await service.http().post(`/api/v1/schools/${school.id}/enrolment`).set('Authorization', planner).send({ term: '2025-autumn', grades, correction: true, reason: 'x' }).expect(409);

    const detail = await service.http().get(`/api/v1/schools/${school.id}`).set('Authorization', t1User).expect(200);
    expect(detail.body).toMatchObject({
      capacity: 270, classCapacity: 270,
      latestEnrolment: { term: '2026-autumn', revision: 2, classes: 6, pupils: 330 },
      classSizeBands: { classes: 6, normal: 1 },
      seatGap: { seatGapNoLarge: 90, seatGapStandard: 135 },
      enrolmentPressure: { kind: 'ratio', numerator: 330, denominator: 270, percent: 122.2 },
      seats: { activeProjects: 0, deliveredSeats: 0 },
    });
    const history = await service.http().get(`/api/v1/schools/${school.id}/enrolment`).set('Authorization', leader).expect(200);
    expect(history.body.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
  });

  it('lists schools with filters and pagination, scoped to the reader\'s divisions', async () => {
    const { body: other } = await create({ code: 'J-010', name: '二中', level: 'junior', ownership: 'public', townshipCode: t2 }).expect(201);
    const all = await service.http().get('/api/v1/schools?pageSize=2&sort=code').set('Authorization', leader).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 2, total: 4 });
    expect(all.body.items.map((s: { code: string }) => s.code)).toEqual(['J-010', 'K-001']);
    const primary = await service.http().get(`/api/v1/schools?level=primary&townshipCode=${t1}`).set('Authorization', planner).expect(200);
    expect(primary.body.items.map((s: { code: string }) => s.code)).toEqual(['P-003']);

    const mine = await service.http().get('/api/v1/schools?pageSize=50').set('Authorization', t1User).expect(200);
    expect(mine.body.items.map((s: { code: string }) => s.code)).toEqual(['K-001', 'P-003']);
    await service.http().get(`/api/v1/schools/${other.id}`).set('Authorization', t1User).expect(403);
    await service.http().post(`/api/v1/schools/${other.id}/enrolment`).set('Authorization', t1User).send({ term: '2026-autumn', grades: [] }).expect(403);
    const none = await service.http().get('/api/v1/schools').set('Authorization', otherPlanner).expect(200);
    expect(none.body.items.filter((s: { countyCode: string }) => s.countyCode === county)).toEqual([]);
  });
});
