import { checkEntry, EntryDraft } from '../ledger-guards';
import { FundingProject, Ledger, LedgerEntry } from '../ledger';
import { FundingSource } from '../funding-source';

export const TOWNSHIP_A = '360321100';
export const TOWNSHIP_B = '360321101';
export const TOWNSHIP_C = '360322200'; // another county

/** Builds ledgers through the guards, so every fixture is one the application could produce. */
export class LedgerBuilder {
  private readonly projects: FundingProject[] = [];
  private readonly entries: LedgerEntry[] = [];
  private seq = 0;

  project(id: string, townshipCode = TOWNSHIP_A, cancelled = false): this {
    this.projects.push({ id, townshipCode, cancelled });
    return this;
  }

  cancel(id: string): this {
    const i = this.projects.findIndex((p) => p.id === id);
    this.projects[i] = { ...this.projects[i], cancelled: true };
    return this;
  }

  allocate(projectId: string, amountFen: number, options: { date?: string; source?: FundingSource; fiscalYear?: number; documentNumber?: string } = {}): string {
    return this.record({
      kind: 'allocation',
      projectId,
      amountFen,
      date: options.date ?? '2025-01-10',
      source: options.source ?? 'central',
      fiscalYear: options.fiscalYear ?? 2025,
      documentNumber: options.documentNumber ?? `赣财教〔2025〕${this.seq + 1}号`,
    });
  }

  disburse(allocationId: string, amountFen: number, date = '2025-02-01'): string {
    return this.record({ kind: 'disbursement', allocationId, amountFen, date });
  }

  spend(projectId: string, amountFen: number, date = '2025-03-01', voucherNumber?: string): string {
    return this.record({
      kind: 'expenditure', projectId, amountFen, date,
      payee: '县建筑公司', voucherNumber: voucherNumber ?? `记-${this.seq + 1}`, purpose: '工程进度款',
    });
  }

  reverse(originalId: string, amountFen: number, date = '2025-04-01'): string {
    return this.record({ kind: 'reversal', originalId, amountFen, date, reason: '录入错误' });
  }

  record(draft: EntryDraft): string {
    const check = checkEntry(this.build(), draft);
    if (!check.ok) throw new Error(`fixture refused: ${check.error.code} ${check.error.en}`);
    const id = `e${++this.seq}`;
    this.entries.push({ ...draft, id } as LedgerEntry);
    return id;
  }

  build(): Ledger {
    return { projects: [...this.projects], entries: [...this.entries] };
  }
}
