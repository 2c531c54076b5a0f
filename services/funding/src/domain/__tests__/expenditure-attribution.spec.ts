import { Expenditure } from '../ledger';
import { attributeExpenditure } from '../expenditure-attribution';
import { LedgerBuilder } from './ledger.fixtures';

describe('attributeExpenditure', () => {
  const expenditureOf = (b: LedgerBuilder, id: string) => b.build().entries.find((e) => e.id === id) as Expenditure;

  it('names the allocation the money comes from, first in first out', () => {
    const b = new LedgerBuilder().project('p1');
    const central = b.allocate('p1', 100_000, { source: 'central', fiscalYear: 2025, date: '2025-01-10' });
    const county = b.allocate('p1', 100_000, { source: 'county', fiscalYear: 2024, date: '2025-01-11' });
    b.disburse(central, 100_000, '2025-02-01');
    b.disburse(county, 100_000, '2025-02-02');
    const first = b.spend('p1', 60_000, '2025-03-01');
    const second = b.spend('p1', 70_000, '2025-03-02'); // 40 000 from central, 30 000 from county
    const third = b.spend('p1', 50_000, '2025-03-03'); // all from county

    expect(attributeExpenditure(b.build(), expenditureOf(b, first))).toEqual(
      { allocationId: central, source: 'central', fiscalYear: 2025, attributedFen: 60_000 });
    expect(attributeExpenditure(b.build(), expenditureOf(b, second))).toEqual(
      { allocationId: central, source: 'central', fiscalYear: 2025, attributedFen: 40_000 });
    expect(attributeExpenditure(b.build(), expenditureOf(b, third))).toEqual(
      { allocationId: county, source: 'county', fiscalYear: 2024, attributedFen: 50_000 });
  });

  it('prefers the larger share, and the earlier allocation on a tie', () => {
    const b = new LedgerBuilder().project('p1');
    const a = b.allocate('p1', 10_000, { source: 'provincial' });
    const c = b.allocate('p1', 10_000, { source: 'donation' });
    b.disburse(a, 10_000);
    b.disburse(c, 10_000);
    const split = b.spend('p1', 20_000);
    expect(attributeExpenditure(b.build(), expenditureOf(b, split))).toMatchObject({ allocationId: a, attributedFen: 10_000 });
  });

  it('ignores other projects and refuses an expenditure that is not in the ledger', () => {
    const b = new LedgerBuilder().project('p1').project('p2');
    const a1 = b.allocate('p1', 10_000, { source: 'central' });
    const a2 = b.allocate('p2', 10_000, { source: 'municipal' });
    b.disburse(a1, 10_000);
    b.disburse(a2, 10_000);
    const spent = b.spend('p2', 5_000);
    expect(attributeExpenditure(b.build(), expenditureOf(b, spent))).toMatchObject({ allocationId: a2, source: 'municipal' });
    const ghost: Expenditure = { ...expenditureOf(b, spent), id: 'nope' };
    expect(() => attributeExpenditure(b.build(), ghost)).toThrow(/not in the ledger/);
  });
});
