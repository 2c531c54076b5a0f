import { DomainError, Fen, isFen, isValidDate, issue, sumFen } from '@xiaojian/domain-kernel';
import type { LedgerEntry, Reversal, ReversibleEntry } from './ledger';

// Internal helpers shared by balances, guards and rates; not part of the public API.

/** An entries list checked for referential sanity, with lookups the calculations need. */
export interface LedgerIndex {
  readonly entries: readonly LedgerEntry[];
  readonly byId: ReadonlyMap<string, LedgerEntry>;
  readonly position: ReadonlyMap<string, number>;
  readonly reversalsOf: ReadonlyMap<string, readonly Reversal[]>;
}

function inconsistent(en: string, zh: string): DomainError {
  return new DomainError(issue('ledger.inconsistent', undefined, `账本数据不一致：${zh}`, `Ledger is inconsistent: ${en}`));
}

/**
 * Indexes the entries and refuses a ledger that the guards could never have produced (a
 * dangling reference, over-reversal, …): such data must fail loudly, not yield wrong totals.
 */
export function indexLedger(entries: readonly LedgerEntry[]): LedgerIndex {
  const byId = new Map<string, LedgerEntry>();
  const position = new Map<string, number>();
  const reversalsOf = new Map<string, Reversal[]>();
  entries.forEach((entry, i) => {
    if (byId.has(entry.id)) throw inconsistent(`duplicate entry id ${entry.id}`, `分录编号重复 ${entry.id}`);
    if (!isFen(entry.amountFen) || entry.amountFen <= 0) {
      throw inconsistent(`entry ${entry.id} has amount ${entry.amountFen}`, `分录 ${entry.id} 金额无效`);
    }
    if (!isValidDate(entry.date)) throw inconsistent(`entry ${entry.id} has date ${entry.date}`, `分录 ${entry.id} 日期无效`);
    byId.set(entry.id, entry);
    position.set(entry.id, i);
  });
  for (const entry of entries) {
    const target = entry.kind === 'disbursement' ? entry.allocationId : entry.kind === 'reversal' ? entry.originalId : null;
    if (target === null) continue;
    const referenced = byId.get(target);
    const wanted = entry.kind === 'disbursement' ? referenced?.kind === 'allocation' : referenced !== undefined && referenced.kind !== 'reversal';
    if (!referenced || !wanted || entry.date < referenced.date) {
      throw inconsistent(`entry ${entry.id} references ${target} wrongly`, `分录 ${entry.id} 引用 ${target} 无效`);
    }
    if (entry.kind === 'reversal') reversalsOf.set(target, [...(reversalsOf.get(target) ?? []), entry]);
  }
  for (const [originalId, reversals] of reversalsOf) {
    if (sumFen(reversals.map((r) => r.amountFen)) > byId.get(originalId)!.amountFen) {
      throw inconsistent(`entry ${originalId} is reversed by more than its amount`, `分录 ${originalId} 冲销金额超过原金额`);
    }
  }
  return { entries, byId, position, reversalsOf };
}

export function assertAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isValidDate(asOf)) {
    throw new DomainError(issue('time.invalid_date', 'asOf', `截至日期无效：${String(asOf)}`, `Invalid as-of date: ${String(asOf)}`));
  }
}

export const within = (date: string, asOf: string | undefined) => asOf === undefined || date <= asOf;

/** The entry's amount less its reversals dated on or before `asOf` (all reversals without it). */
export function netAmount(index: LedgerIndex, entry: ReversibleEntry, asOf?: string): Fen {
  const reversed = (index.reversalsOf.get(entry.id) ?? []).filter((r) => within(r.date, asOf));
  return entry.amountFen - sumFen(reversed.map((r) => r.amountFen));
}

export function projectIdOf(index: LedgerIndex, entry: LedgerEntry): string {
  switch (entry.kind) {
    case 'allocation':
    case 'expenditure':
      return entry.projectId;
    case 'disbursement':
      return projectIdOf(index, index.byId.get(entry.allocationId)!);
    case 'reversal':
      return projectIdOf(index, index.byId.get(entry.originalId)!);
  }
}

