import { Workbook } from 'exceljs';
import { bearer } from '@xiaojian/platform';
import { TestEventProducer, TestService } from '@xiaojian/service-testing';
import { allocate, disburse, finance, randomCounty, registerProject, spend, startFunding } from '../../__tests__/funding-test-kit';

describe('reading the ledger: lists, rates, scoping, export', () => {
  let service: TestService;
  let producer: TestEventProducer;
  const { county, township } = randomCounty();
  const [T1, T2] = [township(301), township(302)];
  let p1: { projectId: string; code: string };
  let p2: { projectId: string; code: string };
  let empty: { projectId: string; code: string };
  let allocation1: string;

  beforeAll(async () => {
    service = await startFunding();
    producer = await TestEventProducer.connect();
    p1 = await registerProject(service, producer, county, T1);
    p2 = await registerProject(service, producer, county, T2);
    empty = await registerProject(service, producer, county, T2);
    // p1: 1000 central (2025) + 500 county (2025); 900 disbursed; 450 spent.
    allocation1 = (await allocate(service, county, { projectId: p1.projectId, amount: '1000.00', source: 'central', date: '2025-01-10' }).expect(201)).body.id;
    const a2 = (await allocate(service, county, { projectId: p1.projectId, amount: '500.00', source: 'county', date: '2025-01-20' }).expect(201)).body.id;
    await disburse(service, county, { allocationId: allocation1, amount: '600.00', date: '2025-02-01' }).expect(201);
    await disburse(service, county, { allocationId: a2, amount: '300.00', date: '2025-02-02' }).expect(201);
    await spend(service, county, { projectId: p1.projectId, amount: '450.00', date: '2025-03-01' }).expect(201);
    // p2: 200 provincial, fully disbursed and spent.
    const a3 = (await allocate(service, county, { projectId: p2.projectId, amount: '200.00', source: 'provincial', date: '2025-01-15' }).expect(201)).body.id;
    await disburse(service, county, { allocationId: a3, amount: '200.00', date: '2025-02-01' }).expect(201);
    await spend(service, county, { projectId: p2.projectId, amount: '200.00', date: '2025-03-01' }).expect(201);
  });
  afterAll(async () => {
    await producer?.close();
    await service?.close();
  });

  const get = (path: string, auth = finance(county)) => service.http().get(`/api/v1${path}`).set('Authorization', auth);

  it('lists entries with filters and pagination', async () => {
    const all = await get(`/ledger-entries?countyCode=${county}&pageSize=3&sort=date`).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 3, total: 8 });
    expect(all.body.items.map((e: { date: string }) => e.date)).toEqual(['2025-01-10', '2025-01-15', '2025-01-20']);
    const page3 = await get(`/ledger-entries?countyCode=${county}&pageSize=3&page=3&sort=date`).expect(200);
    expect(page3.body.items.map((e: { kind: string }) => e.kind)).toEqual(['expenditure', 'expenditure']);
    const newestFirst = await get(`/ledger-entries?countyCode=${county}&pageSize=1`).expect(200);
    expect(newestFirst.body.items[0]).toMatchObject({ kind: 'expenditure', projectId: p2.projectId }); // default sort: -date, then newest

    const allocations = await get(`/allocations?projectId=${p1.projectId}`).expect(200);
    expect(allocations.body.items.map((e: { amount: string }) => e.amount).sort()).toEqual(['1000.00', '500.00']);
    const central = await get(`/ledger-entries?townshipCode=${T1}&source=central`).expect(200);
    // The 450 spent is attributed first in, first out: to the central money disbursed first.
    expect(central.body.items.map((e: { kind: string }) => e.kind).sort()).toEqual(['allocation', 'disbursement', 'expenditure']);
    const march = await get(`/expenditures?countyCode=${county}&dateFrom=2025-03-01&dateTo=2025-03-31&fiscalYear=2025`).expect(200);
    expect(march.body.total).toBe(2);
    const bad = await get('/ledger-entries?kind=refund');
    expect(bad.status).toBe(400);
  });

  it('reports rates per project, with "no allocation" instead of 0 % or NaN', async () => {
    const res = await get(`/rates?groupBy=project&asOf=2025-06-30&countyCode=${county}`).expect(200);
    const row = (id: string) => res.body.rows.find((r: { key: string }) => r.key === id);
    expect(row(p1.projectId)).toMatchObject({
      label: expect.stringContaining(p1.code),
      allocated: { fen: 150_000, yuan: '1500.00', wanYuan: '0.15' },
      disbursed: { fen: 90_000 },
      spent: { fen: 45_000 },
      disbursementRate: { kind: 'rate', percent: '60.0' },
      spendingRate: { kind: 'rate', percent: '30.0' },
      schedulePercent: '49.6', // 181 of 365 days
      behindSchedule: true,
      gapPoints: '19.6',
    });
    expect(row(p2.projectId)).toMatchObject({ spendingRate: { kind: 'rate', percent: '100.0' }, behindSchedule: false, gapPoints: null });
    expect(row(empty.projectId)).toMatchObject({
      allocated: { fen: 0 },
      disbursementRate: { kind: 'no_denominator', percent: null, label: '无下达资金' },
      spendingRate: { kind: 'no_denominator', label: '无下达资金' },
      behindSchedule: false,
    });
    expect(res.body.total).toMatchObject({ allocated: { fen: 170_000 }, spent: { fen: 65_000 } });
  });

  it('reports rates by township, county, source and fiscal year, as of a date', async () => {
    const byTownship = await get(`/rates?groupBy=township&asOf=2025-06-30&countyCode=${county}`).expect(200);
    expect(byTownship.body.rows.map((r: { key: string; spent: { fen: number } }) => [r.key, r.spent.fen])).toEqual([[T1, 45_000], [T2, 20_000]]);
    const byCounty = await get(`/rates?groupBy=county&asOf=2025-06-30&countyCode=${county}`).expect(200);
    expect(byCounty.body.rows).toEqual([expect.objectContaining({ key: county, allocated: expect.objectContaining({ fen: 170_000 }) })]);
    const bySource = await get(`/rates?groupBy=source&asOf=2025-06-30&countyCode=${county}`).expect(200);
    expect(bySource.body.rows.map((r: { label: string; spent: { fen: number } }) => [r.label, r.spent.fen])).toEqual([
      ['中央', 45_000], ['县级', 0], ['省级', 20_000],
    ]);
    const early = await get(`/rates?groupBy=fiscalYear&asOf=2025-01-31&countyCode=${county}`).expect(200);
    expect(early.body.rows).toEqual([expect.objectContaining({ key: '2025', label: '2025年度', allocated: expect.objectContaining({ fen: 170_000 }),
      disbursed: expect.objectContaining({ fen: 0 }) })]);
    await get('/rates?groupBy=school').expect(400);
  });

  it('shows township users only their township', async () => {
    const t1 = bearer('township', [T1]);
    const list = await get('/ledger-entries?pageSize=200', t1).expect(200);
    expect(list.body.total).toBe(5);
    expect(list.body.items.every((e: { townshipCode: string }) => e.townshipCode === T1)).toBe(true);
    const rates = await get('/rates?groupBy=township&asOf=2025-06-30', t1).expect(200);
    expect(rates.body.rows.map((r: { key: string }) => r.key)).toEqual([T1]);
    const other = await get(`/projects/${p2.projectId}/ledger`, t1);
    expect(other.status).toBe(403);
    await get(`/projects/${p1.projectId}/ledger`, t1).expect(200);
    const leader = await get('/rates?groupBy=county&asOf=2025-06-30', bearer('leader', [county])).expect(200);
    expect(leader.body.rows.map((r: { key: string }) => r.key)).toEqual([county]);
    const stranger = await get('/ledger-entries', bearer('leader', [randomCounty().county])).expect(200);
    expect(stranger.body.items.filter((e: { countyCode: string }) => e.countyCode === county)).toEqual([]);
  });

  it('gives a project ledger with balances per allocation', async () => {
    const res = await get(`/projects/${p1.projectId}/ledger?asOf=2025-06-30`).expect(200);
    expect(res.body.balance).toMatchObject({ allocated: { yuan: '1500.00' }, disbursed: { yuan: '900.00' }, spent: { yuan: '450.00' },
      undisbursed: { yuan: '600.00' }, unspent: { yuan: '450.00' } });
    expect(res.body.allocations.map((a: { sourceLabel: string; undisbursed: { fen: number } }) => [a.sourceLabel, a.undisbursed.fen]))
      .toEqual([['中央', 40_000], ['县级', 20_000]]);
    expect(res.body.rates.spendingRate.percent).toBe('30.0');
    const before = await get(`/projects/${p1.projectId}/ledger?asOf=2025-01-15`).expect(200);
    expect(before.body.balance.allocated.fen).toBe(100_000);
  });

  it('exports the ledger to .xlsx with Chinese headers and 万元', async () => {
    const res = await get(`/projects/${p1.projectId}/ledger.xlsx?asOf=2025-06-30`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('资金台账'));
    const workbook = new Workbook();
    await workbook.xlsx.load(res.body as never);
    const summary = workbook.getWorksheet('汇总')!;
    const summaryValues = new Map<string, unknown>();
    summary.eachRow((row) => summaryValues.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summaryValues.get('下达资金（万元）')).toBe(0.15);
    expect(summaryValues.get('支出率')).toBe('30.0%');
    const sheet = workbook.getWorksheet('明细')!;
    expect(sheet.getRow(1).getCell(9).value).toBe('金额（万元）');
    expect(sheet.getRow(1).getCell(3).value).toBe('类型');
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(2).getCell(3).value).toBe('下达');
    expect(sheet.getRow(2).getCell(10).value).toBe('1000.00');
  });
});
