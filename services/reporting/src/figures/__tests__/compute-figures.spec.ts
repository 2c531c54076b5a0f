import { computeFigures } from '../compute-figures';
import { computeCountyFigures } from '../county-figures';
import { COUNTY, scriptedFacts, T1, T2 } from './facts.fixture';

const rate = (percent: string) => ({ kind: 'rate', percent });
const none = { kind: 'no_denominator' };

describe('township figures for October 2025 (hand-checked)', () => {
  const figures = computeFigures(scriptedFacts(), { countyCode: COUNTY, townshipCode: T1 }, '2025-10');

  it('counts projects by phase at month end, started and completed this month and this year', () => {
    expect(figures.asOf).toBe('2025-10-31');
    expect(figures.summary.projects).toEqual({
      // A-005 was registered in November; A-001's completion on 3 November is after the month.
      total: 6,
      byPhase: { under_construction: 3, completed: 1, tendering: 1, cancelled: 1 },
      startedThisMonth: 1, // A-007 on 10-08
      startedYearToDate: 4,
      completedThisMonth: 1, // A-002 on 10-12
      completedYearToDate: 1,
      plannedThisYear: 5, // A-007 (A-006 cancelled)
      startRate: rate('80.0'), // 4 of the 5 planned starts
      completionRate: rate('50.0'), // A-002 of A-001 (12-31) and A-002 (10-15)
      overdue: 1, // planned start 08-01, still tendering
      stale: 1, // last report July
    });
  });

  it('weights physical progress by planned investment', () => {
    // (10M × 70 + 30M × 100 + 10M × 40) ÷ 50M = 82 %
    expect(figures.summary.weightedProgressPercent).toBe('82.0');
  });

  it('sums money of the fiscal year up to month end, net of reversals, against the linear schedule', () => {
    expect(figures.summary.funding).toEqual({
      allocatedFen: 3_500_000,
      disbursedFen: 2_800_000,
      spentFen: 1_900_000, // 600 000 + 1 500 000 − 200 000 (the November payment is not counted)
      disbursementRate: rate('80.0'),
      spendingRate: rate('54.3'),
      schedulePercent: '83.3', // 304 ÷ 365
      behindSchedule: true,
      bySource: [
        { source: 'central', allocatedFen: 1_000_000, disbursedFen: 800_000, spentFen: 600_000, spendingRate: rate('60.0') },
        { source: 'provincial', allocatedFen: 2_000_000, disbursedFen: 2_000_000, spentFen: 1_300_000, spendingRate: rate('65.0') },
        { source: 'county', allocatedFen: 500_000, disbursedFen: 0, spentFen: 0, spendingRate: rate('0.0') },
      ],
    });
  });

  it('counts seats planned, delivered this year and targeted, and class sizes from the latest term report', () => {
    expect(figures.summary.seats).toEqual({
      plannedSeats: 720, // A-001 450 + A-003 270 (A-006 cancelled)
      deliveredSeats: 300, // 2024 delivery not counted
      targetSeats: 750,
      completionRate: rate('40.0'),
      byCategory: [
        { level: 'kindergarten', ownership: 'public', plannedSeats: 270, deliveredSeats: 0, targetSeats: 0, completionRate: none },
        { level: 'primary', ownership: 'public', plannedSeats: 450, deliveredSeats: 0, targetSeats: 500, completionRate: rate('0.0') },
        { level: 'junior', ownership: 'public', plannedSeats: 0, deliveredSeats: 300, targetSeats: 250, completionRate: rate('120.0') },
      ],
      largeClasses: 3, // S1 2025 autumn (2) + S2 2024 autumn (1)
      veryLargeClasses: 1,
      seatGap: 120,
    });
  });

  it('lists every project with its own figures', () => {
    const byCode = Object.fromEntries(figures.projects.map((p) => [p.code, p]));
    expect(figures.projects.map((p) => p.code)).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-006', 'A-007']);
    expect(byCode['A-001']).toMatchObject({
      phase: 'under_construction', progressPercent: 70, lastReportMonth: '2025-10', allocatedFen: 1_500_000, disbursedFen: 800_000,
      spentFen: 600_000, spendingRate: rate('40.0'), plannedSeats: 450, deliveredSeats: 0, overdue: false, stale: false,
    });
    expect(byCode['A-002']).toMatchObject({ phase: 'completed', spentFen: 1_300_000, spendingRate: rate('65.0'), deliveredSeats: 300 });
    expect(byCode['A-003']).toMatchObject({ phase: 'tendering', progressPercent: null, overdue: true, spendingRate: none });
    expect(byCode['A-004']).toMatchObject({ stale: true, lastReportMonth: '2025-07' });
    expect(byCode['A-006']).toMatchObject({ phase: 'cancelled', overdue: false });
  });

  it('traces figures to the events behind them', () => {
    expect(figures.trace['summary.funding.spentFen'].sort()).toEqual(['ev-r1', 'ev-x1', 'ev-x3']);
    expect(figures.trace['summary.projects.startedThisMonth']).toEqual(['ev-A-007-change-under_construction']);
    expect(figures.trace['summary.projects.byPhase.completed']).toEqual(['ev-A-002-change-completed']);
    expect(figures.trace['summary.seats.deliveredSeats']).toEqual(['ev-seats-A-002']);
    expect(figures.trace['summary.funding.bySource.county.allocatedFen']).toEqual(['ev-a2']);
    expect(figures.trace['summary.projects.total']).toHaveLength(6);
  });
});

describe('the same township a month earlier', () => {
  const figures = computeFigures(scriptedFacts(), { countyCode: COUNTY, townshipCode: T1 }, '2025-09');

  it('counts only what was dated up to 30 September', () => {
    expect(figures.summary.projects.byPhase).toEqual({ under_construction: 3, tendering: 1, cancelled: 1, approved: 1 });
    expect(figures.summary.projects.completedYearToDate).toBe(0);
    expect(figures.summary.projects.stale).toBe(1); // no report in August or September
    expect(figures.summary.funding.spentFen).toBe(1_500_000);
    expect(figures.summary.funding.schedulePercent).toBe('74.8'); // 273 ÷ 365
    expect(figures.summary.weightedProgressPercent).toBe('74.0'); // (10M×60 + 30M×90 + 10M×40) ÷ 50M = 3700M ÷ 50M
  });
});

describe('county figures, ranking and laggards for October 2025', () => {
  const county = computeCountyFigures(scriptedFacts(), COUNTY, '2025-10');

  it('sums the townships', () => {
    const { funding, seats, projects } = county.county.summary;
    expect(projects.total).toBe(7);
    expect(funding).toMatchObject({ allocatedFen: 4_500_000, disbursedFen: 3_800_000, spentFen: 2_800_000, spendingRate: rate('62.2'), behindSchedule: true });
    // kindergarten: the county-level target (1000); primary and junior: the townships' (500; 250 + 100)
    expect(seats.targetSeats).toBe(1850);
    expect(seats.completionRate).toEqual(rate('16.2'));
    expect(county.county.summary.weightedProgressPercent).toBe('76.7'); // (4100M + 10M × 50) ÷ 60M
  });

  it('ranks townships by spending rate, progress and seats delivered', () => {
    expect(county.ranking).toEqual([
      { townshipCode: T2, spendingRate: rate('90.0'), weightedProgressPercent: '50.0', deliveredSeats: 0, rankBySpending: 1, rankByProgress: 2, rankBySeats: 2 },
      { townshipCode: T1, spendingRate: rate('54.3'), weightedProgressPercent: '82.0', deliveredSeats: 300, rankBySpending: 2, rankByProgress: 1, rankBySeats: 1 },
    ]);
  });

  it('names the laggards', () => {
    expect(county.laggards).toEqual({ overdueProjects: ['A-003'], staleProjects: ['A-004'], townshipsBehindSchedule: [T1] });
  });
});
