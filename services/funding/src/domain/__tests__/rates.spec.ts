import { Jurisdiction } from '@xiaojian/domain-kernel';
import { Ledger } from '../ledger';
import { fundsByAllocation, RateFigures, RateGrouping, RateReport, spendingRates } from '../rates';
import { LedgerBuilder, TOWNSHIP_A, TOWNSHIP_B, TOWNSHIP_C } from './ledger.fixtures';

function programme() {
  const b = new LedgerBuilder().project('p1', TOWNSHIP_A).project('p2', TOWNSHIP_B).project('p3', TOWNSHIP_C).project('p4', TOWNSHIP_A);
  const a1 = b.allocate('p1', 1_000_000, { date: '2025-01-10', source: 'central', fiscalYear: 2025 });
  const a2 = b.allocate('p1', 500_000, { date: '2025-02-10', source: 'county', fiscalYear: 2025 });
  const a3 = b.allocate('p2', 300_000, { date: '2024-06-01', source: 'provincial', fiscalYear: 2024 });
  const a4 = b.allocate('p3', 2_000_000, { date: '2025-03-01', source: 'special_bond', fiscalYear: 2025 });
  const a5 = b.allocate('p1', 400_000, { date: '2025-11-20', source: 'central', fiscalYear: 2026 }); // 提前下达
  b.disburse(a1, 800_000, '2025-02-01');
  b.disburse(a2, 500_000, '2025-02-15');
  b.disburse(a3, 300_000, '2024-07-01');
  b.disburse(a4, 1_000_000, '2025-04-01');
  const e1 = b.spend('p1', 900_000, '2025-03-10');
  b.spend('p2', 300_000, '2024-12-01');
  b.spend('p3', 250_000, '2025-05-01');
  b.reverse(e1, 50_000, '2025-06-01');
  return { ledger: b.build(), a1, a2, a3, a4, a5 };
}

const money = (f: RateFigures) => [f.allocatedFen, f.disbursedFen, f.spentFen];
const pct = (r: RateFigures['spendingRate']) => (r.kind === 'rate' ? r.percent : r.kind);
const row = (report: RateReport, key: string) => {
  const found = report.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describe('fundsByAllocation', () => {
  it('attributes project spending to disbursements first in, first out', () => {
    const { ledger, a1, a2, a3, a4 } = programme();
    const asOf = (date: string) => Object.fromEntries(fundsByAllocation(ledger, date).map((f) => [f.allocationId, f.spentFen]));
    expect(asOf('2025-03-10')).toEqual({ [a1]: 800_000, [a2]: 100_000, [a3]: 300_000, [a4]: 0 });
    expect(asOf('2025-06-01')).toMatchObject({ [a1]: 800_000, [a2]: 50_000 });
  });

  it('breaks ties between same-day disbursements by ledger order', () => {
    const b = new LedgerBuilder().project('p1');
    const x = b.allocate('p1', 100, { source: 'central' });
    const y = b.allocate('p1', 100, { source: 'county' });
    b.disburse(y, 100, '2025-02-01');
    b.disburse(x, 100, '2025-02-01');
    b.spend('p1', 150, '2025-03-01');
    expect(fundsByAllocation(b.build(), '2025-12-31').map((f) => [f.allocationId, f.spentFen])).toEqual([[x, 50], [y, 100]]);
  });

  it('refuses a ledger where spending outruns disbursement as of a date', () => {
    const { ledger } = programme();
    const broken: Ledger = {
      ...ledger,
      entries: [...ledger.entries, { kind: 'expenditure', id: 'x', projectId: 'p3', amountFen: 750_001, date: '2025-05-02', payee: 'a', voucherNumber: 'b', purpose: 'c' }],
    };
    expect(() => fundsByAllocation(broken, '2025-12-31')).toThrow(expect.objectContaining({ code: 'ledger.inconsistent' }));
  });
});

describe('spendingRates', () => {
  const asOf = '2025-10-31'; // 序时进度 304/365 = 83.3 %

  it('computes 拨付率, 支出率 and the gap to 序时进度 per project', () => {
    const report = spendingRates(programme().ledger, { asOf, groupBy: 'project' });
    expect(report.rows.map((r) => r.key)).toEqual(['p1', 'p2', 'p3', 'p4']);
    const p1 = row(report, 'p1');
    expect(money(p1)).toEqual([1_500_000, 1_300_000, 850_000]);
    expect(p1.disbursementRate).toMatchObject({ kind: 'rate', percent: '86.7' });
    expect(p1.spendingRate).toMatchObject({ kind: 'rate', percent: '56.7', numerator: 850_000, denominator: 1_500_000 });
    expect(p1.schedule).toMatchObject({ fiscalYear: 2025, percent: '83.3' });
    expect(p1).toMatchObject({ behindSchedule: true, gapPoints: '26.6' });
    expect(row(report, 'p2')).toMatchObject({ behindSchedule: false, gapPoints: null });
    expect(pct(row(report, 'p2').spendingRate)).toBe('100.0');
    expect(row(report, 'p3')).toMatchObject({ behindSchedule: true, gapPoints: '70.8' });
    expect(pct(row(report, 'p3').disbursementRate)).toBe('50.0');
  });

  it('shows a project without allocation as no_denominator, not 0 %', () => {
    const p4 = row(spendingRates(programme().ledger, { asOf, groupBy: 'project' }), 'p4');
    expect(money(p4)).toEqual([0, 0, 0]);
    expect(p4.spendingRate).toEqual({ kind: 'no_denominator' });
    expect(p4.disbursementRate).toEqual({ kind: 'no_denominator' });
    expect(p4).toMatchObject({ behindSchedule: false, gapPoints: null });
  });

  it('groups by township and county from the project division codes', () => {
    const { ledger } = programme();
    const townships = spendingRates(ledger, { asOf, groupBy: 'township' });
    expect(townships.rows.map((r) => [r.key, ...money(r)])).toEqual([
      [TOWNSHIP_A, 1_500_000, 1_300_000, 850_000],
      [TOWNSHIP_B, 300_000, 300_000, 300_000],
      [TOWNSHIP_C, 2_000_000, 1_000_000, 250_000],
    ]);
    const counties = spendingRates(ledger, { asOf, groupBy: 'county' });
    expect(counties.rows.map((r) => [r.key, ...money(r), pct(r.spendingRate)])).toEqual([
      ['360321', 1_800_000, 1_600_000, 1_150_000, '63.9'],
      ['360322', 2_000_000, 1_000_000, 250_000, '12.5'],
    ]);
  });

  it('groups by funding source using the FIFO attribution of spending', () => {
    const report = spendingRates(programme().ledger, { asOf, groupBy: 'source' });
    expect(report.rows.map((r) => [r.key, ...money(r)])).toEqual([
      ['central', 1_000_000, 800_000, 800_000],
      ['county', 500_000, 500_000, 50_000],
      ['provincial', 300_000, 300_000, 300_000],
      ['special_bond', 2_000_000, 1_000_000, 250_000],
    ]);
  });

  it('compares each fiscal year with its own 序时进度', () => {
    const report = spendingRates(programme().ledger, { asOf: '2025-12-31', groupBy: 'fiscalYear' });
    expect(report.rows.map((r) => [r.key, ...money(r), r.schedule.percent, r.behindSchedule])).toEqual([
      ['2024', 300_000, 300_000, 300_000, '100.0', false],
      ['2025', 3_500_000, 2_300_000, 1_100_000, '100.0', true],
      ['2026', 400_000, 0, 0, '0.0', false], // advance allocation: its year has not begun
    ]);
  });

  it('keeps a past fiscal year at 100 % and flags it if not fully spent', () => {
    const b = new LedgerBuilder().project('p1');
    const a = b.allocate('p1', 1_000, { date: '2024-03-01', fiscalYear: 2024 });
    b.disburse(a, 1_000, '2024-04-01');
    b.spend('p1', 999, '2024-05-01');
    expect(row(spendingRates(b.build(), { asOf: '2025-01-15', groupBy: 'fiscalYear' }), '2024'))
      .toMatchObject({ behindSchedule: true, gapPoints: '0.1' });
  });

  it('excludes entries and reversals dated after the as-of date', () => {
    const { ledger } = programme();
    expect(money(row(spendingRates(ledger, { asOf: '2025-05-31', groupBy: 'project' }), 'p1'))).toEqual([1_500_000, 1_300_000, 900_000]);
    expect(money(row(spendingRates(ledger, { asOf: '2025-02-10', groupBy: 'project' }), 'p1'))).toEqual([1_500_000, 800_000, 0]);
    expect(money(row(spendingRates(ledger, { asOf: '2025-12-31', groupBy: 'project' }), 'p1'))).toEqual([1_900_000, 1_300_000, 850_000]);
    expect(spendingRates(ledger, { asOf: '2024-12-31', groupBy: 'project' }).rows.map((r) => [r.key, r.allocatedFen]))
      .toEqual([['p1', 0], ['p2', 300_000], ['p3', 0], ['p4', 0]]);
  });

  it('filters by fiscal year and measures against that year', () => {
    const report = spendingRates(programme().ledger, { asOf: '2025-12-31', groupBy: 'project', fiscalYear: 2026 });
    expect(report.fiscalYear).toBe(2026);
    expect(money(row(report, 'p1'))).toEqual([400_000, 0, 0]);
    expect(row(report, 'p2').spendingRate).toEqual({ kind: 'no_denominator' });
    expect(report.total.schedule).toMatchObject({ fiscalYear: 2026, percent: '0.0' });
    const y2025 = spendingRates(programme().ledger, { asOf, groupBy: 'source', fiscalYear: 2025 });
    expect(y2025.rows.map((r) => r.key)).toEqual(['central', 'county', 'special_bond']);
  });

  it('limits rows and totals to a jurisdiction', () => {
    const { ledger } = programme();
    const township = spendingRates(ledger, { asOf, groupBy: 'project', within: new Jurisdiction({ townshipCodes: [TOWNSHIP_A] }) });
    expect(township.rows.map((r) => r.key)).toEqual(['p1', 'p4']);
    expect(money(township.total)).toEqual([1_500_000, 1_300_000, 850_000]);
    const county = spendingRates(ledger, { asOf, groupBy: 'source', within: new Jurisdiction({ countyCodes: ['360322'] }) });
    expect(county.rows.map((r) => r.key)).toEqual(['special_bond']);
    expect(spendingRates(ledger, { asOf, groupBy: 'county', within: new Jurisdiction({}) }).rows).toEqual([]);
  });

  it.each<RateGrouping>(['project', 'township', 'county', 'source', 'fiscalYear'])('makes %s rows add up to the total', (groupBy) => {
    for (const date of ['2024-12-31', '2025-03-10', '2025-10-31', '2025-12-31']) {
      const report = spendingRates(programme().ledger, { asOf: date, groupBy });
      const sum = (pick: (f: RateFigures) => number) => report.rows.reduce((s, r) => s + pick(r), 0);
      expect([sum((r) => r.allocatedFen), sum((r) => r.disbursedFen), sum((r) => r.spentFen)]).toEqual(money(report.total));
    }
  });

  it('gives the total rates and its schedule for the year of the as-of date', () => {
    const report = spendingRates(programme().ledger, { asOf, groupBy: 'county' });
    expect(report).toMatchObject({ asOf, groupBy: 'county', fiscalYear: null });
    expect(money(report.total)).toEqual([3_800_000, 2_600_000, 1_400_000]);
    expect(pct(report.total.disbursementRate)).toBe('68.4');
    expect(pct(report.total.spendingRate)).toBe('36.8');
    expect(report.total).toMatchObject({ behindSchedule: true, gapPoints: '46.4' });
  });

  it('uses a configured monthly curve', () => {
    const curve = { kind: 'monthly', cumulativePercent: { 3: 25, 6: 50, 9: 75, 12: 100 } } as const;
    const report = spendingRates(programme().ledger, { asOf: '2025-06-30', groupBy: 'project', curve });
    expect(row(report, 'p1').schedule.percent).toBe('50.0');
    expect(row(report, 'p1')).toMatchObject({ behindSchedule: false, gapPoints: null }); // 56.7 % ≥ 50 %
    expect(row(report, 'p3')).toMatchObject({ behindSchedule: true, gapPoints: '37.5' }); // 12.5 % < 50 %
  });

  it('refuses a bad as-of date, grouping, or a project the ledger does not know', () => {
    const { ledger } = programme();
    expect(() => spendingRates(ledger, { asOf: '2025-10-32', groupBy: 'project' })).toThrow(expect.objectContaining({ code: 'time.invalid_date' }));
    expect(() => spendingRates(ledger, { asOf, groupBy: 'school' as RateGrouping })).toThrow(expect.objectContaining({ code: 'rates.invalid_grouping' }));
    const orphan: Ledger = { projects: ledger.projects.filter((p) => p.id !== 'p3'), entries: ledger.entries };
    expect(() => spendingRates(orphan, { asOf, groupBy: 'source' })).toThrow(expect.objectContaining({ code: 'ledger.inconsistent' }));
  });
});
