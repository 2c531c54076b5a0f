import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { bearer } from '@xiaojian/platform';
import { eventually, startTestService, TestEventProducer, TestService } from '@xiaojian/service-testing';
import { AppModule } from '../../app.module';
import { reportingConfigSchema } from '../../config';
import { reportingDatabase } from '../../database/database';
import { READ_MODEL_TABLES } from '../../read-models/read-model.entities';
import { rebuildReadModels } from '../../rebuild/rebuild-read-models';
import { loggedEvents, publishLateExpenditure, publishScriptedCounty, SCRIPTED_EVENT_COUNT, scriptedCounty } from '../../__tests__/scripted-county';

const rate = (percent: string) => ({ kind: 'rate', percent });

describe('figures from events (real PostgreSQL, Redis and broker)', () => {
  let service: TestService;
  let producer: TestEventProducer;
  const s = scriptedCounty();
  let scripted: Awaited<ReturnType<typeof publishScriptedCounty>>;
  const leader = () => bearer('leader', [s.county]);

  const figures = async (month: string, township?: string) =>
    (await service.http().get('/api/v1/figures').query({ county: s.county, month, ...(township ? { township } : {}) }).set('Authorization', leader()).expect(200)).body;

  beforeAll(async () => {
    service = await startTestService({
      service: 'reporting',
      configSchema: reportingConfigSchema,
      createModule: AppModule.forRoot,
      database: reportingDatabase,
      env: { BULLMQ_PREFIX: `xj-test-${randomUUID().slice(0, 8)}`, BULLETIN_SCHEDULE_ENABLED: 'false' },
    });
    producer = await TestEventProducer.connect();
    scripted = await publishScriptedCounty(producer, s);
    await eventually(() => loggedEvents(service.dataSource, s.county), (n) => n === SCRIPTED_EVENT_COUNT);
  });
  afterAll(async () => {
    await producer?.close();
    await service?.close();
  });

  it('logs a redelivered event once', async () => {
    const rows = await service.dataSource.query('SELECT count(*)::int AS n FROM reporting_event WHERE event_id = $1', [scripted.a1.id]);
    expect(rows[0].n).toBe(1);
    const ledger = await service.dataSource.query('SELECT count(*)::int AS n FROM rm_ledger WHERE county_code = $1', [s.county]);
    expect(ledger[0].n).toBe(7);
  });

  it('computes a township’s October figures exactly', async () => {
    const body = await figures('2025-10', s.t1);
    expect(body.asOf).toBe('2025-10-31');
    expect(body.summary.projects).toEqual({
      total: 2,
      byPhase: { under_construction: 1, accepted: 1 },
      startedThisMonth: 0,
      startedYearToDate: 2,
      completedThisMonth: 1,
      completedYearToDate: 1,
      plannedThisYear: 2,
      startRate: rate('100.0'),
      completionRate: rate('50.0'),
      overdue: 0,
      stale: 0,
    });
    expect(body.summary.weightedProgressPercent).toBe('92.5'); // (10M × 70 + 30M × 100) ÷ 40M
    expect(body.summary.funding).toEqual({
      allocatedFen: 3_000_000, // the redelivered allocation counts once
      disbursedFen: 2_800_000,
      spentFen: 1_900_000, // 600 000 + 1 500 000 − 200 000 reversed
      disbursementRate: rate('93.3'),
      spendingRate: rate('63.3'),
      schedulePercent: '83.3',
      behindSchedule: true,
      bySource: [
        { source: 'central', allocatedFen: 1_000_000, disbursedFen: 800_000, spentFen: 600_000, spendingRate: rate('60.0') },
        { source: 'provincial', allocatedFen: 2_000_000, disbursedFen: 2_000_000, spentFen: 1_300_000, spendingRate: rate('65.0') },
      ],
    });
    expect(body.summary.seats).toEqual({
      plannedSeats: 750,
      deliveredSeats: 300, // acceptance and seats.delivered describe the same seats: counted once
      targetSeats: 750,
      completionRate: rate('40.0'),
      byCategory: [
        { level: 'primary', ownership: 'public', plannedSeats: 450, deliveredSeats: 0, targetSeats: 500, completionRate: rate('0.0') },
        { level: 'junior', ownership: 'public', plannedSeats: 300, deliveredSeats: 300, targetSeats: 250, completionRate: rate('120.0') },
      ],
      largeClasses: 2,
      veryLargeClasses: 1,
      seatGap: 90,
    });
    expect(body.projects.map((p: { code: string; phase: string; progressPercent: number }) => [p.code, p.phase, p.progressPercent])).toEqual([
      [s.codes.p1, 'under_construction', 70],
      [s.codes.p2, 'accepted', 100],
    ]);
  });

  it('counts the county, including the overdue project of the second township', async () => {
    const body = await figures('2025-10');
    expect(body.summary.projects).toMatchObject({ total: 3, byPhase: { under_construction: 1, accepted: 1, approved: 1 }, plannedThisYear: 3, startRate: rate('66.7'), overdue: 1 });
    expect(body.projects.filter((p: { overdue: boolean }) => p.overdue).map((p: { code: string }) => p.code)).toEqual([s.codes.p3]);
  });

  it('traces money, project counts and seats to their events', async () => {
    const trace = async (figure: string) =>
      (await service.http().get('/api/v1/figures/trace').query({ county: s.county, township: s.t1, month: '2025-10', figure }).set('Authorization', leader()).expect(200)).body;
    expect((await trace('summary.funding.allocatedFen')).eventIds).toEqual([scripted.a1.id, scripted.a3.id].sort());
    expect((await trace('summary.seats.deliveredSeats')).eventIds).toEqual([scripted.seats.id]);
    const total = await trace('summary.projects.total');
    expect(total.eventIds).toEqual([scripted.registrations[0].id, scripted.registrations[1].id].sort());
    expect(total.events.map((e: { type: string }) => e.type)).toEqual(['cn.xiaojian.projects.project.registered.v1', 'cn.xiaojian.projects.project.registered.v1']);
    await service.http().get('/api/v1/figures/trace').query({ county: s.county, month: '2025-10', figure: 'summary.nope' }).set('Authorization', leader()).expect(404);
  });

  it('counts a late event in the month of its business date', async () => {
    expect((await figures('2025-09', s.t1)).summary.funding.spentFen).toBe(1_500_000);
    await publishLateExpenditure(producer, s);
    await eventually(() => loggedEvents(service.dataSource, s.county), (n) => n === SCRIPTED_EVENT_COUNT + 1);
    expect((await figures('2025-09', s.t1)).summary.funding.spentFen).toBe(1_600_000);
    const october = await figures('2025-10', s.t1);
    expect(october.summary.funding).toMatchObject({ spentFen: 2_000_000, spendingRate: rate('66.7') });
  });

  it('lets a township user see only its own township', async () => {
    const township = bearer('township', [s.t1]);
    await service.http().get('/api/v1/figures').query({ county: s.county, township: s.t1, month: '2025-10' }).set('Authorization', township).expect(200);
    await service.http().get('/api/v1/figures').query({ county: s.county, township: s.t2, month: '2025-10' }).set('Authorization', township).expect(403);
    await service.http().get('/api/v1/figures').query({ county: s.county, month: '2025-10' }).set('Authorization', township).expect(403);
    await service.http().get('/api/v1/figures').query({ county: s.county, month: '2025-10' }).set('Authorization', bearer('leader', ['310000'])).expect(403);
    const bad = await service.http().get('/api/v1/figures').query({ county: s.county, month: '2025-13' }).set('Authorization', leader()).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('rebuilds read models identical to the incrementally built ones', async () => {
    const snapshot = async () => {
      const tables: Record<string, unknown[]> = {};
      for (const table of READ_MODEL_TABLES) tables[table] = await service.dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`);
      return tables;
    };
    const before = await snapshot();
    const figuresBefore = await figures('2025-10');
    expect(before.rm_project.length).toBeGreaterThanOrEqual(3);
    const lines: string[] = [];
    const result = await rebuildReadModels(service.dataSource, { print: (line) => lines.push(line), batchSize: 7 });
    expect(result.events).toBeGreaterThanOrEqual(SCRIPTED_EVENT_COUNT + 1);
    expect(lines[lines.length - 1]).toMatch(/^rebuild: done, \d+ events/);
    expect(await snapshot()).toEqual(before);
    expect(await figures('2025-10')).toEqual(figuresBefore);

    // The operator command does the same, printing its progress.
    const cli = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, '../../cli.ts'), 'rebuild'], {
      cwd: resolve(__dirname, '../../../../..'),
      env: { ...process.env, DATABASE_URL: service.databaseUrl },
    });
    expect(cli.stdout).toMatch(/rebuild: truncating rm_project.*; replaying \d+ events/);
    expect(cli.stdout).toMatch(/rebuild: \d+\/\d+ events \(100 %\)/);
    expect(await snapshot()).toEqual(before);
  });
});
