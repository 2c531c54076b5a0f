import { randomUUID } from 'node:crypto';
import { Events } from '@xiaojian/contracts';
import { bearer } from '@xiaojian/platform';
import { eventually, outboxEvents, TestEventProducer, TestService } from '@xiaojian/service-testing';
import {
  allocate, countsOf, disburse, finance, randomCounty, registerProject, registration, reverse, spend, startFunding,
} from '../../__tests__/funding-test-kit';

describe('funding ledger on real PostgreSQL and the broker', () => {
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

  describe('projects known only from events', () => {
    it('refuses money for a project before its registration event, and accepts it after', async () => {
      const data = registration(county, township(101));
      const before = await allocate(service, county, { projectId: data.projectId, amount: '100.00' });
      expect(before.status).toBe(422);
      expect(before.body).toMatchObject({ code: 'project-unknown', projectId: data.projectId });
      expect(before.body.title).toBe('项目不存在');
      expect(before.headers['content-type']).toContain('application/problem+json');

      await producer.publish(Events.ProjectRegisteredV1, data);
      const accepted = await eventually(
        () => allocate(service, county, { projectId: data.projectId, amount: '100.00' }),
        (res) => res.status === 201,
      );
      expect(accepted.body).toMatchObject({
        kind: 'allocation', projectId: data.projectId, projectCode: data.code, townshipCode: township(101), countyCode: county,
        amount: '100.00', amountFen: 10_000, source: 'central', sourceLabel: '中央', warnings: [],
      });
      const rows = await service.dataSource.query('SELECT code, name, township_code, cancelled FROM funding_project WHERE id = $1', [data.projectId]);
      expect(rows).toEqual([{ code: data.code, name: data.name, township_code: township(101), cancelled: false }]);
    });

    it('keeps the name current from planned-figures changes, and never moves the township', async () => {
      const p = await registerProject(service, producer, county, township(102));
      const { projectId, code: _c, kind: _k, schoolCode: _s, schoolName: _n, schoolLevel: _l, ownership: _o, phase: _p,
        registeredOn: _r, registeredBy: _b, ...figures } = p;
      await producer.publish(Events.ProjectPlannedFiguresChangedV1, {
        ...figures, projectId, townshipCode: township(103), name: '城关第二小学改扩建工程（二期）', changedFields: ['name'], changedBy: 'planner-1',
      });
      const project = await eventually(
        () => service.http().get(`/api/v1/projects/${projectId}/ledger`).set('Authorization', finance(county)).then((r) => r.body.project),
        (pr) => pr?.name === '城关第二小学改扩建工程（二期）',
      );
      expect(project.townshipCode).toBe(township(102));
    });

    it('refuses allocation and disbursement on a cancelled project but records expenditure with a warning', async () => {
      const p = await registerProject(service, producer, county, township(104));
      const allocation = await allocate(service, county, { projectId: p.projectId, amount: '1000.00' }).expect(201);
      await disburse(service, county, { allocationId: allocation.body.id, amount: '600.00' }).expect(201);

      await producer.publish(Events.ProjectCancelledV1, {
        projectId: p.projectId, countyCode: county, townshipCode: township(104), fromPhase: 'approved', businessDate: '2025-03-15',
        reason: '学校撤并', actor: 'planner-1',
      });
      await eventually(
        () => service.http().get(`/api/v1/projects/${p.projectId}/ledger`).set('Authorization', finance(county)).then((r) => r.body.project),
        (pr) => pr?.cancelled === true,
      );

      const refusedDisbursement = await disburse(service, county, { allocationId: allocation.body.id, amount: '100.00' });
      expect(refusedDisbursement.status).toBe(409);
      expect(refusedDisbursement.body).toMatchObject({ code: 'project-cancelled', title: '项目已取消' });
      const refusedAllocation = await allocate(service, county, { projectId: p.projectId, amount: '1.00' });
      expect(refusedAllocation.status).toBe(409);

      const spent = await spend(service, county, { projectId: p.projectId, amount: '250.00' }).expect(201);
      expect(spent.body.warnings).toEqual([expect.objectContaining({ code: 'project.cancelled', message: expect.stringContaining('项目已取消') })]);
      expect(await countsOf(service, p.projectId)).toEqual({ entries: 3, events: 3 });
    });
    it('keeps a cancellation that arrives before the registration, and fills in the project later', async () => {
      const data = registration(county, township(105));
      await producer.publish(Events.ProjectCancelledV1, {
        projectId: data.projectId, countyCode: county, townshipCode: township(105), fromPhase: 'approved', businessDate: '2025-02-01',
        reason: '重复立项', actor: 'planner-1',
      });
      await eventually(
        () => service.dataSource.query('SELECT cancelled FROM funding_project WHERE id = $1', [data.projectId]),
        (rows: unknown[]) => rows.length === 1,
      );
      await producer.publish(Events.ProjectRegisteredV1, data);
      const rows = await eventually(
        () => service.dataSource.query('SELECT code, cancelled FROM funding_project WHERE id = $1', [data.projectId]),
        (r: Array<{ code: string }>) => r[0]?.code === data.code,
      );
      expect(rows).toEqual([{ code: data.code, cancelled: true }]);
      const refused = await allocate(service, county, { projectId: data.projectId, amount: '1.00' });
      expect(refused.status).toBe(409);
    });
  });

  describe('guards', () => {
    it('refuses a disbursement above the allocation with the headroom, and writes nothing', async () => {
      const p = await registerProject(service, producer, county, township(110));
      const a = await allocate(service, county, { projectId: p.projectId, amount: '1000.00' }).expect(201);
      await disburse(service, county, { allocationId: a.body.id, amount: '999.99' }).expect(201);
      const refused = await disburse(service, county, { allocationId: a.body.id, amount: '0.02' });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'disbursement-exceeds-allocation', headroom: { fen: 1, yuan: '0.01' } });
      expect(refused.body.detail).toContain('0.01 元');
      expect(await countsOf(service, p.projectId)).toEqual({ entries: 2, events: 2 });
    });

    it('refuses spending above what was disbursed to the project', async () => {
      const p = await registerProject(service, producer, county, township(111));
      const a = await allocate(service, county, { projectId: p.projectId, amount: '500.00' }).expect(201);
      await disburse(service, county, { allocationId: a.body.id, amount: '300.00' }).expect(201);
      await spend(service, county, { projectId: p.projectId, amount: '200.00' }).expect(201);
      const refused = await spend(service, county, { projectId: p.projectId, amount: '100.01' });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'expenditure-exceeds-disbursed', headroom: { fen: 10_000, yuan: '100.00' } });
    });

    it('validates amounts exactly: strings with at most two decimals, positive, not absurd', async () => {
      const p = await registerProject(service, producer, county, township(112));
      for (const amount of ['1.001', '-5.00', '0', '0.00', '1e5', 100, '20000000000.00', '1,000.00']) {
        const res = await allocate(service, county, { projectId: p.projectId, amount });
        expect([amount, res.status]).toEqual([amount, 400]);
        expect(res.body.errors?.[0]?.field).toBe('amount');
      }
      const future = await allocate(service, county, { projectId: p.projectId, amount: '1.00', date: '2999-01-01' });
      expect(future.status).toBe(400);
      expect(await countsOf(service, p.projectId)).toEqual({ entries: 0, events: 0 });
    });

    it('lets only finance of the project county write', async () => {
      const p = await registerProject(service, producer, county, township(113));
      const body = { projectId: p.projectId, source: 'central', fiscalYear: 2025, documentNumber: 'X', date: '2025-02-01', amount: '1.00' };
      await service.http().post('/api/v1/allocations').set('Authorization', bearer('planner', [county])).send(body).expect(403);
      await service.http().post('/api/v1/allocations').set('Authorization', bearer('township', [township(113)])).send(body).expect(403);
      const otherCounty = await service.http().post('/api/v1/allocations').set('Authorization', finance(randomCounty().county)).send(body);
      expect(otherCounty.status).toBe(403);
      expect(otherCounty.body.code).toBe('out-of-jurisdiction');
      expect(await countsOf(service, p.projectId)).toEqual({ entries: 0, events: 0 });
    });
  });

  describe('reversals', () => {
    it('corrects entries, and refuses a reversal that would leave disbursed below spent', async () => {
      const p = await registerProject(service, producer, county, township(120));
      const a = await allocate(service, county, { projectId: p.projectId, amount: '1000.00' }).expect(201);
      const d = await disburse(service, county, { allocationId: a.body.id, amount: '800.00' }).expect(201);
      const e = await spend(service, county, { projectId: p.projectId, amount: '500.00' }).expect(201);

      const tooMuch = await reverse(service, county, { originalId: d.body.id, amount: '300.01' });
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body).toMatchObject({ code: 'reversal-disbursed-below-spent', headroom: { fen: 30_000, yuan: '300.00' } });

      const allocationTooMuch = await reverse(service, county, { originalId: a.body.id, amount: '200.01' });
      expect(allocationTooMuch.body).toMatchObject({ code: 'reversal-allocated-below-disbursed', headroom: { fen: 20_000 } });

      const r1 = await reverse(service, county, { originalId: d.body.id, amount: '300.00' }).expect(201);
      expect(r1.body).toMatchObject({ kind: 'reversal', originalId: d.body.id, originalKind: 'disbursement', amount: '300.00' });
      await reverse(service, county, { originalId: e.body.id, amount: '100.00' }).expect(201);

      const reversalOfReversal = await reverse(service, county, { originalId: r1.body.id, amount: '1.00' });
      expect(reversalOfReversal.status).toBe(422);
      expect(reversalOfReversal.body.code).toBe('reversal-of-reversal');
      await reverse(service, county, { originalId: randomUUID(), amount: '1.00' }).expect(422);

      const ledger = await service.http().get(`/api/v1/projects/${p.projectId}/ledger?asOf=2025-12-31`)
        .set('Authorization', finance(county)).expect(200);
      expect(ledger.body.balance).toMatchObject({
        allocated: { fen: 100_000 }, disbursed: { fen: 50_000 }, spent: { fen: 40_000 }, undisbursed: { fen: 50_000 }, unspent: { fen: 10_000 },
      });
      expect(ledger.body.entries).toHaveLength(5);
      // The ledger is append-only, down to the database.
      await expect(service.dataSource.query('UPDATE ledger_entry SET amount_fen = 1 WHERE id = $1', [a.body.id])).rejects.toThrow(/append-only/);
      await expect(service.dataSource.query('DELETE FROM ledger_entry WHERE id = $1', [a.body.id])).rejects.toThrow(/append-only/);
    });
  });

  describe('idempotency keys', () => {
    it('returns the first result for a retry and writes nothing new', async () => {
      const p = await registerProject(service, producer, county, township(130));
      const key = randomUUID();
      const first = await allocate(service, county, { projectId: p.projectId, amount: '700.00' }, key).expect(201);
      const retry = await allocate(service, county, { projectId: p.projectId, amount: '700.00' }, key).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(await countsOf(service, p.projectId)).toEqual({ entries: 1, events: 1 });

      const different = await allocate(service, county, { projectId: p.projectId, amount: '700.01' }, key);
      expect(different.status).toBe(422);
      expect(different.body).toMatchObject({ code: 'idempotency-key-reused', title: '幂等键已被其他请求使用' });
      const otherOperation = await spend(service, county, { projectId: p.projectId, amount: '1.00' }, key);
      expect(otherOperation.status).toBe(422);
      expect(await countsOf(service, p.projectId)).toEqual({ entries: 1, events: 1 });

      // The key belongs to its user: another finance user may use the same string.
      const other = await service.http().post('/api/v1/allocations').set('Authorization', finance(county, 'finance-2'))
        .set('Idempotency-Key', key)
        .send({ projectId: p.projectId, source: 'central', fiscalYear: 2025, documentNumber: '赣财教〔2025〕1号', date: '2025-02-01', amount: '700.00' });
      expect(other.status).toBe(201);
      expect(other.body.id).not.toBe(first.body.id);
      expect(other.body.warnings.map((w: { code: string }) => w.code)).toEqual(['allocation.possible_duplicate']);
    });

    it('does not double-write concurrent duplicates', async () => {
      const p = await registerProject(service, producer, county, township(131));
      const a = await allocate(service, county, { projectId: p.projectId, amount: '100.00' }).expect(201);
      const key = randomUUID();
      const responses = await Promise.all(Array.from({ length: 8 }, () => disburse(service, county, { allocationId: a.body.id, amount: '60.00' }, key)));
      expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(await countsOf(service, p.projectId)).toEqual({ entries: 2, events: 2 });
    });

    it('refuses a malformed key', async () => {
      const p = await registerProject(service, producer, county, township(132));
      const res = await allocate(service, county, { projectId: p.projectId, amount: '1.00' }, 'x'.repeat(201));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid-idempotency-key');
    });
  });

  describe('events through the outbox', () => {
    it('announces every entry with project, jurisdiction, source, fiscal year, date and amount', async () => {
      const p = await registerProject(service, producer, county, township(140));
      const a = await allocate(service, county, { projectId: p.projectId, amount: '1000.00', source: 'special_bond', fiscalYear: 2024 }).expect(201);
      const d = await disburse(service, county, { allocationId: a.body.id, amount: '400.00' }).expect(201);
      const e = await spend(service, county, { projectId: p.projectId, amount: '150.50', voucherNumber: '记-77' }).expect(201);
      const r = await reverse(service, county, { originalId: e.body.id, amount: '0.50' }).expect(201);

      const mine = (await outboxEvents(service.dataSource)).filter((ev) => ev.data.projectId === p.projectId);
      expect(mine.map((ev) => ev.type)).toEqual([
        Events.AllocationRecordedV1.type, Events.DisbursementRecordedV1.type, Events.ExpenditureRecordedV1.type, Events.EntryReversedV1.type,
      ]);
      const common = { projectId: p.projectId, countyCode: county, townshipCode: township(140), source: 'special_bond', fiscalYear: 2024, recordedBy: 'finance-1' };
      expect(mine[0].data).toEqual({ ...common, entryId: a.body.id, date: '2025-02-01', amountFen: 100_000, documentNumber: '赣财教〔2025〕1号' });
      expect(mine[1].data).toEqual({ ...common, entryId: d.body.id, date: '2025-03-01', amountFen: 40_000, allocationId: a.body.id });
      expect(mine[2].data).toEqual({ ...common, entryId: e.body.id, date: '2025-04-01', amountFen: 15_050, disbursementId: null,
        payee: '县第一建筑公司', voucherNumber: '记-77', purpose: '工程进度款' });
      expect(mine[3].data).toEqual({ ...common, entryId: r.body.id, date: '2025-05-01', amountFen: 50, originalEntryId: e.body.id,
        originalKind: 'expenditure', reason: '金额录入错误' });
      expect(mine.every((ev) => ev.subject === p.projectId)).toBe(true);
    });
  });
});
