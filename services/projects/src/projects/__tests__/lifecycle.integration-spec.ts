import { createHash } from 'node:crypto';
import { bearer } from '@xiaojian/platform';
import { TestService } from '@xiaojian/service-testing';
import { countRows, eventsOf, projectBody, randomCounty, startProjectsService, typesOf } from './fixtures';

describe('project lifecycle, progress and evidence (real PostgreSQL + broker)', () => {
  let service: TestService;
  const county = randomCounty();
  const township = `${county}003`;
  const planner = bearer('planner', [county], { sub: 'planner-li', name: '李四' });

  beforeAll(async () => {
    service = await startProjectsService();
  });
  afterAll(() => service.close());

  async function newProject(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await service.http().post('/api/v1/projects').set('Authorization', planner).send(projectBody(county, township, overrides)).expect(201);
    return res.body.id;
  }
  const move = (id: string, body: Record<string, unknown>, auth = planner) =>
    service.http().post(`/api/v1/projects/${id}/transitions`).set('Authorization', auth).send(body);
  const report = (id: string, body: Record<string, unknown>) =>
    service.http().post(`/api/v1/projects/${id}/progress`).set('Authorization', planner).send(body);

  describe('transitions', () => {
    it('walks the whole main line with a suspension, emitting exactly the expected events in order', async () => {
      const id = await newProject();
      await move(id, { to: 'preparation', businessDate: '2024-01-22' }).expect(200);
      await move(id, { to: 'tendering', businessDate: '2024-02-20', reason: '手续齐全' }).expect(200);
      const started = await move(id, { to: 'under_construction', businessDate: '2024-03-10', contractor: '某某建设集团有限公司', contractAmount: '11800000.50' }).expect(200);
      expect(started.body).toMatchObject({
        phase: 'under_construction',
        construction: { contractor: '某某建设集团有限公司', contractAmountFen: 1_180_000_050, contractAmount: '11800000.50', actualStartDate: '2024-03-10' },
      });
      const suspended = await move(id, { to: 'suspended', businessDate: '2024-06-01', reason: '雨季停工' }).expect(200);
      expect(suspended.body).toMatchObject({ phase: 'suspended', suspendedFrom: 'under_construction' });
      await move(id, { to: 'under_construction', businessDate: '2024-07-01' }).expect(200);
      await move(id, { to: 'completed', businessDate: '2025-08-20' }).expect(200);
      const accepted = await move(id, {
        to: 'accepted', businessDate: '2025-09-10', deliveredSeats: 945, deliveredFloorArea: 8700.25, finalCost: '11650000',
      }).expect(200);
      expect(accepted.body.acceptance).toEqual({
        acceptanceDate: '2025-09-10', deliveredSeats: 945, deliveredFloorArea: 8700.25, finalCostFen: 1_165_000_000, finalCost: '11650000.00',
      });
      const inUse = await move(id, { to: 'in_use', businessDate: '2025-09-15' }).expect(200);
      expect(inUse.headers.etag).toBe('"9"');

      const events = await eventsOf(service, id);
      expect(typesOf(events)).toEqual([
        'registered.v1',
        'phase-changed.v1', 'milestone-reached.v1',
        'phase-changed.v1', 'milestone-reached.v1',
        'phase-changed.v1', 'milestone-reached.v1',
        'phase-changed.v1', 'suspended.v1',
        'phase-changed.v1', 'resumed.v1',
        'phase-changed.v1', 'milestone-reached.v1',
        'phase-changed.v1', 'milestone-reached.v1', 'accepted.v1',
        'phase-changed.v1', 'milestone-reached.v1',
      ]);
      const where = { projectId: id, countyCode: county, townshipCode: township };
      expect(events[1].data).toEqual({ ...where, from: 'approved', to: 'preparation', businessDate: '2024-01-22', actor: 'planner-li' });
      expect(events[2].data).toEqual({ ...where, phase: 'preparation', plannedDate: '2024-01-20', actualDate: '2024-01-22' });
      expect(events[3].data.reason).toBe('手续齐全');
      expect(events[5].data).toEqual({
        ...where, from: 'tendering', to: 'under_construction', businessDate: '2024-03-10', actor: 'planner-li',
        contractor: '某某建设集团有限公司', contractAmountFen: 1_180_000_050, actualStartDate: '2024-03-10',
      });
      expect(events[6].data).toEqual({ ...where, phase: 'under_construction', plannedDate: '2024-03-01', actualDate: '2024-03-10' });
      expect(events[8].data).toEqual({ ...where, fromPhase: 'under_construction', businessDate: '2024-06-01', reason: '雨季停工', actor: 'planner-li' });
      expect(events[9].data).toMatchObject({ from: 'suspended', to: 'under_construction' });
      expect(events[10].data).toEqual({ ...where, toPhase: 'under_construction', businessDate: '2024-07-01', actor: 'planner-li' });
      expect(events[14].data).toEqual({ ...where, phase: 'accepted', plannedDate: null, actualDate: '2025-09-10' });
      expect(events[15].data).toEqual({
        projectId: id, countyCode: county, townshipCode: township, schoolCode: 'S-0001', schoolLevel: 'primary', ownership: 'public',
        acceptanceDate: '2025-09-10', deliveredSeats: 945, deliveredFloorArea: 8700.25, finalCostFen: 1_165_000_000, actor: 'planner-li',
      });

      const history = await service.http().get(`/api/v1/projects/${id}/transitions`).set('Authorization', planner).expect(200);
      expect(history.body.items.map((t: { kind: string; to: string }) => `${t.kind}:${t.to}`)).toEqual([
        'advance:preparation', 'advance:tendering', 'advance:under_construction', 'suspend:suspended', 'resume:under_construction',
        'advance:completed', 'advance:accepted', 'advance:in_use',
      ]);
      expect(history.body.items[3]).toMatchObject({ reason: '雨季停工', actor: { userId: 'planner-li', name: '李四' }, sequence: 4 });

      const milestones = await service.http().get(`/api/v1/projects/${id}/milestones`).set('Authorization', planner).expect(200);
      expect(milestones.body.overdue).toBe(false);
      expect(milestones.body.milestones.find((m: { phase: string }) => m.phase === 'completed')).toMatchObject({
        planned: '2025-08-31', actual: '2025-08-20', varianceDays: -11, overdueDays: 0,
      });
      expect(milestones.body.milestones[0]).toMatchObject({ phase: 'approved', actual: '2024-01-05' });
    });

    it('refuses an illegal move with 409 naming the current and allowed phases, and writes nothing', async () => {
      const id = await newProject();
      const outbox = await countRows(service, 'outbox_event');
      const res = await move(id, { to: 'under_construction', businessDate: '2024-02-01', contractor: 'x', contractAmount: '1' }).expect(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        code: 'illegal-phase-transition',
        currentPhase: 'approved',
        requestedPhase: 'under_construction',
        allowedNextPhases: ['preparation', 'suspended', 'cancelled'],
      });
      expect(res.body.detail).toContain('立项');
      expect(await countRows(service, 'outbox_event')).toBe(outbox);
    });

    it('answers 422 naming the fields when the data of a legal move is bad', async () => {
      const id = await newProject();
      await move(id, { to: 'preparation', businessDate: '2024-01-22' }).expect(200);
      await move(id, { to: 'tendering', businessDate: '2024-02-20' }).expect(200);
      const missing = await move(id, { to: 'under_construction', businessDate: '2024-03-10', contractAmount: '12.345' }).expect(422);
      expect(missing.body.code).toBe('invalid-phase-transition');
      expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contractAmount', 'contractor']);
      const future = await move(id, { to: 'suspended', businessDate: '2999-01-01' }).expect(422);
      expect(future.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
        'businessDate:date_in_future', 'reason:required',
      ]);
      const backwards = await move(id, { to: 'cancelled', businessDate: '2024-02-01', reason: '撤项' }).expect(422);
      expect(backwards.body.errors[0]).toMatchObject({ field: 'businessDate', code: 'before_previous_transition' });
      const cancelled = await move(id, { to: 'cancelled', businessDate: '2024-02-25', reason: '选址调整' }).expect(200);
      expect(cancelled.body.phase).toBe('cancelled');
      const events = await eventsOf(service, id);
      expect(typesOf(events).slice(-2)).toEqual(['phase-changed.v1', 'cancelled.v1']);
      expect(events.at(-1)!.data).toMatchObject({ fromPhase: 'tendering', reason: '选址调整', businessDate: '2024-02-25' });
      const after = await move(id, { to: 'tendering', businessDate: '2024-03-01' }).expect(409);
      expect(after.body.allowedNextPhases).toEqual([]);
    });

    it('honours If-Match on a transition when given, and only lets the county planner move', async () => {
      const id = await newProject();
      const stale = await service.http().post(`/api/v1/projects/${id}/transitions`).set('Authorization', planner).set('If-Match', '"7"')
        .send({ to: 'preparation', businessDate: '2024-01-22' }).expect(412);
      expect(stale.body.currentETag).toBe('"1"');
      await move(id, { to: 'preparation', businessDate: '2024-01-22' }, bearer('leader', [county])).expect(403);
      await move(id, { to: 'preparation', businessDate: '2024-01-22' }, bearer('planner', [randomCounty()])).expect(404);
    });

    it('reports overdue milestones with their days late', async () => {
      const id = await newProject({ plannedMilestones: { preparation: '2024-01-10' } });
      const res = await service.http().get(`/api/v1/projects/${id}/milestones`).set('Authorization', planner).expect(200);
      expect(res.body.overdue).toBe(true);
      const prep = res.body.milestones.find((m: { phase: string }) => m.phase === 'preparation');
      const today = res.body.asOf as string;
      const expectedDays = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse('2024-01-10T00:00:00Z')) / 86_400_000);
      expect(prep).toMatchObject({ planned: '2024-01-10', overdueDays: expectedDays });
      expect(expectedDays).toBeGreaterThan(300);
    });
  });

  describe('monthly progress', () => {
    it('accepts monotonic reports and corrections with a reason, refusing the rest; emits ProjectProgressReportedV1', async () => {
      const id = await newProject();
      const first = await report(id, { month: '2024-03', percent: 10, narrative: '基础施工' }).expect(201);
      expect(first.body.report).toMatchObject({ month: '2024-03', percent: 10, previousPercent: null, revision: 1, effective: true });
      await report(id, { month: '2024-04', percent: 35.5, narrative: '主体施工' }).expect(201);

      const twice = await report(id, { month: '2024-04', percent: 40, narrative: '重复' }).expect(422);
      expect(twice.body.errors[0]).toMatchObject({ field: 'month', code: 'month_already_reported' });
      const down = await report(id, { month: '2024-05', percent: 20, narrative: '倒退' }).expect(422);
      expect(down.body.errors[0]).toMatchObject({ field: 'percent', code: 'progress_decreased' });
      const noReason = await report(id, { month: '2024-04', percent: 30, narrative: '更正', correction: true }).expect(422);
      expect(noReason.body.errors[0].field).toBe('reason');
      const future = await report(id, { month: '2999-01', percent: 50, narrative: '未来' }).expect(422);
      expect(future.body.errors[0].code).toBe('month_in_future');
      const precise = await report(id, { month: '2024-05', percent: 40.25, narrative: 'x' }).expect(422);
      expect(precise.body.errors[0].code).toBe('too_many_decimals');

      const corrected = await report(id, { month: '2024-04', percent: 30, narrative: '核实后更正', correction: true, reason: '监理核实' }).expect(201);
      expect(corrected.body.report).toMatchObject({ revision: 2, previousPercent: 35.5, correction: true, reason: '监理核实' });
      expect(corrected.body.project.latestProgress).toEqual({ month: '2024-04', percent: 30 });

      const listed = await service.http().get(`/api/v1/projects/${id}/progress`).set('Authorization', planner).expect(200);
      expect(listed.body.items.map((r: { month: string; percent: number; effective: boolean }) => [r.month, r.percent, r.effective])).toEqual([
        ['2024-03', 10, true], ['2024-04', 35.5, false], ['2024-04', 30, true],
      ]);

      const events = await eventsOf(service, id);
      expect(typesOf(events)).toEqual(['registered.v1', 'progress-reported.v1', 'progress-reported.v1', 'progress-reported.v1']);
      expect(events[2].data).toMatchObject({ month: '2024-04', percent: 35.5, previousPercent: 10, correction: false, narrative: '主体施工', reportedBy: 'planner-li' });
      expect(events[3].data).toMatchObject({
        projectId: id, countyCode: county, townshipCode: township,
        month: '2024-04', percent: 30, previousPercent: 35.5, correction: true, reason: '监理核实',
      });
      expect(events[3].data.reportedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('refuses progress for a suspended project with 409 and a clear reason', async () => {
      const id = await newProject();
      await move(id, { to: 'suspended', businessDate: '2024-02-01', reason: '资金未到位' }).expect(200);
      const res = await report(id, { month: '2024-03', percent: 5, narrative: 'x' }).expect(409);
      expect(res.body).toMatchObject({ code: 'project-inactive', currentPhase: 'suspended' });
      expect(res.body.detail).toContain('暂停');
    });
  });

  describe('evidence', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(512, 1)]);
    let id: string;

    beforeAll(async () => {
      id = await newProject();
      await report(id, { month: '2024-03', percent: 10, narrative: '基础施工' }).expect(201);
    });
    const upload = (month: string, content: Buffer, name: string) =>
      service.http().post(`/api/v1/projects/${id}/progress/${month}/evidence`).set('Authorization', planner).attach('file', content, name);

    it('stores a file with its SHA-256 and serves it back byte for byte with the right content type', async () => {
      const up = await upload('2024-03', png, '现场照片.png').expect(201);
      const sha = createHash('sha256').update(png).digest('hex');
      expect(up.body).toMatchObject({ fileName: '现场照片.png', contentType: 'image/png', sizeBytes: png.length, sha256: sha });
      await upload('2024-03', pdf, 'report.pdf').expect(201);

      const list = await service.http().get(`/api/v1/projects/${id}/progress/2024-03/evidence`).set('Authorization', planner).expect(200);
      expect(list.body.items.map((e: { fileName: string }) => e.fileName)).toEqual(['现场照片.png', 'report.pdf']);

      const down = await service.http().get(`/api/v1/projects/${id}/progress/2024-03/evidence/${up.body.id}`)
        .set('Authorization', bearer('township', [township])).buffer(true).parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        }).expect(200);
      expect(down.headers['content-type']).toBe('image/png');
      expect(down.headers['x-content-sha256']).toBe(sha);
      expect(down.headers['content-disposition']).toContain(encodeURIComponent('现场照片.png'));
      expect(createHash('sha256').update(down.body as Buffer).digest('hex')).toBe(sha);
    });

    it('refuses wrong types by content, mismatched extensions, oversize files and months without a report, naming the field', async () => {
      const before = await countRows(service, 'project_progress_evidence');
      const fake = await upload('2024-03', Buffer.from('just text pretending to be a picture'), 'photo.jpg').expect(415);
      expect(fake.body).toMatchObject({ code: 'unsupported-file-type', errors: [{ field: 'file' }] });
      const mismatch = await upload('2024-03', pdf, 'photo.png').expect(415);
      expect(mismatch.body.code).toBe('extension-mismatch');
      const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024, 1)]);
      const tooBig = await upload('2024-03', big, 'big.jpg').expect(413);
      expect(tooBig.body).toMatchObject({ code: 'file-too-large', errors: [{ field: 'file' }] });
      const noReport = await upload('2024-05', png, 'a.png').expect(422);
      expect(noReport.body.errors[0].field).toBe('month');
      const noFile = await service.http().post(`/api/v1/projects/${id}/progress/2024-03/evidence`).set('Authorization', planner)
        .field('note', 'x').expect(400);
      expect(noFile.body.errors[0].field).toBe('file');
      expect(await countRows(service, 'project_progress_evidence')).toBe(before);
    });
  });
});
