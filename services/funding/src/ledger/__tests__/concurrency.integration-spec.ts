import { randomUUID } from 'node:crypto';
import { TestEventProducer, TestService } from '@xiaojian/service-testing';
import { allocate, countsOf, disburse, finance, randomCounty, registerProject, reverse, spend, startFunding } from '../../__tests__/funding-test-kit';

describe('guards under concurrency', () => {
  let service: TestService;
  let producer: TestEventProducer;
  const { county, township } = randomCounty();

  beforeAll(async () => {
    service = await startFunding();
    producer = await TestEventProducer.connect();
  });
  afterAll(async () => {
    await producer?.close();
    await service?.close();
  });

  const ledgerOf = (projectId: string) =>
    service.http().get(`/api/v1/projects/${projectId}/ledger?asOf=2025-12-31`).set('Authorization', finance(county)).expect(200);

  it('lets exactly as many parallel disbursements through as the allocation covers', async () => {
    const p = await registerProject(service, producer, county, township(201));
    const a = await allocate(service, county, { projectId: p.projectId, amount: '1050.00' }).expect(201);

    const responses = await Promise.all(Array.from({ length: 20 }, () => disburse(service, county, { allocationId: a.body.id, amount: '100.00' })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(10).fill(201), ...Array(10).fill(409)]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.body).toMatchObject({ code: 'disbursement-exceeds-allocation', headroom: { fen: 5_000, yuan: '50.00' } });
    }
    const ledger = await ledgerOf(p.projectId);
    expect(ledger.body.balance.disbursed.fen).toBe(100_000);
    expect(ledger.body.allocations[0].undisbursed.fen).toBe(5_000);
    expect(await countsOf(service, p.projectId)).toEqual({ entries: 11, events: 11 });
  });

  it('never spends more than was disbursed when expenditures, disbursements and reversals race', async () => {
    const p = await registerProject(service, producer, county, township(202));
    const a = await allocate(service, county, { projectId: p.projectId, amount: '1000.00' }).expect(201);
    const d = await disburse(service, county, { allocationId: a.body.id, amount: '500.00' }).expect(201);

    const requests = [
      ...Array.from({ length: 12 }, () => spend(service, county, { projectId: p.projectId, amount: '70.00' })),
      reverse(service, county, { originalId: d.body.id, amount: '100.00', date: '2025-04-02' }),
      reverse(service, county, { originalId: d.body.id, amount: '100.00', date: '2025-04-02' }),
    ];
    await Promise.all(requests);
    const ledger = await ledgerOf(p.projectId);
    const { disbursed, spent } = ledger.body.balance;
    expect(spent.fen).toBeLessThanOrEqual(disbursed.fen);
    expect(spent.fen % 7_000).toBe(0);
    expect(spent.fen).toBeGreaterThanOrEqual(30 * 100 * 7); // at least 3 × 70 fits after both reversals
    // The final state is exactly one of the serial outcomes: nothing beyond the last 70 yuan was left on the table.
    expect(disbursed.fen - spent.fen).toBeLessThan(7_000);
  });

  it('writes once when the same key races on two projects with different bodies', async () => {
    const p1 = await registerProject(service, producer, county, township(203));
    const p2 = await registerProject(service, producer, county, township(204));
    const key = randomUUID();
    const responses = await Promise.all([
      allocate(service, county, { projectId: p1.projectId, amount: '10.00' }, key),
      allocate(service, county, { projectId: p2.projectId, amount: '10.00' }, key),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(responses.find((r) => r.status === 422)!.body.code).toBe('idempotency-key-reused');
    const written = (await countsOf(service, p1.projectId)).entries + (await countsOf(service, p2.projectId)).entries;
    expect(written).toBe(1);
  });
});
