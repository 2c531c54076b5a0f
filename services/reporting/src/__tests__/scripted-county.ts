import { randomInt, randomUUID } from 'node:crypto';
import { CloudEvent, EventData, Events } from '@xiaojian/contracts';
import { TestEventProducer } from '@xiaojian/service-testing';

/**
 * A small county, scripted as the projects, funding and capacity services would announce it.
 * Random division codes and ids: Kafka topics are shared by every test file of a run.
 */
export function scriptedCounty() {
  const county = `3${String(randomInt(0, 100000)).padStart(5, '0')}`;
  const t1 = `${county}101`;
  const t2 = `${county}102`;
  const p1 = randomUUID();
  const p2 = randomUUID();
  const p3 = randomUUID();
  const suffix = county.slice(1);
  return { county, t1, t2, p1, p2, p3, codes: { p1: `XJ-${suffix}-001`, p2: `XJ-${suffix}-002`, p3: `XJ-${suffix}-003` } };
}
export type ScriptedCounty = ReturnType<typeof scriptedCounty>;

const planned = (overrides: Partial<EventData<typeof Events.ProjectRegisteredV1>>) => ({
  plannedFloorArea: 1200,
  programmeYear: 2025,
  programmeName: '2025 年义务教育薄弱环节改善',
  plannedMilestones: {},
  ...overrides,
});

/** Publishes the scripted year; returns the events a test refers to. The late expenditure is separate. */
export async function publishScriptedCounty(producer: TestEventProducer, s: ScriptedCounty) {
  const j1 = { countyCode: s.county, townshipCode: s.t1 };
  const j2 = { countyCode: s.county, townshipCode: s.t2 };
  const register = (projectId: string, code: string, j: typeof j1, o: Partial<EventData<typeof Events.ProjectRegisteredV1>>) =>
    producer.publish(Events.ProjectRegisteredV1, {
      projectId, code, kind: 'expansion', schoolCode: `S-${code}`, schoolName: `${code} 学校`, schoolLevel: 'primary', ownership: 'public', ...j,
      name: `${code} 扩建工程`, plannedInvestmentFen: 10_000_000, plannedSeats: 0, plannedStartDate: '2025-03-01', plannedCompletionDate: '2025-12-31',
      phase: 'approved', registeredOn: '2025-01-10', registeredBy: 'planner-1', ...planned(o),
    } as EventData<typeof Events.ProjectRegisteredV1>);
  const phase = (projectId: string, j: typeof j1, from: string, to: string, businessDate: string) =>
    producer.publish(Events.ProjectPhaseChangedV1, { projectId, ...j, from, to, businessDate, actor: 'planner-1' } as EventData<typeof Events.ProjectPhaseChangedV1>);
  const progress = (projectId: string, j: typeof j1, month: string, percent: number, reportedOn: string) =>
    producer.publish(Events.ProjectProgressReportedV1, { projectId, ...j, month, percent, previousPercent: null, narrative: '主体施工', correction: false, reportedOn, reportedBy: 'planner-1' });
  const ledger = { recordedBy: 'finance-1', fiscalYear: 2025 };

  const r1 = await register(s.p1, s.codes.p1, j1, { plannedSeats: 450, plannedMilestones: { under_construction: '2025-03-01', completed: '2025-12-31' } });
  await phase(s.p1, j1, 'approved', 'preparation', '2025-01-20');
  await phase(s.p1, j1, 'preparation', 'tendering', '2025-02-10');
  await phase(s.p1, j1, 'tendering', 'under_construction', '2025-03-05');
  await producer.publish(Events.ProjectMilestoneReachedV1, { projectId: s.p1, ...j1, phase: 'under_construction', plannedDate: '2025-03-01', actualDate: '2025-03-05' });
  await progress(s.p1, j1, '2025-09', 60, '2025-09-28');
  await progress(s.p1, j1, '2025-10', 70, '2025-10-29');

  const r2 = await register(s.p2, s.codes.p2, j1, {
    schoolLevel: 'junior', registeredOn: '2025-02-01', plannedInvestmentFen: 30_000_000, plannedSeats: 300, plannedStartDate: '2025-06-01', plannedCompletionDate: '2025-10-15',
  } as never);
  await phase(s.p2, j1, 'approved', 'under_construction', '2025-06-10');
  await progress(s.p2, j1, '2025-08', 90, '2025-08-30');
  await phase(s.p2, j1, 'under_construction', 'completed', '2025-10-12');
  await progress(s.p2, j1, '2025-10', 100, '2025-10-20');
  await producer.publish(Events.ProjectAcceptedV1, {
    projectId: s.p2, ...j1, schoolCode: `S-${s.codes.p2}`, schoolLevel: 'junior', ownership: 'public', acceptanceDate: '2025-10-25', deliveredSeats: 300,
    deliveredFloorArea: 3000, finalCostFen: 29_000_000, actor: 'planner-1',
  });

  const r3 = await register(s.p3, s.codes.p3, j2, { schoolLevel: 'kindergarten', registeredOn: '2025-03-01', plannedInvestmentFen: 20_000_000, plannedStartDate: '2025-08-01', plannedCompletionDate: '2026-06-30' } as never);

  const a1 = await producer.publish(Events.AllocationRecordedV1, { entryId: randomUUID(), projectId: s.p1, ...j1, source: 'central', ...ledger, date: '2025-02-01', amountFen: 1_000_000, documentNumber: '财教〔2025〕1号' });
  // The same allocation delivered a second time (a redelivery): counted once.
  await producer.send(Events.AllocationRecordedV1, [a1]);
  const d1 = await producer.publish(Events.DisbursementRecordedV1, { entryId: randomUUID(), projectId: s.p1, ...j1, source: 'central', ...ledger, date: '2025-04-01', amountFen: 800_000, allocationId: a1.data.entryId });
  await producer.publish(Events.ExpenditureRecordedV1, {
    entryId: randomUUID(), projectId: s.p1, ...j1, source: 'central', ...ledger, date: '2025-10-20', amountFen: 600_000, disbursementId: d1.data.entryId,
    payee: '某建筑公司', voucherNumber: 'V-1', purpose: '进度款',
  });
  const a3 = await producer.publish(Events.AllocationRecordedV1, { entryId: randomUUID(), projectId: s.p2, ...j1, source: 'provincial', ...ledger, date: '2025-05-01', amountFen: 2_000_000, documentNumber: '财教〔2025〕2号' });
  const d2 = await producer.publish(Events.DisbursementRecordedV1, { entryId: randomUUID(), projectId: s.p2, ...j1, source: 'provincial', ...ledger, date: '2025-06-01', amountFen: 2_000_000, allocationId: a3.data.entryId });
  const x3 = await producer.publish(Events.ExpenditureRecordedV1, {
    entryId: randomUUID(), projectId: s.p2, ...j1, source: 'provincial', ...ledger, date: '2025-09-01', amountFen: 1_500_000, disbursementId: d2.data.entryId,
    payee: '某建筑公司', voucherNumber: 'V-2', purpose: '进度款',
  });
  await producer.publish(Events.EntryReversedV1, {
    entryId: randomUUID(), projectId: s.p2, ...j1, source: 'provincial', ...ledger, date: '2025-10-10', amountFen: 200_000, originalEntryId: x3.data.entryId,
    originalKind: 'expenditure', reason: '发票金额更正',
  });

  const seats = await producer.publish(Events.SeatsDeliveredV1, { projectId: s.p2, schoolCode: `S-${s.codes.p2}`, ...j1, level: 'junior', ownership: 'public', deliveredSeats: 300, date: '2025-10-25' });
  for (const [level, target] of [['primary', 500], ['junior', 250]] as const) {
    await producer.publish(Events.SeatTargetSetV1, { targetId: randomUUID(), countyCode: s.county, townshipCode: s.t1, year: 2025, level, ownership: 'public', seats: target, setBy: 'planner-1' });
  }
  await producer.publish(Events.EnrolmentReportedV1, {
    schoolId: randomUUID(), schoolCode: `S-${s.codes.p1}`, ...j1, level: 'primary', ownership: 'public', term: '2025-autumn', reportedOn: '2025-09-15',
    classes: 20, pupils: 1100, capacity: 1000, classSizeBands: { normal: 10, largeIsh: 7, large: 2, veryLarge: 1 }, seatGapNoLargeClasses: 90, seatGapStandardSize: 200,
  });
  return { registrations: [r1, r2, r3], a1, a3, seats };
}

/** An expenditure dated 28 September that arrives late (after the October run). */
export function publishLateExpenditure(producer: TestEventProducer, s: ScriptedCounty): Promise<CloudEvent<unknown>> {
  return producer.publish(Events.ExpenditureRecordedV1, {
    entryId: randomUUID(), projectId: s.p1, countyCode: s.county, townshipCode: s.t1, source: 'central', fiscalYear: 2025, date: '2025-09-28',
    amountFen: 100_000, recordedBy: 'finance-1', disbursementId: null, payee: '某监理公司', voucherNumber: 'V-9', purpose: '监理费（补录）',
  });
}

/** Events of the county the service has logged (the redelivered one is logged once). */
export async function loggedEvents(dataSource: { query(sql: string, params: unknown[]): Promise<{ n: number }[]> }, county: string): Promise<number> {
  const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM reporting_event WHERE county_code = $1', [county]);
  return n;
}

/** Number of distinct events `publishScriptedCounty` sends. */
export const SCRIPTED_EVENT_COUNT = 25;
