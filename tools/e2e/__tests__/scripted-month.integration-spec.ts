/**
 * Issue 5, end to end: the four services as separate Node processes on the test stack's real
 * PostgreSQL, Redis and Kafka-protocol broker, driven only through their public HTTP APIs for a
 * scripted month M (the previous full calendar month, Asia/Shanghai). One funding event is
 * redelivered and one project arrives late (registered after the others, dated in M−1). The
 * bulletins of M must print every figure exactly.
 *
 * The scripted county (fen; P = project, T = township; Y = year of M, M−1 written "L"):
 *
 * | project | township | level / ownership | investment | seats planned | phases (business dates) | progress |
 * | P1 | T1 | primary / public | 10,000,000.00 | 450 | prep M-03, tender M-05, build M-08, completed M-20, accepted M-25 (420 seats) | M 100 |
 * | P2 | T1 | junior / public | 20,000,000.00 | 600 | prep M-06, tender M-10, build M-15 | M 35.5 |
 * | P3 | T2 | kindergarten / inclusive_private | 5,000,000.00 | 180 | prep M-12 (planned start M-27: overdue) | — |
 * | P4 (late) | T2 | primary / public | 8,000,000.00 | 90 | approved L-15, prep L-16, tender L-18, build L-20 | L 20, M 40 |
 *
 * Money (yuan, fiscal year Y): P1 central 6,000,000 (M-05) disbursed 4,500,000 (M-09), provincial
 * 2,000,000 (M-05) disbursed 1,000,000 (M-12), spent 3,200,000.50 (M-22); P2 county 10,000,000
 * (M-11) disbursed 2,000,000 (M-16), spent 1,234,567.89 (M-26) of which 34,567.89 reversed (M-27);
 * P3 education surcharge 1,000,000 (M-13); P4 county 3,000,000 (L-25) disbursed 1,500,000 (L-26),
 * spent 600,000 (L-28). Seat targets (Y): T1 primary/public 400, T2 primary/public 200, county-wide
 * junior/public 500.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CloudEvent, Events } from '@xiaojian/contracts';
import { freePort } from '@xiaojian/local-infra';
import { bearer, TEST_JWT_SECRET } from '@xiaojian/platform';
import { outboxEvents, TestEventProducer } from '@xiaojian/service-testing';
import { createTestDatabase, TestDatabase, testInfra } from '@xiaojian/testing';
import { runServiceCommand, RunningService, startService, stopService, waitUntilReady } from '../../start/service-processes';
import { SERVICES, ServiceName } from '../../start/suite-config';
import { addMonths, day, dayOfYear, http, lastDayOf, percent1, rateOf, shanghaiMonthOf, untilKnown, waitFor } from '../e2e-support';

// ---- the scripted county -------------------------------------------------------------------
const runId = randomUUID().slice(0, 8);
const county = `3${String(randomInt(0, 100_000)).padStart(5, '0')}`;
const T1 = `${county}101`;
const T2 = `${county}102`;
const M = addMonths(shanghaiMonthOf(new Date()), -1);
const L = addMonths(M, -1); // M−1: the late project's month
const Y = Number(M.slice(0, 4));
/** P4 (dated in M−1) counts in M's year-to-date figures only when M−1 lies in the same year. */
const sameYear = L.slice(0, 4) === M.slice(0, 4);
const s = sameYear ? 1 : 0;
const code = (n: number) => `E2E-${county}-0${n}`;
const asOf = lastDayOf(M);

const yuanToFen = (yuan: string) => Math.round(Number(yuan) * 100);

interface Ids {
  projects: Record<'P1' | 'P2' | 'P3' | 'P4', string>;
  allocations: Record<'A1' | 'A2' | 'A3' | 'A4' | 'A5', string>;
}

// ---- the running suite -----------------------------------------------------------------------
const workDir = mkdtempSync(join(tmpdir(), 'xiaojian-e2e-'));
const databases: Partial<Record<ServiceName, TestDatabase>> = {};
const running: RunningService[] = [];
const urls = {} as Record<ServiceName, string>;
let producer: TestEventProducer | undefined;
let passed = false;

const call = (service: ServiceName, method: string, path: string, options: Parameters<typeof http>[3] = {}) =>
  http(urls[service], method, `/api/v1${path}`, options);
const planner = () => bearer('planner', [county], { name: '规划股 E2E' });
const finance = () => bearer('finance', [county], { name: '计财股 E2E' });
const leader = () => bearer('leader', [county], { name: '督导委员会 E2E' });

function logTail(service: ServiceName): string {
  const file = running.find((r) => r.name === service)?.logFile;
  if (!file) return '';
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
}

beforeAll(async () => {
  const infra = testInfra();
  const ports = await Promise.all(SERVICES.map(() => freePort()));
  await Promise.all(
    SERVICES.map(async (service, index) => {
      const database = await createTestDatabase(`e2e_${service.name}`);
      databases[service.name] = database;
      const env = {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        REDIS_URL: infra.redisUrl,
        JWT_SECRET: TEST_JWT_SECRET,
        KAFKA_PROVISION_TOPICS: 'false',
        KAFKA_CONSUMER_GROUP: `${service.name}-e2e-${runId}`,
        BULLMQ_PREFIX: `e2e-${runId}`,
        LOG_LEVEL: 'warn',
      };
      await runServiceCommand(service.name, ['migrate'], env);
      const started = startService(service.name, ports[index], env, join(workDir, 'logs'));
      running.push(started);
      urls[service.name] = `http://127.0.0.1:${started.port}`;
    }),
  );
  await Promise.all(running.map((service) => waitUntilReady(service, 150_000)));
  producer = await TestEventProducer.connect();
}, 240_000);

afterAll(async () => {
  await Promise.allSettled(running.map((service) => stopService(service)));
  await producer?.close().catch(() => undefined);
  await Promise.allSettled(Object.values(databases).map((database) => database!.drop()));
  if (passed) rmSync(workDir, { recursive: true, force: true });
  else process.stderr.write(`[e2e] service logs kept in ${join(workDir, 'logs')}\n`);
}, 60_000);

// ---- the script, through the public APIs ---------------------------------------------------------
async function register(n: number, body: Record<string, unknown>): Promise<string> {
  const answer = await call('projects', 'POST', '/projects', {
    authorization: planner(),
    expect: 201,
    body: {
      code: code(n),
      name: `${code(n)} 学校建设工程`,
      schoolCode: `S-${county}-${n}`,
      schoolName: `E2E 第${n}学校`,
      countyCode: county,
      plannedFloorArea: 1200.5,
      programmeYear: Y,
      programmeName: `${Y}年度学校建设项目`,
      ...body,
    },
  });
  return answer.body.id;
}

async function transition(projectId: string, to: string, businessDate: string, extra: Record<string, unknown> = {}): Promise<void> {
  await call('projects', 'POST', `/projects/${projectId}/transitions`, { authorization: planner(), expect: 200, body: { to, businessDate, ...extra } });
}

async function progress(projectId: string, month: string, percent: number): Promise<void> {
  await call('projects', 'POST', `/projects/${projectId}/progress`, {
    authorization: planner(),
    expect: 201,
    body: { month, percent, narrative: `${month} 形象进度 ${percent}%` },
  });
}

/** A funding write, retried until funding knows the project; one Idempotency-Key per logical write. */
async function money(path: string, body: Record<string, unknown>): Promise<string> {
  const key = randomUUID();
  const answer = await untilKnown(`POST ${path} ${JSON.stringify(body)}`, () =>
    call('funding', 'POST', path, { authorization: finance(), body, headers: { 'idempotency-key': key } }),
  );
  expect(answer.status).toBe(201);
  return answer.body.id;
}

async function target(townshipCode: string | null, level: string, ownership: string, seats: number): Promise<void> {
  await call('capacity', 'PUT', '/targets', {
    authorization: planner(),
    expect: 200,
    body: { countyCode: county, ...(townshipCode ? { townshipCode } : {}), year: Y, level, ownership, seats },
  });
}

const figures = (month: string, township?: string) =>
  call('reporting', 'GET', `/figures?county=${county}&month=${month}${township ? `&township=${township}` : ''}`, { authorization: leader(), expect: 200 }).then(
    (answer) => answer.body,
  );

// ---- expected figures ----------------------------------------------------------------------------
const fen = {
  A1: yuanToFen('6000000.00'), D1: yuanToFen('4500000.00'),
  A2: yuanToFen('2000000.00'), D2: yuanToFen('1000000.00'),
  X1: yuanToFen('3200000.50'),
  A3: yuanToFen('10000000.00'), D3: yuanToFen('2000000.00'), X3: yuanToFen('1234567.89'), R3: yuanToFen('34567.89'),
  A4: yuanToFen('1000000.00'),
  A5: yuanToFen('3000000.00'), D5: yuanToFen('1500000.00'), X5: yuanToFen('600000.00'),
};
const investment = { P1: 1_000_000_000, P2: 2_000_000_000, P3: 500_000_000, P4: 800_000_000 };

function funding(allocatedFen: number, disbursedFen: number, spentFen: number, bySource: [string, number, number, number][]) {
  const { day: d, days } = dayOfYear(asOf);
  return {
    allocatedFen,
    disbursedFen,
    spentFen,
    disbursementRate: rateOf(disbursedFen, allocatedFen),
    spendingRate: rateOf(spentFen, allocatedFen),
    schedulePercent: percent1(d, days),
    behindSchedule: BigInt(spentFen) * BigInt(days) < BigInt(allocatedFen) * BigInt(d),
    bySource: bySource.map(([source, a, b, c]) => ({ source, allocatedFen: a, disbursedFen: b, spentFen: c, spendingRate: rateOf(c, a) })),
  };
}

const seatCategory = (level: string, ownership: string, plannedSeats: number, deliveredSeats: number, targetSeats: number) => ({
  level, ownership, plannedSeats, deliveredSeats, targetSeats, completionRate: rateOf(deliveredSeats, targetSeats),
});

const spentP2 = fen.X3 - fen.R3;
const EXPECTED = {
  county: {
    projects: {
      total: 4,
      byPhase: { accepted: 1, under_construction: 2, preparation: 1 },
      startedThisMonth: 2,
      startedYearToDate: 2 + s,
      completedThisMonth: 1,
      completedYearToDate: 1,
      plannedThisYear: 3 + s,
      startRate: rateOf(2 + s, 3 + s),
      completionRate: rateOf(1, 1),
      overdue: 1,
      stale: 0,
    },
    // (1e9 × 100 + 2e9 × 35.5 + 8e8 × 40) ÷ 3.8e9 = 53.42…
    weightedProgressPercent: '53.4',
    funding: funding(
      fen.A1 + fen.A2 + fen.A3 + fen.A4 + fen.A5,
      fen.D1 + fen.D2 + fen.D3 + fen.D5,
      fen.X1 + spentP2 + fen.X5,
      [
        ['central', fen.A1, fen.D1, fen.X1],
        ['provincial', fen.A2, fen.D2, 0],
        ['county', fen.A3 + fen.A5, fen.D3 + fen.D5, spentP2 + fen.X5],
        ['education_surcharge', fen.A4, 0, 0],
      ],
    ),
    seats: {
      plannedSeats: 450 + 600 + 180 + 90,
      deliveredSeats: 420,
      targetSeats: 400 + 200 + 500,
      completionRate: rateOf(420, 1100),
      byCategory: [
        seatCategory('kindergarten', 'inclusive_private', 180, 0, 0),
        seatCategory('primary', 'public', 540, 420, 600),
        seatCategory('junior', 'public', 600, 0, 500),
      ],
      largeClasses: 0,
      veryLargeClasses: 0,
      seatGap: 0,
    },
  },
  T1: {
    projects: {
      total: 2,
      byPhase: { accepted: 1, under_construction: 1 },
      startedThisMonth: 2,
      startedYearToDate: 2,
      completedThisMonth: 1,
      completedYearToDate: 1,
      plannedThisYear: 2,
      startRate: rateOf(2, 2),
      completionRate: rateOf(1, 1),
      overdue: 0,
      stale: 0,
    },
    weightedProgressPercent: '57.0', // (1e9 × 100 + 2e9 × 35.5) ÷ 3e9
    funding: funding(fen.A1 + fen.A2 + fen.A3, fen.D1 + fen.D2 + fen.D3, fen.X1 + spentP2, [
      ['central', fen.A1, fen.D1, fen.X1],
      ['provincial', fen.A2, fen.D2, 0],
      ['county', fen.A3, fen.D3, spentP2],
    ]),
    seats: {
      plannedSeats: 1050,
      deliveredSeats: 420,
      targetSeats: 400,
      completionRate: rateOf(420, 400),
      byCategory: [seatCategory('primary', 'public', 450, 420, 400), seatCategory('junior', 'public', 600, 0, 0)],
      largeClasses: 0,
      veryLargeClasses: 0,
      seatGap: 0,
    },
  },
  T2: {
    projects: {
      total: 2,
      byPhase: { preparation: 1, under_construction: 1 },
      startedThisMonth: 0,
      startedYearToDate: s,
      completedThisMonth: 0,
      completedYearToDate: 0,
      plannedThisYear: 1 + s,
      startRate: rateOf(s, 1 + s),
      completionRate: rateOf(0, 0),
      overdue: 1,
      stale: 0,
    },
    weightedProgressPercent: '40.0',
    funding: funding(fen.A4 + fen.A5, fen.D5, fen.X5, [
      ['county', fen.A5, fen.D5, fen.X5],
      ['education_surcharge', fen.A4, 0, 0],
    ]),
    seats: {
      plannedSeats: 270,
      deliveredSeats: 0,
      targetSeats: 200,
      completionRate: rateOf(0, 200),
      byCategory: [seatCategory('kindergarten', 'inclusive_private', 180, 0, 0), seatCategory('primary', 'public', 90, 0, 200)],
      largeClasses: 0,
      veryLargeClasses: 0,
      seatGap: 0,
    },
  },
};

function projectRow(n: 1 | 2 | 3 | 4, ids: Ids) {
  const rows = {
    1: { townshipCode: T1, phase: 'accepted', progressPercent: 100, lastReportMonth: M, plannedInvestmentFen: investment.P1, allocatedFen: fen.A1 + fen.A2, disbursedFen: fen.D1 + fen.D2, spentFen: fen.X1, plannedSeats: 450, deliveredSeats: 420, overdue: false },
    2: { townshipCode: T1, phase: 'under_construction', progressPercent: 35.5, lastReportMonth: M, plannedInvestmentFen: investment.P2, allocatedFen: fen.A3, disbursedFen: fen.D3, spentFen: spentP2, plannedSeats: 600, deliveredSeats: 0, overdue: false },
    3: { townshipCode: T2, phase: 'preparation', progressPercent: null, lastReportMonth: null, plannedInvestmentFen: investment.P3, allocatedFen: fen.A4, disbursedFen: 0, spentFen: 0, plannedSeats: 180, deliveredSeats: 0, overdue: true },
    4: { townshipCode: T2, phase: 'under_construction', progressPercent: 40, lastReportMonth: M, plannedInvestmentFen: investment.P4, allocatedFen: fen.A5, disbursedFen: fen.D5, spentFen: fen.X5, plannedSeats: 90, deliveredSeats: 0, overdue: false },
  }[n];
  return expect.objectContaining({
    projectId: ids.projects[`P${n}` as keyof Ids['projects']],
    code: code(n),
    ...rows,
    spendingRate: rateOf(rows.spentFen, rows.allocatedFen),
    stale: false,
  });
}

// ---- the test ------------------------------------------------------------------------------------
describe(`scripted month ${M} of county ${county}, four services as processes`, () => {
  const ids: Ids = { projects: {} as Ids['projects'], allocations: {} as Ids['allocations'] };
  let redelivered: CloudEvent<any> | undefined;
  let countyBulletinId = '';

  it('drives the month through the public APIs, redelivers one event and sends one late', async () => {
    // Registration (立项) of three projects in two townships, dated in M.
    ids.projects.P1 = await register(1, {
      kind: 'expansion', schoolLevel: 'primary', ownership: 'public', townshipCode: T1, plannedInvestment: '10000000.00', plannedSeats: 450,
      plannedStartDate: day(M, 8), plannedCompletionDate: day(M, 20), approvedOn: day(M, 2),
    });
    ids.projects.P2 = await register(2, {
      kind: 'new_build', schoolLevel: 'junior', ownership: 'public', townshipCode: T1, plannedInvestment: '20000000.00', plannedSeats: 600,
      plannedStartDate: day(M, 15), plannedCompletionDate: `${Y + 1}-06-30`, approvedOn: day(M, 4),
    });
    ids.projects.P3 = await register(3, {
      kind: 'renovation', schoolLevel: 'kindergarten', ownership: 'inclusive_private', townshipCode: T2, plannedInvestment: '5000000.00', plannedSeats: 180,
      plannedStartDate: day(M, 27), plannedCompletionDate: `${Y + 1}-03-31`, approvedOn: day(M, 6),
    });

    await target(T1, 'primary', 'public', 400);
    await target(T2, 'primary', 'public', 200);
    await target(null, 'junior', 'public', 500);

    const { P1, P2, P3 } = ids.projects;
    await transition(P1, 'preparation', day(M, 3));
    await transition(P1, 'tendering', day(M, 5));
    await transition(P1, 'under_construction', day(M, 8), { contractor: 'E2E 建设集团有限公司', contractAmount: '9500000.00' });
    await transition(P2, 'preparation', day(M, 6));
    await transition(P2, 'tendering', day(M, 10));
    await transition(P2, 'under_construction', day(M, 15), { contractor: 'E2E 第二建筑公司', contractAmount: '19000000.00' });
    await transition(P3, 'preparation', day(M, 12));
    await progress(P1, M, 100);
    await progress(P2, M, 35.5);
    await transition(P1, 'completed', day(M, 20));
    await transition(P1, 'accepted', day(M, 25), { deliveredSeats: 420, deliveredFloorArea: 1250, finalCost: '9800000.00' });

    ids.allocations.A1 = await money('/allocations', { projectId: P1, source: 'central', fiscalYear: Y, documentNumber: `财教〔${Y}〕101号`, date: day(M, 5), amount: '6000000.00' });
    ids.allocations.A2 = await money('/allocations', { projectId: P1, source: 'provincial', fiscalYear: Y, documentNumber: `财教〔${Y}〕102号`, date: day(M, 5), amount: '2000000.00' });
    ids.allocations.A3 = await money('/allocations', { projectId: P2, source: 'county', fiscalYear: Y, documentNumber: `县财〔${Y}〕103号`, date: day(M, 11), amount: '10000000.00' });
    ids.allocations.A4 = await money('/allocations', { projectId: P3, source: 'education_surcharge', fiscalYear: Y, documentNumber: `县财〔${Y}〕104号`, date: day(M, 13), amount: '1000000.00' });
    await money('/disbursements', { allocationId: ids.allocations.A1, date: day(M, 9), amount: '4500000.00' });
    await money('/disbursements', { allocationId: ids.allocations.A2, date: day(M, 12), amount: '1000000.00' });
    await money('/disbursements', { allocationId: ids.allocations.A3, date: day(M, 16), amount: '2000000.00' });
    const x3 = await money('/expenditures', { projectId: P2, payee: 'E2E 第二建筑公司', voucherNumber: `V-${M}-03`, purpose: '工程进度款', date: day(M, 26), amount: '1234567.89' });
    await money('/reversals', { originalId: x3, reason: '发票金额更正', date: day(M, 27), amount: '34567.89' });

    // Reporting has the first part of the month …
    await waitFor(
      'reporting to see the first part of the month',
      () => figures(M),
      (f) => f.summary.projects.total === 3 && f.summary.funding.allocatedFen === fen.A1 + fen.A2 + fen.A3 + fen.A4 && f.summary.funding.spentFen === spentP2 && f.summary.seats.deliveredSeats === 420,
      90_000,
    );

    // … then one already-published funding event (P1's central allocation) is delivered again, as
    // after a relay crash between the broker's ack and the mark. It is keyed by P1, so P1's next
    // event (the expenditure below) lands behind it on the same partition.
    const fundingDb = await new DataSource({ type: 'postgres', url: databases.funding!.url }).initialize();
    try {
      const allocations = await outboxEvents(fundingDb, Events.AllocationRecordedV1.type);
      redelivered = allocations.find((event) => event.data.entryId === ids.allocations.A1);
      expect(redelivered).toBeDefined();
      expect(allocations.filter((event) => event.data.projectId === P1)).toHaveLength(2);
    } finally {
      await fundingDb.destroy();
    }
    await producer!.send(Events.AllocationRecordedV1, [redelivered!]);
    await money('/expenditures', { projectId: P1, payee: 'E2E 建设集团有限公司', voucherNumber: `V-${M}-01`, purpose: '工程进度款', date: day(M, 22), amount: '3200000.50' });

    // The late project: registered after everything else, dated in M−1.
    ids.projects.P4 = await register(4, {
      kind: 'weak_school_upgrade', schoolLevel: 'primary', ownership: 'public', townshipCode: T2, plannedInvestment: '8000000.00', plannedSeats: 90,
      plannedStartDate: day(L, 20), plannedCompletionDate: `${Y + 1}-08-31`, approvedOn: day(L, 15),
    });
    const { P4 } = ids.projects;
    await transition(P4, 'preparation', day(L, 16));
    await transition(P4, 'tendering', day(L, 18));
    await transition(P4, 'under_construction', day(L, 20), { contractor: 'E2E 第四建筑公司', contractAmount: '7600000.00' });
    await progress(P4, L, 20);
    await progress(P4, M, 40);
    ids.allocations.A5 = await money('/allocations', { projectId: P4, source: 'county', fiscalYear: Y, documentNumber: `县财〔${Y}〕105号`, date: day(L, 25), amount: '3000000.00' });
    await money('/disbursements', { allocationId: ids.allocations.A5, date: day(L, 26), amount: '1500000.00' });
    await money('/expenditures', { projectId: P4, payee: 'E2E 第四建筑公司', voucherNumber: `V-${L}-04`, purpose: '工程进度款', date: day(L, 28), amount: '600000.00' });

    // Reporting has caught up when it shows the late project's figures and P1's expenditure, which
    // was published after the redelivered allocation on the same partition.
    const caughtUp = await waitFor(
      'reporting to catch up with the whole month',
      () => figures(M),
      (f) =>
        f.summary.projects.total === 4 &&
        f.summary.funding.spentFen === EXPECTED.county.funding.spentFen &&
        f.summary.funding.disbursedFen === EXPECTED.county.funding.disbursedFen &&
        f.summary.weightedProgressPercent === EXPECTED.county.weightedProgressPercent &&
        f.summary.seats.targetSeats === EXPECTED.county.seats.targetSeats,
      120_000,
    ).catch((error) => {
      throw new Error(`${error.message}\n--- reporting log ---\n${logTail('reporting')}\n--- funding log ---\n${logTail('funding')}`);
    });
    // The redelivered allocation reached the reporting consumer (it precedes P1's expenditure on the
    // partition), was skipped by its inbox, and was not counted twice.
    const metrics = await http(urls.reporting, 'GET', '/metrics', { expect: 200 });
    const skipped = new RegExp(`xj_consumer_duplicates_skipped_total\\{[^}]*type="${Events.AllocationRecordedV1.type.replace(/\./g, '\\.')}"[^}]*\\} (\\d+)`).exec(metrics.text);
    expect(Number(skipped?.[1] ?? 0)).toBeGreaterThanOrEqual(1);
    expect(caughtUp.summary.funding.allocatedFen).toBe(EXPECTED.county.funding.allocatedFen);
    expect(caughtUp.summary.funding.bySource[0]).toEqual({ source: 'central', allocatedFen: fen.A1, disbursedFen: fen.D1, spentFen: fen.X1, spendingRate: { kind: 'rate', percent: '53.3' } });
  }, 240_000);

  it('figures of M count every event by business date, the redelivered one once', async () => {
    const f = await figures(M);
    expect(f.asOf).toBe(asOf);
    expect(f.summary).toEqual(EXPECTED.county);
    expect(f.projects).toEqual([1, 2, 3, 4].map((n) => projectRow(n as 1 | 2 | 3 | 4, ids)));
    // Literal spot checks of the arithmetic above (2.2 亿 fen allocated etc.).
    expect(f.summary.funding).toMatchObject({ allocatedFen: 2_200_000_000, disbursedFen: 900_000_000, spentFen: 500_000_050 });
    expect(f.summary.funding.disbursementRate).toEqual({ kind: 'rate', percent: '40.9' });
    expect(f.summary.funding.spendingRate).toEqual({ kind: 'rate', percent: '22.7' });
    expect(f.summary.seats.completionRate).toEqual({ kind: 'rate', percent: '38.2' });

    const trace = await call('reporting', 'GET', `/figures/trace?county=${county}&month=${M}&figure=summary.funding.allocatedFen`, { authorization: leader(), expect: 200 });
    expect(trace.body.eventIds).toHaveLength(5);
    expect(trace.body.eventIds.filter((id: string) => id === redelivered!.id)).toHaveLength(1);
  }, 30_000);

  it('the funding ledger and the capacity seat register agree with the reporting figures', async () => {
    const rates = await call('funding', 'GET', `/rates?groupBy=township&asOf=${asOf}&fiscalYear=${Y}&countyCode=${county}`, { authorization: finance(), expect: 200 });
    const figuresOf = (f: { allocated: { fen: number }; disbursed: { fen: number }; spent: { fen: number }; disbursementRate: { percent: string }; spendingRate: { percent: string } }) => ({
      allocatedFen: f.allocated.fen,
      disbursedFen: f.disbursed.fen,
      spentFen: f.spent.fen,
      disbursementRate: f.disbursementRate.percent,
      spendingRate: f.spendingRate.percent,
    });
    const expected = (e: typeof EXPECTED.county.funding) => ({
      allocatedFen: e.allocatedFen,
      disbursedFen: e.disbursedFen,
      spentFen: e.spentFen,
      disbursementRate: (e.disbursementRate as { percent: string }).percent,
      spendingRate: (e.spendingRate as { percent: string }).percent,
    });
    expect(figuresOf(rates.body.total)).toEqual(expected(EXPECTED.county.funding));
    expect(rates.body.total.schedulePercent).toBe(EXPECTED.county.funding.schedulePercent);
    const byTownship = Object.fromEntries(rates.body.rows.map((row: { key: string }) => [row.key, figuresOf(row as never)]));
    expect(byTownship).toEqual({ [T1]: expected(EXPECTED.T1.funding), [T2]: expected(EXPECTED.T2.funding) });

    const seats = await call('capacity', 'GET', `/figures?county=${county}&asOf=${asOf}&year=${Y}`, { authorization: planner(), expect: 200 });
    expect(seats.body.county.seats).toMatchObject({
      activeProjects: 3,
      acceptedProjects: 1,
      plannedSeats: 600 + 180 + 90, // active projects only: P1's seats are delivered
      deliveredSeats: 420,
      deliveredInYear: 420,
    });
    const primary = seats.body.county.seats.byLevelAndOwnership.find((c: { level: string; ownership: string }) => c.level === 'primary' && c.ownership === 'public');
    expect(primary).toMatchObject({ deliveredInYear: 420, target: 600, targetSource: 'townships', completionRate: { kind: 'ratio', numerator: 420, denominator: 600 } });
  }, 30_000);

  it('the late project counts in M−1 and in M’s year to date', async () => {
    const previous = await figures(L);
    expect(previous.summary.projects).toEqual({
      total: 1,
      byPhase: { under_construction: 1 },
      startedThisMonth: 1,
      startedYearToDate: 1,
      completedThisMonth: 0,
      completedYearToDate: 0,
      // M−1 is judged in its own year: P4 is planned to start then; the others were not registered yet.
      plannedThisYear: 1,
      startRate: rateOf(1, 1),
      completionRate: rateOf(0, 0),
      overdue: 0,
      stale: 0,
    });
    expect(previous.summary.weightedProgressPercent).toBe('20.0');
    const counted = sameYear ? 1 : 0;
    expect(previous.summary.funding).toMatchObject({
      allocatedFen: counted * fen.A5,
      disbursedFen: counted * fen.D5,
      spentFen: counted * fen.X5,
      spendingRate: sameYear ? { kind: 'rate', percent: '20.0' } : { kind: 'no_denominator' },
    });
    expect(previous.summary.seats).toMatchObject({ plannedSeats: sameYear ? 90 : 0, deliveredSeats: 0 });
    expect(previous.projects.map((p: { code: string }) => p.code)).toEqual([code(4)]);

    const current = await figures(M);
    expect(current.summary.projects.startedYearToDate).toBe(2 + s);
    expect(current.summary.projects.startedThisMonth).toBe(2);
  }, 30_000);

  it('issues the bulletins of M with every figure exact', async () => {
    const trigger = await call('reporting', 'POST', '/bulletins/runs', { authorization: leader(), expect: 202, body: { county, month: M } });
    expect(trigger.body).toMatchObject({ jobId: `run:${county}:${M}`, enqueued: true });
    const run = await waitFor(
      `the ${M} bulletin run`,
      () => call('reporting', 'GET', `/bulletins/runs?county=${county}&month=${M}`, { authorization: leader(), expect: 200 }).then((a) => a.body),
      (state) => state.state === 'completed' || state.state === 'failed',
      90_000,
    );
    expect(run.state).toBe('completed');
    expect(run.result.issued).toHaveLength(3);
    expect(run.result.unchanged).toBe(0);
    expect(run.result.issued.map((b: { scopeCode: string; version: number }) => `${b.scopeCode}:v${b.version}`).sort()).toEqual([`${T1}:v1`, `${T2}:v1`, `${county}:v1`].sort());

    const list = await call('reporting', 'GET', `/bulletins?county=${county}&month=${M}&latest=true`, { authorization: leader(), expect: 200 });
    expect(list.body.total).toBe(3);
    const byScope = Object.fromEntries(list.body.items.map((b: { townshipCode: string | null; kind: string }) => [b.townshipCode ?? 'county', b]));
    expect(Object.keys(byScope).sort()).toEqual([T1, T2, 'county'].sort());
    expect(byScope.county).toMatchObject({ kind: 'county', countyCode: county, month: M, version: 1, changedFigures: 0 });
    countyBulletinId = byScope.county.id;

    const countyDoc = (await call('reporting', 'GET', `/bulletins/${countyBulletinId}/content?format=json`, { authorization: leader(), expect: 200 })).body;
    expect(countyDoc).toMatchObject({ kind: 'county', countyCode: county, townshipCode: null, month: M, asOf, version: 1 });
    expect(countyDoc.summary).toEqual(EXPECTED.county);
    expect(countyDoc.projects).toEqual([1, 2, 3, 4].map((n) => projectRow(n as 1 | 2 | 3 | 4, ids)));
    expect(countyDoc.ranking).toEqual([
      { townshipCode: T1, spendingRate: rateOf(fen.X1 + spentP2, fen.A1 + fen.A2 + fen.A3), weightedProgressPercent: '57.0', deliveredSeats: 420, rankBySpending: 1, rankByProgress: 1, rankBySeats: 1 },
      { townshipCode: T2, spendingRate: rateOf(fen.X5, fen.A4 + fen.A5), weightedProgressPercent: '40.0', deliveredSeats: 0, rankBySpending: 2, rankByProgress: 2, rankBySeats: 2 },
    ]);
    expect(countyDoc.ranking.map((r: { spendingRate: { percent: string } }) => r.spendingRate.percent)).toEqual(['24.4', '15.0']);
    expect(countyDoc.laggards).toEqual({
      overdueProjects: [code(3)],
      staleProjects: [],
      townshipsBehindSchedule: [T1, T2].filter((t) => EXPECTED[t === T1 ? 'T1' : 'T2'].funding.behindSchedule),
    });

    // A township user reads their own township's bulletin.
    const t1Doc = (await call('reporting', 'GET', `/bulletins/township/${T1}/${M}?format=json`, { authorization: bearer('township', [T1]), expect: 200 })).body;
    expect(t1Doc).toMatchObject({ kind: 'township', countyCode: county, townshipCode: T1, month: M, asOf, version: 1 });
    expect(t1Doc.summary).toEqual(EXPECTED.T1);
    expect(t1Doc.projects).toEqual([projectRow(1, ids), projectRow(2, ids)]);
    expect(t1Doc.summary.funding.spendingRate).toEqual({ kind: 'rate', percent: '24.4' });
    expect(t1Doc.summary.seats.completionRate).toEqual({ kind: 'rate', percent: '105.0' });

    const t2Doc = (await call('reporting', 'GET', `/bulletins/township/${T2}/${M}?format=json`, { authorization: leader(), expect: 200 })).body;
    expect(t2Doc.summary).toEqual(EXPECTED.T2);
    expect(t2Doc.projects).toEqual([projectRow(3, ids), projectRow(4, ids)]);
    // …and not another township's.
    const denied = await call('reporting', 'GET', `/bulletins/township/${T2}/${M}?format=json`, { authorization: bearer('township', [T1]) });
    expect(denied.status).toBe(403);

    // Nothing changed since: a second run of the month issues nothing (issued bulletins are immutable).
    await call('reporting', 'POST', '/bulletins/runs', { authorization: leader(), expect: 202, body: { county, month: M } });
    const rerun = await waitFor(
      `the second ${M} bulletin run`,
      () => call('reporting', 'GET', `/bulletins/runs?county=${county}&month=${M}`, { authorization: leader(), expect: 200 }).then((a) => a.body),
      (state) => (state.state === 'completed' || state.state === 'failed') && state.result?.unchanged !== 0,
      60_000,
    );
    expect(rerun).toMatchObject({ state: 'completed', result: { issued: [], unchanged: 3 } });
    const again = await call('reporting', 'GET', `/bulletins?county=${county}&month=${M}`, { authorization: leader(), expect: 200 });
    expect(again.body.total).toBe(3);
  }, 120_000);

  it('renders the county bulletin as HTML and PDF', async () => {
    const html = await call('reporting', 'GET', `/bulletins/${countyBulletinId}/content?format=html`, { authorization: leader(), expect: 200 });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const [year, month] = M.split('-').map(Number);
    expect(html.text).toContain(`${year}年${month}月`);
    expect(html.text).toContain(code(3));

    const pdf = await call('reporting', 'GET', `/bulletins/${countyBulletinId}/content?format=pdf`, { authorization: leader(), expect: 200 });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2000);
  }, 90_000);

  it('a late expenditure dated in M re-issues the affected bulletins as version 2 with the changed figures', async () => {
    const v1 = (await call('reporting', 'GET', `/bulletins/${countyBulletinId}`, { authorization: leader(), expect: 200 })).body;
    const late = yuanToFen('100000.00');
    await money('/expenditures', { projectId: ids.projects.P2, payee: 'E2E 第二建筑公司', voucherNumber: `V-${M}-09`, purpose: '工程进度款（补录）', date: day(M, 28), amount: '100000.00' });
    await waitFor('reporting to count the late expenditure', () => figures(M), (f) => f.summary.funding.spentFen === EXPECTED.county.funding.spentFen + late, 60_000);

    await call('reporting', 'POST', '/bulletins/runs', { authorization: leader(), expect: 202, body: { county, month: M } });
    const run = await waitFor(
      `the ${M} re-issue`,
      () => call('reporting', 'GET', `/bulletins/runs?county=${county}&month=${M}`, { authorization: leader(), expect: 200 }).then((a) => a.body),
      (state) => (state.state === 'completed' || state.state === 'failed') && state.result?.issued?.length > 0,
      60_000,
    );
    expect(run.state).toBe('completed');
    expect(run.result.unchanged).toBe(1); // T2 did not change
    expect(run.result.issued.map((b: { scopeCode: string; version: number }) => `${b.scopeCode}:v${b.version}`).sort()).toEqual([`${T1}:v2`, `${county}:v2`].sort());

    const spentP2v2 = spentP2 + late;
    const t1Spent = fen.X1 + spentP2v2;
    const countySpent = EXPECTED.county.funding.spentFen + late;
    const behind = (spent: number, allocated: number) => funding(allocated, 0, spent, []).behindSchedule;
    const change = (path: string, previous: unknown, current: unknown) => ({ path, previous, current });
    const rateChange = (path: string, before: [number, number], after: [number, number]) => change(path, rateOf(...before), rateOf(...after));
    const projectChanges = [
      rateChange(`projects.${code(2)}.spendingRate`, [spentP2, fen.A3], [spentP2v2, fen.A3]),
      change(`projects.${code(2)}.spentFen`, spentP2, spentP2v2),
    ];
    const behindChange = (before: number, after: number, allocated: number) =>
      behind(before, allocated) === behind(after, allocated) ? [] : [change('summary.funding.behindSchedule', behind(before, allocated), behind(after, allocated))];

    const countyV2 = (await call('reporting', 'GET', `/bulletins?county=${county}&month=${M}&latest=true`, { authorization: leader(), expect: 200 })).body.items.find(
      (b: { kind: string }) => b.kind === 'county',
    );
    expect(countyV2).toMatchObject({ version: 2, changedFigures: expect.any(Number) });
    const countyDoc = (await call('reporting', 'GET', `/bulletins/${countyV2.id}`, { authorization: leader(), expect: 200 })).body;
    const countyAllocated = EXPECTED.county.funding.allocatedFen;
    expect(countyDoc.changes).toEqual([
      ...projectChanges,
      rateChange(`ranking.${T1}.spendingRate`, [fen.X1 + spentP2, fen.A1 + fen.A2 + fen.A3], [t1Spent, fen.A1 + fen.A2 + fen.A3]),
      ...behindChange(EXPECTED.county.funding.spentFen, countySpent, countyAllocated),
      rateChange('summary.funding.bySource.county.spendingRate', [spentP2 + fen.X5, fen.A3 + fen.A5], [spentP2v2 + fen.X5, fen.A3 + fen.A5]),
      change('summary.funding.bySource.county.spentFen', spentP2 + fen.X5, spentP2v2 + fen.X5),
      rateChange('summary.funding.spendingRate', [EXPECTED.county.funding.spentFen, countyAllocated], [countySpent, countyAllocated]),
      change('summary.funding.spentFen', EXPECTED.county.funding.spentFen, countySpent),
    ]);
    expect(countyDoc.document.summary.funding.spendingRate).toEqual({ kind: 'rate', percent: '23.2' });
    expect(countyDoc.changedFigures).toBe(countyDoc.changes.length);

    const t1 = (await call('reporting', 'GET', `/bulletins/township/${T1}/${M}?format=json`, { authorization: leader(), expect: 200 })).body;
    expect(t1.version).toBe(2);
    expect(t1.summary.funding.spendingRate).toEqual({ kind: 'rate', percent: '25.0' });
    expect(t1.changes.map((c: { path: string }) => c.path)).toEqual(
      [
        ...projectChanges.map((c) => c.path),
        ...behindChange(fen.X1 + spentP2, t1Spent, fen.A1 + fen.A2 + fen.A3).map((c) => c.path),
        'summary.funding.bySource.county.spendingRate',
        'summary.funding.bySource.county.spentFen',
        'summary.funding.spendingRate',
        'summary.funding.spentFen',
      ].sort(),
    );

    // Version 1 is immutable: same content hash, same figures.
    const v1Again = (await call('reporting', 'GET', `/bulletins/${countyBulletinId}`, { authorization: leader(), expect: 200 })).body;
    expect(v1Again.contentHash).toBe(v1.contentHash);
    expect(v1Again.document.summary).toEqual(EXPECTED.county);
    passed = true;
  }, 120_000);
});
