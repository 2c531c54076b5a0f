import type { ProjectPhaseCode } from '../../bulletins/bulletin-document';
import type { LedgerFact, ProjectFact, ReportingFacts } from '../facts';

export const COUNTY = '341321';
export const T1 = '341321101';
export const T2 = '341321102';

let seq = 0;
const id = (label: string) => `ev-${label}`;

function project(code: string, township: string, overrides: Partial<ProjectFact> & { phases?: [ProjectPhaseCode, string, ('change' | 'milestone')?][]; reports?: [string, number][] }): ProjectFact {
  const { phases = [], reports = [], ...rest } = overrides;
  return {
    projectId: `p-${code}`,
    code,
    name: `项目 ${code}`,
    kind: 'expansion',
    schoolName: `学校 ${code}`,
    schoolLevel: 'primary',
    ownership: 'public',
    countyCode: COUNTY,
    townshipCode: township,
    registeredOn: '2025-01-01',
    registeredEventId: id(`${code}-registered`),
    figuresEventId: id(`${code}-registered`),
    plannedInvestmentFen: 10_000_000,
    plannedSeats: 0,
    plannedStartDate: '2026-01-01',
    plannedCompletionDate: '2026-12-31',
    programmeYear: 2025,
    plannedMilestones: {},
    phaseEvents: phases.map(([toPhase, businessDate, kind = 'change']) => ({
      eventId: id(`${code}-${kind}-${toPhase}`),
      businessDate,
      seq: ++seq,
      toPhase,
      kind,
    })),
    progress: reports.map(([month, percent]) => ({ month, percent, eventId: id(`${code}-progress-${month}`) })),
    ...rest,
  };
}

function entry(label: string, kind: LedgerFact['kind'], projectCode: string, township: string, source: string, date: string, amountFen: number, extra: Partial<LedgerFact> = {}): LedgerFact {
  return {
    entryId: `e-${label}`,
    eventId: id(label),
    kind,
    projectId: `p-${projectCode}`,
    countyCode: COUNTY,
    townshipCode: township,
    source,
    fiscalYear: 2025,
    date,
    amountFen,
    originalKind: null,
    ...extra,
  };
}

/** The scripted county of the unit tests; the expected numbers are worked out by hand in the spec. */
export function scriptedFacts(): ReportingFacts {
  return {
    projects: [
      project('A-001', T1, {
        registeredOn: '2025-01-10', plannedSeats: 450, plannedStartDate: '2025-03-01', plannedCompletionDate: '2025-12-31',
        phases: [['under_construction', '2025-03-05'], ['completed', '2025-11-03']],
        reports: [['2025-09', 60], ['2025-10', 70]],
      }),
      project('A-002', T1, {
        registeredOn: '2025-02-01', plannedInvestmentFen: 30_000_000, schoolLevel: 'junior', plannedStartDate: '2025-06-01',
        plannedCompletionDate: '2025-10-15',
        phases: [['under_construction', '2025-06-10'], ['completed', '2025-10-12', 'milestone'], ['completed', '2025-10-12']],
        reports: [['2025-08', 90], ['2025-10', 100]],
      }),
      project('A-003', T1, {
        registeredOn: '2025-03-01', plannedInvestmentFen: 20_000_000, plannedSeats: 270, schoolLevel: 'kindergarten',
        plannedStartDate: '2025-08-01', plannedCompletionDate: '2026-06-30', phases: [['tendering', '2025-07-01']],
      }),
      project('A-004', T1, {
        registeredOn: '2025-04-01', plannedStartDate: '2025-05-01', plannedCompletionDate: '2026-05-01',
        phases: [['under_construction', '2025-05-20']], reports: [['2025-07', 40]],
      }),
      project('A-005', T1, { registeredOn: '2025-11-02', plannedStartDate: '2025-11-10' }),
      project('A-006', T1, {
        registeredOn: '2025-01-05', plannedInvestmentFen: 5_000_000, plannedSeats: 90, plannedStartDate: '2025-07-01',
        phases: [['cancelled', '2025-09-01']],
      }),
      project('A-007', T1, {
        registeredOn: '2025-05-01', plannedInvestmentFen: 20_000_000, plannedStartDate: '2025-10-01', plannedCompletionDate: '2026-08-01',
        phases: [['under_construction', '2025-10-08']],
      }),
      project('B-001', T2, {
        plannedStartDate: '2025-04-01', plannedCompletionDate: '2025-12-01',
        phases: [['under_construction', '2025-04-02']], reports: [['2025-10', 50]],
      }),
    ],
    ledger: [
      entry('a1', 'allocation', 'A-001', T1, 'central', '2025-02-01', 1_000_000),
      entry('a2', 'allocation', 'A-001', T1, 'county', '2025-03-01', 500_000),
      entry('d1', 'disbursement', 'A-001', T1, 'central', '2025-04-01', 800_000),
      entry('x1', 'expenditure', 'A-001', T1, 'central', '2025-10-20', 600_000),
      entry('x2', 'expenditure', 'A-001', T1, 'central', '2025-11-05', 100_000),
      entry('a3', 'allocation', 'A-002', T1, 'provincial', '2025-05-01', 2_000_000),
      entry('d2', 'disbursement', 'A-002', T1, 'provincial', '2025-06-01', 2_000_000),
      entry('x3', 'expenditure', 'A-002', T1, 'provincial', '2025-09-01', 1_500_000),
      entry('r1', 'reversal', 'A-002', T1, 'provincial', '2025-10-10', 200_000, { originalKind: 'expenditure' }),
      entry('a4', 'allocation', 'A-002', T1, 'provincial', '2024-12-01', 1_000_000, { fiscalYear: 2024 }),
      entry('b1', 'allocation', 'B-001', T2, 'central', '2025-01-15', 1_000_000),
      entry('b2', 'disbursement', 'B-001', T2, 'central', '2025-02-01', 1_000_000),
      entry('b3', 'expenditure', 'B-001', T2, 'central', '2025-10-01', 900_000),
    ],
    seatsDelivered: [
      { projectId: 'p-A-002', countyCode: COUNTY, townshipCode: T1, level: 'junior', ownership: 'public', deliveredSeats: 300, date: '2025-10-20', eventId: id('seats-A-002') },
      { projectId: 'p-OLD', countyCode: COUNTY, townshipCode: T1, level: 'primary', ownership: 'public', deliveredSeats: 200, date: '2024-09-01', eventId: id('seats-OLD') },
    ],
    targets: [
      { countyCode: COUNTY, townshipCode: T1, year: 2025, level: 'primary', ownership: 'public', seats: 500, eventId: id('target-t1-primary') },
      { countyCode: COUNTY, townshipCode: T1, year: 2025, level: 'junior', ownership: 'public', seats: 250, eventId: id('target-t1-junior') },
      { countyCode: COUNTY, townshipCode: null, year: 2025, level: 'kindergarten', ownership: 'public', seats: 1000, eventId: id('target-county-kg') },
      { countyCode: COUNTY, townshipCode: T2, year: 2025, level: 'junior', ownership: 'public', seats: 100, eventId: id('target-t2-junior') },
      { countyCode: COUNTY, townshipCode: T1, year: 2024, level: 'primary', ownership: 'public', seats: 999, eventId: id('target-2024') },
    ],
    enrolments: [
      { schoolCode: 'S1', term: '2025-spring', countyCode: COUNTY, townshipCode: T1, reportedOn: '2025-03-15', largeClasses: 3, veryLargeClasses: 1, seatGap: 120, eventId: id('s1-2025s') },
      { schoolCode: 'S1', term: '2025-autumn', countyCode: COUNTY, townshipCode: T1, reportedOn: '2025-09-20', largeClasses: 2, veryLargeClasses: 0, seatGap: 80, eventId: id('s1-2025a') },
      { schoolCode: 'S1', term: '2026-spring', countyCode: COUNTY, townshipCode: T1, reportedOn: '2026-03-01', largeClasses: 9, veryLargeClasses: 9, seatGap: 999, eventId: id('s1-2026s') },
      { schoolCode: 'S2', term: '2025-autumn', countyCode: COUNTY, townshipCode: T1, reportedOn: '2025-11-02', largeClasses: 9, veryLargeClasses: 9, seatGap: 999, eventId: id('s2-2025a') },
      { schoolCode: 'S2', term: '2024-autumn', countyCode: COUNTY, townshipCode: T1, reportedOn: '2024-09-15', largeClasses: 1, veryLargeClasses: 1, seatGap: 40, eventId: id('s2-2024a') },
    ],
  };
}
