import { Fen, sumFen } from '@xiaojian/domain-kernel';

export interface DatedChange {
  readonly date: string;
  readonly deltaFen: Fen;
}

/**
 * The lowest end-of-day balance on `from` or any later date. A new entry dated `from` that
 * draws on the balance must fit under this, or some later as-of report would go negative
 * (e.g. spending backdated before the disbursement that covers it).
 */
export function lowestBalanceFrom(changes: readonly DatedChange[], from: string): Fen {
  let balance = sumFen(changes.filter((c) => c.date <= from).map((c) => c.deltaFen));
  let lowest = balance;
  const later = new Map<string, Fen>();
  for (const { date, deltaFen } of changes) if (date > from) later.set(date, (later.get(date) ?? 0) + deltaFen);
  for (const date of [...later.keys()].sort()) {
    balance += later.get(date)!;
    lowest = Math.min(lowest, balance);
  }
  return lowest;
}
