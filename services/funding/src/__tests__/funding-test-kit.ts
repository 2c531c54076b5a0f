import { randomInt, randomUUID } from 'node:crypto';
import { EventData, Events } from '@xiaojian/contracts';
import { bearer } from '@xiaojian/platform';
import { eventually, startTestService, TestEventProducer, TestService } from '@xiaojian/service-testing';
import { AppModule, FUNDING_SERVICE } from '../app.module';
import { fundingConfigSchema } from '../config';
import { fundingDatabase } from '../database/database';

export function startFunding(): Promise<TestService> {
  return startTestService({
    service: 'funding',
    configSchema: fundingConfigSchema,
    createModule: AppModule.forRoot,
    database: fundingDatabase,
    swagger: FUNDING_SERVICE,
  });
}

/** A random county (so parallel test files and earlier runs never share divisions) with townships. */
export function randomCounty() {
  const county = `3${String(randomInt(0, 100_000)).padStart(5, '0')}`;
  return { county, township: (n: number) => `${county}${String(n).padStart(3, '0')}` };
}

export function registration(countyCode: string, townshipCode: string, overrides: Partial<EventData<typeof Events.ProjectRegisteredV1>> = {}):
EventData<typeof Events.ProjectRegisteredV1> {
  const projectId = randomUUID();
  return {
    projectId,
    code: `XJ-${projectId.slice(0, 8)}`,
    kind: 'expansion',
    schoolCode: `S-${projectId.slice(0, 6)}`,
    schoolName: '城关第二小学',
    schoolLevel: 'primary',
    ownership: 'public',
    countyCode,
    townshipCode,
    name: '城关第二小学改扩建工程',
    plannedInvestmentFen: 1_000_000_000,
    plannedFloorArea: 5000,
    plannedSeats: 900,
    plannedStartDate: '2025-03-01',
    plannedCompletionDate: '2026-08-31',
    programmeYear: 2025,
    programmeName: '薄弱学校改造',
    plannedMilestones: {},
    phase: 'approved',
    registeredOn: '2025-01-05',
    registeredBy: 'planner-1',
    ...overrides,
  };
}

export const finance = (county: string, sub = 'finance-1') => bearer('finance', [county], { sub });

/** Publishes a registration and waits until funding knows the project (its ledger answers). */
export async function registerProject(service: TestService, producer: TestEventProducer, countyCode: string, townshipCode: string,
  overrides: Partial<EventData<typeof Events.ProjectRegisteredV1>> = {}): Promise<EventData<typeof Events.ProjectRegisteredV1>> {
  const data = registration(countyCode, townshipCode, overrides);
  await producer.publish(Events.ProjectRegisteredV1, data);
  await eventually(
    () => service.http().get(`/api/v1/projects/${data.projectId}/ledger`).set('Authorization', finance(countyCode)).then((r) => r.status),
    (status) => status === 200,
  );
  return data;
}

export function allocate(service: TestService, county: string, body: Record<string, unknown>, key?: string) {
  const req = service.http().post('/api/v1/allocations').set('Authorization', finance(county));
  if (key) req.set('Idempotency-Key', key);
  return req.send({ source: 'central', fiscalYear: 2025, documentNumber: '赣财教〔2025〕1号', date: '2025-02-01', ...body });
}

export function disburse(service: TestService, county: string, body: Record<string, unknown>, key?: string) {
  const req = service.http().post('/api/v1/disbursements').set('Authorization', finance(county));
  if (key) req.set('Idempotency-Key', key);
  return req.send({ date: '2025-03-01', ...body });
}

export function spend(service: TestService, county: string, body: Record<string, unknown>, key?: string) {
  const req = service.http().post('/api/v1/expenditures').set('Authorization', finance(county));
  if (key) req.set('Idempotency-Key', key);
  return req.send({ payee: '县第一建筑公司', voucherNumber: `记-${randomInt(1, 1_000_000)}`, purpose: '工程进度款', date: '2025-04-01', ...body });
}

export function reverse(service: TestService, county: string, body: Record<string, unknown>, key?: string) {
  const req = service.http().post('/api/v1/reversals').set('Authorization', finance(county));
  if (key) req.set('Idempotency-Key', key);
  return req.send({ reason: '金额录入错误', date: '2025-05-01', ...body });
}

/** Counts of this service's rows for one project (ledger entries and outbox events). */
export async function countsOf(service: TestService, projectId: string): Promise<{ entries: number; events: number }> {
  const [{ entries }] = await service.dataSource.query('SELECT count(*)::int AS entries FROM ledger_entry WHERE project_id = $1', [projectId]);
  const [{ events }] = await service.dataSource.query(
    "SELECT count(*)::int AS events FROM outbox_event WHERE payload->>'projectId' = $1 AND event_type LIKE 'cn.xiaojian.funding.%'", [projectId]);
  return { entries, events };
}
