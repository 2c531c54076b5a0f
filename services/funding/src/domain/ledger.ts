import { DomainError, Fen, issue, sumFen } from '@xiaojian/domain-kernel';
import { LedgerIndex, assertAsOf, indexLedger, netAmount, projectIdOf, within } from './ledger-index';
import { FundingSource } from './funding-source';

/**
 * The funding ledger is append-only: mistakes are corrected by reversals, never by edits.
 * All dates are Asia/Shanghai business dates 'YYYY-MM-DD'; amounts are positive fen.
 */
interface EntryBase {
  readonly id: string;
  readonly date: string;
  readonly amountFen: Fen;
}

/** 下达: money assigned to a project by a document (文号) for a fiscal year. */
export interface Allocation extends EntryBase {
  readonly kind: 'allocation';
  readonly projectId: string;
  readonly source: FundingSource;
  readonly fiscalYear: number;
  readonly documentNumber: string;
}

/** 拨付: money actually transferred against one allocation. */
export interface Disbursement extends EntryBase {
  readonly kind: 'disbursement';
  readonly allocationId: string;
}

/** 支出: money paid out by the project, against its disbursed money (not a single allocation). */
export interface Expenditure extends EntryBase {
  readonly kind: 'expenditure';
  readonly projectId: string;
  readonly payee: string;
  readonly voucherNumber: string;
  readonly purpose: string;
}

/** 冲销: cancels all or part of an earlier allocation, disbursement or expenditure. */
export interface Reversal extends EntryBase {
  readonly kind: 'reversal';
  readonly originalId: string;
  readonly reason: string;
}

export type LedgerEntry = Allocation | Disbursement | Expenditure | Reversal;
export type ReversibleEntry = Allocation | Disbursement | Expenditure;

/** What funding knows about a project (a local projection of the projects service's events). */
export interface FundingProject {
  readonly id: string;
  readonly townshipCode: string;
  readonly cancelled: boolean;
}

export interface Ledger {
  readonly projects: readonly FundingProject[];
  /** In recording order; ties between entries of the same date are broken by this order. */
  readonly entries: readonly LedgerEntry[];
}

export interface AllocationBalance {
  readonly allocationId: string;
  readonly projectId: string;
  readonly source: FundingSource;
  readonly fiscalYear: number;
  readonly documentNumber: string;
  readonly date: string;
  /** Net of reversals. */
  readonly allocatedFen: Fen;
  /** Net of reversals of the disbursements. */
  readonly disbursedFen: Fen;
  /** allocated − disbursed: what may still be disbursed. */
  readonly undisbursedFen: Fen;
}

export interface ProjectBalance {
  readonly projectId: string;
  readonly allocatedFen: Fen;
  readonly disbursedFen: Fen;
  readonly spentFen: Fen;
}

function ofKind<K extends ReversibleEntry['kind']>(index: LedgerIndex, kind: K, asOf?: string) {
  return index.entries.filter((e): e is Extract<ReversibleEntry, { kind: K }> => e.kind === kind && within(e.date, asOf));
}

function balancesOfAllocations(index: LedgerIndex, asOf?: string): AllocationBalance[] {
  const disbursed = new Map<string, Fen[]>();
  for (const d of ofKind(index, 'disbursement', asOf)) {
    disbursed.set(d.allocationId, [...(disbursed.get(d.allocationId) ?? []), netAmount(index, d, asOf)]);
  }
  return ofKind(index, 'allocation', asOf).map((a) => {
    const allocatedFen = netAmount(index, a, asOf);
    const disbursedFen = sumFen(disbursed.get(a.id) ?? []);
    return {
      allocationId: a.id,
      projectId: a.projectId,
      source: a.source,
      fiscalYear: a.fiscalYear,
      documentNumber: a.documentNumber,
      date: a.date,
      allocatedFen,
      disbursedFen,
      undisbursedFen: allocatedFen - disbursedFen,
    };
  });
}

/** Every allocation dated on or before `asOf` (all without it), in ledger order. */
export function allocationBalances(entries: readonly LedgerEntry[], asOf?: string): AllocationBalance[] {
  assertAsOf(asOf);
  return balancesOfAllocations(indexLedger(entries), asOf);
}

export function allocationBalance(entries: readonly LedgerEntry[], allocationId: string, asOf?: string): AllocationBalance | undefined {
  return allocationBalances(entries, asOf).find((b) => b.allocationId === allocationId);
}

/** Per project with at least one entry in range, in order of first appearance. */
export function projectBalances(entries: readonly LedgerEntry[], asOf?: string): ProjectBalance[] {
  assertAsOf(asOf);
  const index = indexLedger(entries);
  const totals = new Map<string, { allocated: Fen[]; disbursed: Fen[]; spent: Fen[] }>();
  const totalsOf = (projectId: string) => {
    if (!totals.has(projectId)) totals.set(projectId, { allocated: [], disbursed: [], spent: [] });
    return totals.get(projectId)!;
  };
  for (const entry of entries) {
    if (!within(entry.date, asOf) || entry.kind === 'reversal') continue;
    const bucket = totalsOf(projectIdOf(index, entry));
    const net = netAmount(index, entry, asOf);
    if (entry.kind === 'allocation') bucket.allocated.push(net);
    else if (entry.kind === 'disbursement') bucket.disbursed.push(net);
    else bucket.spent.push(net);
  }
  return [...totals].map(([projectId, t]) => ({
    projectId,
    allocatedFen: sumFen(t.allocated),
    disbursedFen: sumFen(t.disbursed),
    spentFen: sumFen(t.spent),
  }));
}

/** Zeros for a project without entries. */
export function projectBalance(entries: readonly LedgerEntry[], projectId: string, asOf?: string): ProjectBalance {
  return projectBalances(entries, asOf).find((b) => b.projectId === projectId)
    ?? { projectId, allocatedFen: 0, disbursedFen: 0, spentFen: 0 };
}

/** What is left to reverse of an entry: its amount less every reversal recorded against it. */
export function remainingAmount(entries: readonly LedgerEntry[], entryId: string): Fen {
  const index = indexLedger(entries);
  const entry = index.byId.get(entryId);
  if (!entry || entry.kind === 'reversal') {
    throw new DomainError(issue('ledger.unknown_entry', 'entryId', `分录不存在或不可冲销：${entryId}`, `No reversible entry ${entryId}`));
  }
  return netAmount(index, entry);
}
