import { DomainError, issue } from '@xiaojian/domain-kernel';
import { FundingSource } from './funding-source';
import { Expenditure, Ledger } from './ledger';
import { fundsByAllocation } from './rates';

/** The allocation an expenditure is (mostly) paid from, and the share of it that lands there. */
export interface ExpenditureAttribution {
  readonly allocationId: string;
  readonly source: FundingSource;
  readonly fiscalYear: number;
  /** Fen of the expenditure attributed to this allocation as of the expenditure's date. */
  readonly attributedFen: number;
}

/**
 * Expenditures are recorded against a project, but reporting by source and fiscal year needs
 * one source per spending event. This applies the same first-in-first-out rule as the rates
 * (`fundsByAllocation`): it compares each allocation's spending as of the expenditure's date with
 * and without it, and names the allocation that receives the largest part (the earliest on a tie).
 * `ledger` must already contain `expenditure` (after the guard accepted it).
 */
export function attributeExpenditure(ledger: Ledger, expenditure: Expenditure): ExpenditureAttribution {
  const without: Ledger = { ...ledger, entries: ledger.entries.filter((e) => e.id !== expenditure.id) };
  if (without.entries.length === ledger.entries.length) {
    throw new DomainError(issue('ledger.unknown_entry', 'expenditure', `分录不在账本中：${expenditure.id}`,
      `Entry ${expenditure.id} is not in the ledger`));
  }
  const before = new Map(fundsByAllocation(without, expenditure.date).map((f) => [f.allocationId, f.spentFen]));
  let best: ExpenditureAttribution | null = null;
  for (const f of fundsByAllocation(ledger, expenditure.date)) {
    if (f.projectId !== expenditure.projectId) continue;
    const delta = f.spentFen - (before.get(f.allocationId) ?? 0);
    if (delta > 0 && (best === null || delta > best.attributedFen)) {
      best = { allocationId: f.allocationId, source: f.source, fiscalYear: f.fiscalYear, attributedFen: delta };
    }
  }
  if (best === null) {
    throw new DomainError(issue('ledger.inconsistent', 'expenditure', `支出 ${expenditure.id} 没有可对应的拨付资金`,
      `Expenditure ${expenditure.id} is not covered by any disbursement`));
  }
  return best;
}
