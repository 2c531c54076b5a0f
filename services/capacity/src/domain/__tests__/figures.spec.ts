import { RuleError } from '@xiaojian/domain-kernel';
import { SeatLedgerEntry, TargetInput, SchoolInput, computeFigures, pipelineAsOf } from '../figures';
import { SeatEvent } from '../seat-pipeline';

const C = '341122';
const T1 = '341122101';
const T2 = '341122102';

const entry = (businessDate: string, projectId: string, type: SeatEvent['type'], extra: Partial<SeatEvent> = {}): SeatLedgerEntry => ({
  businessDate,
  event: { projectId, type, schoolCode: `S-${projectId}`, townshipCode: T1, level: 'primary', ownership: 'public', ...extra },
});

const ledger: SeatLedgerEntry[] = [
  entry('2026-01-10', 'p1', 'registered', { plannedSeats: 900 }),
  entry('2026-06-01', 'p1', 'accepted', { deliveredSeats: 945 }),
  entry('2026-02-01', 'p2', 'registered', { plannedSeats: 270, level: 'kindergarten' }),
  entry('2026-02-01', 'p3', 'registered', { plannedSeats: 360, level: 'kindergarten', townshipCode: T2 }),
  entry('2026-05-01', 'p3', 'suspended', { level: 'kindergarten', townshipCode: T2 }),
  entry('2026-02-01', 'p4', 'registered', { plannedSeats: 180, level: 'kindergarten', ownership: 'inclusive_private', townshipCode: T2 }),
  entry('2026-03-15', 'p4', 'cancelled', { level: 'kindergarten', ownership: 'inclusive_private', townshipCode: T2 }),
  entry('2025-04-01', 'p5', 'registered', { plannedSeats: 450, schoolCode: 'S-p1' }),
  entry('2025-09-01', 'p5', 'accepted', { deliveredSeats: 450, schoolCode: 'S-p1' }),
];

const targets: TargetInput[] = [
  { countyCode: C, townshipCode: null, year: 2026, level: 'kindergarten', ownership: 'public', seats: 1000 },
  { countyCode: C, townshipCode: T1, year: 2026, level: 'primary', ownership: 'public', seats: 900 },
  { countyCode: C, townshipCode: T2, year: 2026, level: 'senior', ownership: 'public', seats: 500 },
  { countyCode: C, townshipCode: T1, year: 2025, level: 'primary', ownership: 'public', seats: 400 },
];

const school1: SchoolInput = {
  schoolId: 'id-1', schoolCode: 'S-p1', name: '一小', townshipCode: T1, level: 'primary', ownership: 'public', status: 'open', capacity: 225,
  enrolment: {
    term: '2026-autumn',
    grades: [
      { grade: 1, classes: 2, pupils: 120, classSizes: [58, 62] },
      { grade: 2, classes: 2, pupils: 100 },
      { grade: 3, classes: 1, pupils: 70 },
    ],
  },
};
const school3: SchoolInput = {
  schoolId: 'id-3', schoolCode: 'S-p3', name: '三幼', townshipCode: T2, level: 'kindergarten', ownership: 'public', status: 'open', capacity: 0, enrolment: null,
};

describe('pipelineAsOf', () => {
  it('replays only the entries dated on or before the day', () => {
    const march = pipelineAsOf(ledger, '2026-03-01');
    expect(march.state.projects.p1).toMatchObject({ status: 'active', plannedSeats: 900 });
    expect(march.state.projects.p3.status).toBe('active');
    expect(march.state.projects.p4.status).toBe('active');
    expect(march.acceptedOn).toEqual({ p5: '2025-09-01' });
    const dec = pipelineAsOf(ledger, '2026-12-31');
    expect(dec.state.projects.p1).toMatchObject({ status: 'accepted', deliveredSeats: 945 });
    expect(dec.state.projects.p4.status).toBe('cancelled');
    expect(dec.acceptedOn).toEqual({ p1: '2026-06-01', p5: '2025-09-01' });
  });

  it('refuses a malformed date', () => {
    expect(() => pipelineAsOf(ledger, '2026-3-1')).toThrow(RuleError);
  });
});

describe('computeFigures', () => {
  const report = computeFigures({ asOf: '2026-12-31', year: 2026, countyCode: C, pipeline: pipelineAsOf(ledger, '2026-12-31'), targets, schools: [school1, school3] });

  it('compares delivered-in-year seats with targets per level and ownership, beyond 100 %', () => {
    const county = report.county!;
    expect(county.seats.byLevelAndOwnership.map((l) => [l.level, l.ownership])).toEqual([
      ['kindergarten', 'public'], ['primary', 'public'], ['senior', 'public'],
    ]);
    const [kg, primary, senior] = county.seats.byLevelAndOwnership;
    expect(kg).toMatchObject({ plannedSeats: 270, onHoldSeats: 360, deliveredSeats: 0, deliveredInYear: 0, target: 1000, targetSource: 'county' });
    expect(kg.completionRate).toEqual({ kind: 'ratio', numerator: 0, denominator: 1000, ratio: 0, percent: 0 });
    // p5 was delivered in 2025: counted in deliveredSeats, not in the 2026 completion.
    expect(primary).toMatchObject({ plannedSeats: 0, deliveredSeats: 1395, deliveredInYear: 945, target: 900, targetSource: 'townships' });
    expect(primary.completionRate).toMatchObject({ kind: 'ratio', percent: 105 });
    expect(senior).toMatchObject({ plannedSeats: 0, deliveredInYear: 0, target: 500 });
    expect(county.seats).toMatchObject({ activeProjects: 1, suspendedProjects: 1, acceptedProjects: 2, plannedSeats: 270, onHoldSeats: 360, deliveredSeats: 1395, deliveredInYear: 945 });
  });

  it('says no_target when a line has no target', () => {
    const t2 = report.townships.find((t) => t.code === T2)!;
    const kg = t2.seats.byLevelAndOwnership.find((l) => l.level === 'kindergarten')!;
    expect(kg).toMatchObject({ onHoldSeats: 360, target: null, targetSource: null });
    expect(kg.completionRate).toEqual({ kind: 'no_target', numerator: 0, denominator: 0 });
    // The cancelled inclusive-private project is counted nowhere.
    expect(t2.seats.byLevelAndOwnership.some((l) => l.ownership === 'inclusive_private')).toBe(false);
  });

  it('counts class-size bands, shares, seat gaps and pupils against capacity', () => {
    const t1 = report.townships.find((t) => t.code === T1)!;
    expect(t1.enrolment.classes).toMatchObject({ classes: 5, normal: 0, large_ish: 2, large: 2, very_large: 1, largeOrAboveShare: 0.6 });
    expect(t1.enrolment.seatGap).toEqual({ extraClassesNoLarge: 2, seatGapNoLarge: 90, extraClassesStandard: 3, seatGapStandard: 135 });
    expect(t1.enrolment).toMatchObject({ schoolsReporting: 1, pupils: 290, capacity: 225 });
    expect(t1.enrolment.pressure).toMatchObject({ kind: 'ratio', percent: 128.9 });
    expect(report.county!.enrolment.schoolsReporting).toBe(1);
    expect(report.county!.capacity).toBe(225);
    const s3 = report.schools.find((s) => s.schoolId === 'id-3')!;
    expect(s3.enrolment.pressure).toEqual({ kind: 'no_capacity', numerator: 0, denominator: 0 });
    expect(s3.term).toBeNull();
  });

  it('gives each school its own projects\' seats', () => {
    const s1 = report.schools.find((s) => s.schoolId === 'id-1')!;
    expect(s1.seats).toMatchObject({ acceptedProjects: 2, deliveredSeats: 1395, deliveredInYear: 945 });
    expect(report.schools.map((s) => s.schoolId)).toEqual(['id-1', 'id-3']);
  });

  it('leaves the county out of a township report', () => {
    const t = computeFigures({ asOf: '2026-12-31', year: 2026, countyCode: null, pipeline: pipelineAsOf(ledger.filter((e) => e.event.townshipCode === T2), '2026-12-31'), targets: [], schools: [school3] });
    expect(t.county).toBeNull();
    expect(t.townships.map((x) => x.code)).toEqual([T2]);
  });
});
