import { allocationBalance, allocationBalances, LedgerEntry, projectBalance, projectBalances, remainingAmount } from '../ledger';
import { LedgerBuilder } from './ledger.fixtures';

function scenario() {
  const b = new LedgerBuilder().project('p1').project('p2');
  const a1 = b.allocate('p1', 100_000, { date: '2025-01-10', source: 'central' });
  const a2 = b.allocate('p1', 50_000, { date: '2025-02-10', source: 'county' });
  const a3 = b.allocate('p2', 30_000, { date: '2025-01-20', source: 'provincial', fiscalYear: 2024 });
  const d1 = b.disburse(a1, 80_000, '2025-02-01');
  b.disburse(a2, 50_000, '2025-03-01');
  const e1 = b.spend('p1', 90_000, '2025-03-10');
  b.reverse(a1, 10_000, '2025-04-01');
  b.reverse(d1, 5_000, '2025-04-02');
  b.reverse(e1, 1, '2025-04-03');
  return { entries: b.build().entries, a1, a2, a3, d1, e1 };
}

describe('allocationBalances', () => {
  it('nets reversals of allocations and of their disbursements', () => {
    const { entries, a1, a2, a3 } = scenario();
    expect(allocationBalances(entries)).toEqual([
      { allocationId: a1, projectId: 'p1', source: 'central', fiscalYear: 2025, documentNumber: expect.any(String), date: '2025-01-10',
        allocatedFen: 90_000, disbursedFen: 75_000, undisbursedFen: 15_000 },
      { allocationId: a2, projectId: 'p1', source: 'county', fiscalYear: 2025, documentNumber: expect.any(String), date: '2025-02-10',
        allocatedFen: 50_000, disbursedFen: 50_000, undisbursedFen: 0 },
      { allocationId: a3, projectId: 'p2', source: 'provincial', fiscalYear: 2024, documentNumber: expect.any(String), date: '2025-01-20',
        allocatedFen: 30_000, disbursedFen: 0, undisbursedFen: 30_000 },
    ]);
  });

  it('ignores entries and reversals dated after the as-of date', () => {
    const { entries, a1 } = scenario();
    expect(allocationBalance(entries, a1, '2025-03-31')).toMatchObject({ allocatedFen: 100_000, disbursedFen: 80_000 });
    expect(allocationBalance(entries, a1, '2025-04-01')).toMatchObject({ allocatedFen: 90_000, disbursedFen: 80_000 });
    expect(allocationBalance(entries, a1, '2025-01-31')).toMatchObject({ allocatedFen: 100_000, disbursedFen: 0 });
    expect(allocationBalance(entries, a1, '2025-01-09')).toBeUndefined();
    expect(allocationBalances(entries, '2025-01-31').map((b) => b.allocationId)).toHaveLength(2);
  });

  it('refuses an invalid as-of date', () => {
    expect(() => allocationBalances([], '2025-02-30')).toThrow(expect.objectContaining({ code: 'time.invalid_date', field: 'asOf' }));
  });
});

describe('projectBalances', () => {
  it('gives allocated, disbursed and spent per project, net of reversals', () => {
    const { entries } = scenario();
    expect(projectBalances(entries)).toEqual([
      { projectId: 'p1', allocatedFen: 140_000, disbursedFen: 125_000, spentFen: 89_999 },
      { projectId: 'p2', allocatedFen: 30_000, disbursedFen: 0, spentFen: 0 },
    ]);
  });

  it('honours the as-of date', () => {
    const { entries } = scenario();
    expect(projectBalance(entries, 'p1', '2025-03-10')).toEqual({ projectId: 'p1', allocatedFen: 150_000, disbursedFen: 130_000, spentFen: 90_000 });
    expect(projectBalance(entries, 'p1', '2025-02-05')).toEqual({ projectId: 'p1', allocatedFen: 100_000, disbursedFen: 80_000, spentFen: 0 });
  });

  it('gives zeros for a project without entries', () => {
    expect(projectBalance([], 'p9')).toEqual({ projectId: 'p9', allocatedFen: 0, disbursedFen: 0, spentFen: 0 });
  });
});

describe('remainingAmount', () => {
  it('is the amount not yet reversed, whatever the dates', () => {
    const { entries, a1, a2, e1 } = scenario();
    expect(remainingAmount(entries, a1)).toBe(90_000);
    expect(remainingAmount(entries, a2)).toBe(50_000);
    expect(remainingAmount(entries, e1)).toBe(89_999);
  });

  it('refuses unknown entries and reversals', () => {
    const { entries } = scenario();
    expect(() => remainingAmount(entries, 'nope')).toThrow(expect.objectContaining({ code: 'ledger.unknown_entry' }));
    const reversalId = entries.find((e) => e.kind === 'reversal')!.id;
    expect(() => remainingAmount(entries, reversalId)).toThrow(expect.objectContaining({ code: 'ledger.unknown_entry' }));
  });
});

describe('ledger consistency', () => {
  const allocation: LedgerEntry = {
    kind: 'allocation', id: 'a', projectId: 'p1', source: 'central', fiscalYear: 2025, documentNumber: 'x', amountFen: 100, date: '2025-01-10',
  };

  it.each<[string, LedgerEntry[]]>([
    ['duplicate ids', [allocation, { ...allocation }]],
    ['a non-positive amount', [{ ...allocation, amountFen: 0 }]],
    ['a fractional amount', [{ ...allocation, amountFen: 1.5 }]],
    ['an invalid date', [{ ...allocation, date: '2025-02-30' }]],
    ['a disbursement of a missing allocation', [{ kind: 'disbursement', id: 'd', allocationId: 'a', amountFen: 1, date: '2025-01-10' }]],
    ['a disbursement before its allocation', [allocation, { kind: 'disbursement', id: 'd', allocationId: 'a', amountFen: 1, date: '2025-01-09' }]],
    ['a reversal of a reversal', [allocation,
      { kind: 'reversal', id: 'r', originalId: 'a', amountFen: 1, date: '2025-01-10', reason: 'x' },
      { kind: 'reversal', id: 'r2', originalId: 'r', amountFen: 1, date: '2025-01-10', reason: 'x' }]],
    ['an over-reversal', [allocation,
      { kind: 'reversal', id: 'r', originalId: 'a', amountFen: 60, date: '2025-01-10', reason: 'x' },
      { kind: 'reversal', id: 'r2', originalId: 'a', amountFen: 41, date: '2025-01-10', reason: 'x' }]],
  ])('refuses %s', (_, entries) => {
    expect(() => projectBalances(entries)).toThrow(expect.objectContaining({ code: 'ledger.inconsistent' }));
  });
});
