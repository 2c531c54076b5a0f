import { DomainError, DomainIssue, Fen, formatYuan, isFen, isValidDate, issue } from '@xiaojian/domain-kernel';
import { isFundingSource } from './funding-source';
import { Allocation, Disbursement, Expenditure, FundingProject, Ledger, Reversal, ReversibleEntry } from './ledger';
import { LedgerIndex, indexLedger, netAmount, projectIdOf } from './ledger-index';
import { DatedChange, lowestBalanceFrom } from './running-balance';

/** An entry as proposed, before persistence gives it an id. */
export type AllocationDraft = Omit<Allocation, 'id'>;
export type DisbursementDraft = Omit<Disbursement, 'id'>;
export type ExpenditureDraft = Omit<Expenditure, 'id'>;
export type ReversalDraft = Omit<Reversal, 'id'>;
export type EntryDraft = AllocationDraft | DisbursementDraft | ExpenditureDraft | ReversalDraft;

export interface LedgerRejection extends DomainIssue {
  /** For amount rules: the largest amount that would have been accepted (never negative). */
  readonly headroomFen?: Fen;
}

export type LedgerCheck =
  | { readonly ok: true; readonly warnings: readonly DomainIssue[] }
  | { readonly ok: false; readonly error: LedgerRejection };

export const FISCAL_YEAR_MIN = 2000;
export const FISCAL_YEAR_MAX = 2100;

const accept = (warnings: DomainIssue[] = []): LedgerCheck => ({ ok: true, warnings });
const reject = (code: string, field: string, zh: string, en: string, headroomFen?: Fen): LedgerCheck => ({
  ok: false,
  error: headroomFen === undefined ? issue(code, field, zh, en) : { ...issue(code, field, zh, en), headroomFen: Math.max(0, headroomFen) },
});
const yuan = (fen: Fen) => formatYuan(fen);

interface Context {
  readonly index: LedgerIndex;
  readonly projects: ReadonlyMap<string, FundingProject>;
}

function contextOf(ledger: Ledger): Context {
  const projects = new Map<string, FundingProject>();
  for (const project of ledger.projects) {
    if (projects.has(project.id)) {
      throw new DomainError(issue('ledger.inconsistent', undefined, `项目重复：${project.id}`, `Duplicate project ${project.id}`));
    }
    projects.set(project.id, project);
  }
  return { index: indexLedger(ledger.entries), projects };
}

/** Shape rules common to every draft; the first violation wins. */
function checkCommon(draft: { amountFen: unknown; date: unknown }, texts: Record<string, [unknown, string, string]>): LedgerCheck | null {
  if (!isFen(draft.amountFen) || draft.amountFen <= 0) {
    return reject('entry.invalid_amount', 'amountFen', '金额必须是大于零的整数分', 'Amount must be a positive whole number of fen');
  }
  if (!isValidDate(draft.date)) {
    return reject('entry.invalid_date', 'date', '日期无效，应为 YYYY-MM-DD', 'Invalid date (expected YYYY-MM-DD)');
  }
  for (const [field, [value, zh, en]] of Object.entries(texts)) {
    if (typeof value !== 'string' || value.trim() === '') return reject(`entry.missing_${snake(field)}`, field, `${zh}不能为空`, `${en} is required`);
  }
  return null;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function projectRejection(ctx: Context, projectId: string, cancelledIsFine: boolean): LedgerCheck | null {
  const project = ctx.projects.get(projectId);
  if (!project) return reject('project.unknown', 'projectId', `项目不存在：${projectId}`, `Unknown project ${projectId}`);
  if (project.cancelled && !cancelledIsFine) {
    return reject('project.cancelled', 'projectId', '项目已取消，不能再下达或拨付资金',
      'The project is cancelled; it accepts no new allocation or disbursement');
  }
  return null;
}

/** Balance still free to disburse from one allocation, as dated changes. */
function allocationChanges(index: LedgerIndex, allocationId: string): DatedChange[] {
  const changes: DatedChange[] = [];
  const add = (entry: ReversibleEntry, sign: 1 | -1) => {
    changes.push({ date: entry.date, deltaFen: sign * entry.amountFen });
    for (const r of index.reversalsOf.get(entry.id) ?? []) changes.push({ date: r.date, deltaFen: -sign * r.amountFen });
  };
  for (const entry of index.entries) {
    if (entry.id === allocationId && entry.kind === 'allocation') add(entry, 1);
    if (entry.kind === 'disbursement' && entry.allocationId === allocationId) add(entry, -1);
  }
  return changes;
}

/** Disbursed but not yet spent money of one project (spent ≤ disbursed), as dated changes. */
function projectCashChanges(index: LedgerIndex, projectId: string): DatedChange[] {
  const changes: DatedChange[] = [];
  for (const entry of index.entries) {
    if (entry.kind !== 'disbursement' && entry.kind !== 'expenditure') continue;
    if (projectIdOf(index, entry) !== projectId) continue;
    const sign = entry.kind === 'disbursement' ? 1 : -1;
    changes.push({ date: entry.date, deltaFen: sign * entry.amountFen });
    for (const r of index.reversalsOf.get(entry.id) ?? []) changes.push({ date: r.date, deltaFen: -sign * r.amountFen });
  }
  return changes;
}

export function checkAllocation(ledger: Ledger, draft: AllocationDraft): LedgerCheck {
  const shape = checkCommon(draft, { documentNumber: [draft.documentNumber, '文号', 'Document number'] });
  if (shape) return shape;
  if (!isFundingSource(draft.source)) {
    return reject('allocation.invalid_source', 'source', `资金来源无效：${String(draft.source)}`, `Invalid funding source: ${String(draft.source)}`);
  }
  if (!Number.isInteger(draft.fiscalYear) || draft.fiscalYear < FISCAL_YEAR_MIN || draft.fiscalYear > FISCAL_YEAR_MAX) {
    return reject('allocation.invalid_fiscal_year', 'fiscalYear',
      `预算年度无效：${String(draft.fiscalYear)}`, `Invalid fiscal year: ${String(draft.fiscalYear)}`);
  }
  const ctx = contextOf(ledger);
  const refused = projectRejection(ctx, draft.projectId, false);
  if (refused) return refused;
  const duplicate = ctx.index.entries.some((e) => e.kind === 'allocation' && e.projectId === draft.projectId
    && e.documentNumber.trim() === draft.documentNumber.trim() && e.source === draft.source
    && e.fiscalYear === draft.fiscalYear && netAmount(ctx.index, e) > 0);
  return accept(duplicate ? [issue('allocation.possible_duplicate', 'documentNumber',
    `该项目已有同一文号、来源和年度的下达记录（${draft.documentNumber}），请确认不是重复录入`,
    `The project already has an allocation with document ${draft.documentNumber}, the same source and fiscal year; check it is not entered twice`)] : []);
}

export function checkDisbursement(ledger: Ledger, draft: DisbursementDraft): LedgerCheck {
  const shape = checkCommon(draft, {});
  if (shape) return shape;
  const ctx = contextOf(ledger);
  const allocation = ctx.index.byId.get(draft.allocationId);
  if (allocation?.kind !== 'allocation') {
    return reject('allocation.unknown', 'allocationId', `下达记录不存在：${draft.allocationId}`, `Unknown allocation ${draft.allocationId}`);
  }
  const refused = projectRejection(ctx, allocation.projectId, false);
  if (refused) return refused;
  if (draft.date < allocation.date) {
    return reject('disbursement.before_allocation', 'date', `拨付日期不能早于下达日期 ${allocation.date}`,
      `Disbursement date must not precede the allocation date ${allocation.date}`);
  }
  const headroom = lowestBalanceFrom(allocationChanges(ctx.index, allocation.id), draft.date);
  if (draft.amountFen > headroom) {
    return reject('disbursement.exceeds_allocation', 'amountFen',
      `拨付金额 ${yuan(draft.amountFen)} 元超过该笔下达资金自 ${draft.date} 起的可拨付余额 ${yuan(Math.max(0, headroom))} 元`,
      `Disbursement of ${yuan(draft.amountFen)} yuan exceeds the ${yuan(Math.max(0, headroom))} yuan of this allocation still undisbursed from ${draft.date} on`,
      headroom);
  }
  return accept();
}

export function checkExpenditure(ledger: Ledger, draft: ExpenditureDraft): LedgerCheck {
  const shape = checkCommon(draft, {
    payee: [draft.payee, '收款单位', 'Payee'],
    voucherNumber: [draft.voucherNumber, '凭证号', 'Voucher number'],
    purpose: [draft.purpose, '用途', 'Purpose'],
  });
  if (shape) return shape;
  const ctx = contextOf(ledger);
  const refused = projectRejection(ctx, draft.projectId, true);
  if (refused) return refused;
  const headroom = lowestBalanceFrom(projectCashChanges(ctx.index, draft.projectId), draft.date);
  if (draft.amountFen > headroom) {
    return reject('expenditure.exceeds_disbursed', 'amountFen',
      `支出金额 ${yuan(draft.amountFen)} 元超过该项目自 ${draft.date} 起已拨付未支出的余额 ${yuan(Math.max(0, headroom))} 元`,
      `Expenditure of ${yuan(draft.amountFen)} yuan exceeds the project's ${yuan(Math.max(0, headroom))} yuan disbursed but unspent from ${draft.date} on`,
      headroom);
  }
  const sameVoucher = ctx.index.entries.some((e) => e.kind === 'expenditure' && e.projectId === draft.projectId
    && e.voucherNumber.trim() === draft.voucherNumber.trim() && netAmount(ctx.index, e) > 0);
  const warnings: DomainIssue[] = [];
  if (ctx.projects.get(draft.projectId)!.cancelled) {
    warnings.push(issue('project.cancelled', 'projectId', '项目已取消，仍记录该笔支出，请核实',
      'The project is cancelled; the expenditure is recorded, please verify it'));
  }
  if (sameVoucher) {
    warnings.push(issue('expenditure.duplicate_voucher', 'voucherNumber',
      `该项目已有凭证号 ${draft.voucherNumber} 的支出，请确认不是重复录入`,
      `The project already has an expenditure with voucher ${draft.voucherNumber}; check it is not entered twice`));
  }
  return accept(warnings);
}

export function checkReversal(ledger: Ledger, draft: ReversalDraft): LedgerCheck {
  const shape = checkCommon(draft, { reason: [draft.reason, '冲销原因', 'Reason'] });
  if (shape) return shape;
  const ctx = contextOf(ledger);
  const original = ctx.index.byId.get(draft.originalId);
  if (!original) {
    return reject('reversal.unknown_original', 'originalId', `被冲销的分录不存在：${draft.originalId}`, `Unknown entry ${draft.originalId}`);
  }
  if (original.kind === 'reversal') {
    return reject('reversal.of_reversal', 'originalId', '不能冲销一笔冲销记录，请重新录入原业务',
      'A reversal cannot be reversed; record the original transaction again instead');
  }
  if (draft.date < original.date) {
    return reject('reversal.before_original', 'date', `冲销日期不能早于原分录日期 ${original.date}`,
      `Reversal date must not precede the original entry's date ${original.date}`);
  }
  const remaining = netAmount(ctx.index, original);
  const limit = original.kind === 'allocation'
    ? lowestBalanceFrom(allocationChanges(ctx.index, original.id), draft.date)
    : original.kind === 'disbursement'
      ? lowestBalanceFrom(projectCashChanges(ctx.index, projectIdOf(ctx.index, original)), draft.date)
      : Number.POSITIVE_INFINITY;
  const reversible = Math.min(remaining, limit);
  if (draft.amountFen > remaining) {
    return reject('reversal.exceeds_remaining', 'amountFen',
      `冲销金额 ${yuan(draft.amountFen)} 元超过原分录尚未冲销的金额 ${yuan(remaining)} 元`,
      `Reversal of ${yuan(draft.amountFen)} yuan exceeds the ${yuan(remaining)} yuan of the original not yet reversed`, reversible);
  }
  if (draft.amountFen > limit) {
    return original.kind === 'allocation'
      ? reject('reversal.allocated_below_disbursed', 'amountFen',
        `冲销后该笔下达资金将少于已拨付金额；自 ${draft.date} 起最多可冲销 ${yuan(Math.max(0, reversible))} 元`,
        `The reversal would leave the allocation below what was disbursed from it; at most ${yuan(Math.max(0, reversible))} yuan can be reversed from ${draft.date} on`,
        reversible)
      : reject('reversal.disbursed_below_spent', 'amountFen',
        `冲销后该项目已拨付金额将少于已支出金额；自 ${draft.date} 起最多可冲销 ${yuan(Math.max(0, reversible))} 元`,
        `The reversal would leave the project's disbursed money below its spending; at most ${yuan(Math.max(0, reversible))} yuan can be reversed from ${draft.date} on`,
        reversible);
  }
  return accept();
}

/** Dispatches on `draft.kind`. */
export function checkEntry(ledger: Ledger, draft: EntryDraft): LedgerCheck {
  switch (draft.kind) {
    case 'allocation':
      return checkAllocation(ledger, draft);
    case 'disbursement':
      return checkDisbursement(ledger, draft);
    case 'expenditure':
      return checkExpenditure(ledger, draft);
    case 'reversal':
      return checkReversal(ledger, draft);
    default:
      throw new DomainError(issue('entry.invalid_kind', 'kind', '分录类型无效', 'Invalid entry kind'));
  }
}
