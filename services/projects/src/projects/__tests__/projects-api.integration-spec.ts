import { bearer } from '@xiaojian/platform';
import { TestService } from '@xiaojian/service-testing';
import { countRows, eventsOf, projectBody, randomCounty, startProjectsService, typesOf, uniqueCode } from './fixtures';

describe('projects API: registration, planned figures, listing and access (real PostgreSQL + broker)', () => {
  let service: TestService;
  const county = randomCounty();
  const otherCounty = randomCounty();
  const township = `${county}001`;
  const planner = bearer('planner', [county], { sub: 'planner-zhang', name: '张三' });

  beforeAll(async () => {
    service = await startProjectsService();
  });
  afterAll(() => service.close());

  const create = (body: Record<string, unknown>, auth = planner) =>
    service.http().post('/api/v1/projects').set('Authorization', auth).send(body);

  describe('POST /projects', () => {
    it('carries the request\'s correlation id into the event it causes', async () => {
      const res = await create(projectBody(county, township)).set('X-Correlation-Id', 'county-clerk-req-42').expect(201);
      expect(res.headers['x-correlation-id']).toBe('county-clerk-req-42');
      const [event] = await eventsOf(service, res.body.id);
      expect(event.correlationId).toBe('county-clerk-req-42');
    });

    it('registers a project, answers 201 with ETag and Location, and emits exactly one ProjectRegisteredV1', async () => {
      const body = projectBody(county, township);
      const res = await create(body).expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/api/v1/projects/${res.body.id}`);
      expect(res.body).toMatchObject({
        code: body.code,
        phase: 'approved',
        plannedInvestmentFen: 1_234_567_890,
        plannedInvestment: '12345678.90',
        plannedFloorArea: 8600.5,
        version: 1,
        createdBy: { userId: 'planner-zhang', name: '张三' },
        overdue: true, // planned dates in 2024 passed long ago
      });

      const events = await eventsOf(service, res.body.id);
      expect(typesOf(events)).toEqual(['registered.v1']);
      expect(events[0].subject).toBe(res.body.id);
      expect(events[0].data).toEqual({
        projectId: res.body.id,
        code: body.code,
        kind: 'expansion',
        schoolCode: 'S-0001',
        schoolName: '城关第二小学',
        schoolLevel: 'primary',
        ownership: 'public',
        countyCode: county,
        townshipCode: township,
        name: '城关第二小学改扩建工程',
        plannedInvestmentFen: 1_234_567_890,
        plannedFloorArea: 8600.5,
        plannedSeats: 900,
        plannedStartDate: '2024-03-01',
        plannedCompletionDate: '2025-08-31',
        programmeYear: 2024,
        programmeName: '2021–2025 改薄提升',
        plannedMilestones: { preparation: '2024-01-20', tendering: '2024-02-15', under_construction: '2024-03-01', completed: '2025-08-31' },
        phase: 'approved',
        registeredOn: '2024-01-05',
        registeredBy: 'planner-zhang',
      });
    });

    it('refuses a duplicate code in the same county with 409, but accepts it in another county', async () => {
      const body = projectBody(county, township);
      await create(body).expect(201);
      const before = await countRows(service, 'outbox_event');
      const dup = await create({ ...body, name: '另一个项目' }).expect(409);
      expect(dup.headers['content-type']).toContain('application/problem+json');
      expect(dup.body).toMatchObject({ code: 'duplicate-project-code', errors: [{ field: 'code' }] });
      expect(dup.body.detail).toContain(String(body.code));
      expect(await countRows(service, 'outbox_event')).toBe(before);

      const both = bearer('planner', [county, otherCounty], { sub: 'planner-two' });
      await create({ ...body, countyCode: otherCounty, townshipCode: `${otherCounty}001` }, both).expect(201);
    });

    it('names every bad field (422 for rules, 400 for shape) and writes nothing', async () => {
      const before = await countRows(service, 'project');
      const outboxBefore = await countRows(service, 'outbox_event');
      const rules = await create(projectBody(county, township, {
        plannedInvestment: '-5',
        plannedSeats: -3,
        plannedStartDate: '2025-09-01',
        plannedCompletionDate: '2025-01-01',
        townshipCode: `${otherCounty}001`,
      })).expect(422);
      expect(rules.body.code).toBe('invalid-project');
      expect(rules.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
        ['plannedCompletionDate', 'plannedInvestment', 'plannedSeats', 'townshipCode'].sort(),
      );
      expect(rules.body.detail).toContain('计划竣工日期不能早于计划开工日期');

      const shape = await create(projectBody(county, township, { kind: 'castle', plannedSeats: 'many' })).expect(400);
      expect(shape.body.code).toBe('validation-failed');
      expect(shape.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'plannedSeats']);

      const asNumber = await create(projectBody(county, township, { plannedInvestment: 1000 })).expect(400);
      expect(asNumber.body.errors[0]).toMatchObject({ field: 'plannedInvestment' });
      const tooPrecise = await create(projectBody(county, township, { plannedInvestment: '1000.001' })).expect(422);
      expect(tooPrecise.body.errors[0]).toMatchObject({ field: 'plannedInvestment', code: 'money.too_many_decimals' });
      expect(await countRows(service, 'project')).toBe(before);
      expect(await countRows(service, 'outbox_event')).toBe(outboxBefore);
    });

    it('lets planners write only in their own county; leaders and townships never write', async () => {
      const res = await create(projectBody(otherCounty, `${otherCounty}001`)).expect(403);
      expect(res.body.code).toBe('out-of-jurisdiction');
      await create(projectBody(county, township), bearer('leader', [county])).expect(403);
      await create(projectBody(county, township), bearer('township', [township])).expect(403);
      await create(projectBody(county, township), bearer('admin', [])).expect(201);
    });
  });

  describe('GET and PATCH /projects/:id with ETag / If-Match', () => {
    it('serves the ETag, demands If-Match (428), refuses a stale one (412) and emits ProjectPlannedFiguresChangedV1', async () => {
      const { body: created } = await create(projectBody(county, township)).expect(201);
      const got = await service.http().get(`/api/v1/projects/${created.id}`).set('Authorization', planner).expect(200);
      expect(got.headers.etag).toBe('"1"');

      const patch = (ifMatch: string | undefined, body: Record<string, unknown>) => {
        const req = service.http().patch(`/api/v1/projects/${created.id}`).set('Authorization', planner);
        if (ifMatch !== undefined) req.set('If-Match', ifMatch);
        return req.send(body);
      };
      const missing = await patch(undefined, { plannedSeats: 1000 }).expect(428);
      expect(missing.body.code).toBe('precondition-required');

      const updated = await patch('"1"', { plannedSeats: 1000, plannedInvestment: '13000000', programmeYear: 2024 }).expect(200);
      expect(updated.headers.etag).toBe('"2"');
      expect(updated.body).toMatchObject({ plannedSeats: 1000, plannedInvestmentFen: 1_300_000_000, version: 2 });

      const stale = await patch('"1"', { plannedSeats: 1200 }).expect(412);
      expect(stale.body).toMatchObject({ code: 'precondition-failed', currentETag: '"2"' });

      const bad = await patch('"2"', { plannedCompletionDate: '2023-01-01' }).expect(422);
      expect(bad.body.errors[0].field).toBe('plannedCompletionDate');

      await patch('W/"2"', { plannedMilestones: { preparation: '2024-01-25' } }).expect(200);

      const events = await eventsOf(service, created.id);
      expect(typesOf(events)).toEqual(['registered.v1', 'planned-figures-changed.v1', 'planned-figures-changed.v1']);
      expect(events[1].data).toMatchObject({
        projectId: created.id,
        countyCode: county,
        townshipCode: township,
        changedFields: ['plannedInvestment', 'plannedSeats'],
        changedBy: 'planner-zhang',
        plannedInvestmentFen: 1_300_000_000,
        plannedSeats: 1000,
        plannedFloorArea: 8600.5,
        plannedMilestones: { preparation: '2024-01-20', tendering: '2024-02-15', under_construction: '2024-03-01', completed: '2025-08-31' },
      });
      expect(events[2].data.changedFields).toEqual(['plannedMilestones']);
      expect(events[2].data.plannedMilestones).toEqual({ preparation: '2024-01-25', under_construction: '2024-03-01', completed: '2025-08-31' });
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      await service.http().get('/api/v1/projects/7d5b8f0e-1111-4111-8111-111111111111').set('Authorization', planner).expect(404);
      const bad = await service.http().get('/api/v1/projects/not-a-uuid').set('Authorization', planner).expect(400);
      expect(bad.body.errors[0].field).toBe('id');
    });
  });

  describe('GET /projects (filters, search, paging, jurisdiction)', () => {
    const listCounty = randomCounty();
    const t1 = `${listCounty}101`;
    const t2 = `${listCounty}102`;
    const listPlanner = bearer('planner', [listCounty], { sub: 'planner-list' });
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const specs: [string, Record<string, unknown>][] = [
        ['a', { townshipCode: t1, code: 'L-001', name: '城关幼儿园新建', kind: 'new_build', schoolLevel: 'kindergarten', programmeYear: 2023 }],
        ['b', { townshipCode: t1, code: 'L-002', name: '城关中学维修', kind: 'renovation', schoolLevel: 'junior', programmeYear: 2024,
          plannedStartDate: '2099-01-01', plannedCompletionDate: '2099-12-31', plannedMilestones: {} }],
        ['c', { townshipCode: t2, code: 'L-003', name: '河口小学扩建', kind: 'expansion', schoolLevel: 'primary', programmeYear: 2024 }],
      ];
      for (const [key, overrides] of specs) {
        const res = await create(projectBody(listCounty, t1, overrides), listPlanner).expect(201);
        ids[key] = res.body.id;
      }
    });

    const list = (query: string, auth = listPlanner) => service.http().get(`/api/v1/projects?${query}`).set('Authorization', auth).expect(200);
    const codes = (res: { body: { items: { code: string }[] } }) => res.body.items.map((p) => p.code);

    it('filters by county, township, kind, level, programme year, phase and overdue', async () => {
      expect(codes(await list(`county=${listCounty}`))).toEqual(['L-001', 'L-002', 'L-003']);
      expect(codes(await list(`county=${listCounty}&township=${t2}`))).toEqual(['L-003']);
      expect(codes(await list(`county=${listCounty}&kind=renovation`))).toEqual(['L-002']);
      expect(codes(await list(`county=${listCounty}&level=kindergarten`))).toEqual(['L-001']);
      expect(codes(await list(`county=${listCounty}&programmeYear=2024`))).toEqual(['L-002', 'L-003']);
      expect(codes(await list(`county=${listCounty}&phase=approved`))).toEqual(['L-001', 'L-002', 'L-003']);
      expect(codes(await list(`county=${listCounty}&phase=tendering`))).toEqual([]);
      expect(codes(await list(`county=${listCounty}&overdue=true`))).toEqual(['L-001', 'L-003']);
      expect(codes(await list(`county=${listCounty}&overdue=false`))).toEqual(['L-002']);
    });

    it('searches by code or name, pages and sorts', async () => {
      expect(codes(await list(`q=${encodeURIComponent('城关')}`))).toEqual(['L-001', 'L-002']);
      expect(codes(await list('q=l-003'))).toEqual(['L-003']);
      expect(codes(await list('q=%25'))).toEqual([]); // a literal %, not a wildcard
      const page2 = await list(`county=${listCounty}&sort=-code&page=2&pageSize=2`);
      expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(codes(page2)).toEqual(['L-001']);
      const bad = await service.http().get('/api/v1/projects?sort=password').set('Authorization', listPlanner).expect(400);
      expect(bad.body.errors[0].field).toBe('sort');
    });

    it('shows a township user only their township, a leader their county, another county nothing', async () => {
      const townshipUser = bearer('township', [t2]);
      expect(codes(await list('', townshipUser))).toEqual(['L-003']);
      expect(codes(await list(`county=${listCounty}`, townshipUser))).toEqual(['L-003']);
      await service.http().get(`/api/v1/projects/${ids.a}`).set('Authorization', townshipUser).expect(404);
      await service.http().get(`/api/v1/projects/${ids.c}`).set('Authorization', townshipUser).expect(200);
      expect(codes(await list('', bearer('leader', [listCounty])))).toEqual(['L-001', 'L-002', 'L-003']);
      expect(codes(await list(`county=${listCounty}`, bearer('planner', [randomCounty()])))).toEqual([]);
      await service.http().get(`/api/v1/projects/${ids.a}`).set('Authorization', planner).expect(404);
    });
  });

  it('documents the endpoints in OpenAPI', async () => {
    const docs = await service.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(docs.body.paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/v1/projects', '/api/v1/projects/{id}', '/api/v1/projects/{id}/transitions', '/api/v1/projects/{id}/milestones',
      '/api/v1/projects/{id}/progress', '/api/v1/projects/{id}/progress/{month}/evidence',
    ]));
    expect(uniqueCode()).not.toBe(uniqueCode());
  });
});
