import {
  AllocationDraft, checkAllocation, checkDisbursement, checkEntry, checkExpenditure, checkReversal, EntryDraft,
  ExpenditureDraft, LedgerCheck,
} from '../ledger-guards';
import { Ledger } from '../ledger';
import { LedgerBuilder } from './ledger.fixtures';

const allocationDraft = (overrides: Partial<AllocationDraft> = {}): AllocationDraft => ({
  kind: 'allocation', projectId: 'p1', amountFen: 100_000, date: '2025-01-10', source: 'central',
  fiscalYear: 2025, documentNumber: '赣财教〔2025〕8号', ...overrides,
});
const expenditureDraft = (overrides: Partial<ExpenditureDraft> = {}): ExpenditureDraft => ({
  kind: 'expenditure', projectId: 'p1', amountFen: 1, date: '2025-03-01', payee: '县建筑公司',
  voucherNumber: '记-900', purpose: '工程进度款', ...overrides,
});

function rejection(check: LedgerCheck) {
  if (check.ok) throw new Error('expected a rejection');
  return check.error;
}
const codeOf = (check: LedgerCheck) => rejection(check).code;

describe('checkAllocation', () => {
  const ledger = new LedgerBuilder().project('p1').project('gone', undefined, true).build();

  it('accepts a valid allocation without warnings', () => {
    expect(checkAllocation(ledger, allocationDraft())).toEqual({ ok: true, warnings: [] });
  });

  it('accepts an advance allocation (提前下达) dated in the previous year', () => {
    expect(checkAllocation(ledger, allocationDraft({ date: '2024-11-20', fiscalYear: 2025 })).ok).toBe(true);
  });

  it('refuses an unknown project', () => {
    const error = rejection(checkAllocation(ledger, allocationDraft({ projectId: 'nope' })));
    expect(error).toMatchObject({ code: 'project.unknown', field: 'projectId' });
    expect(error.zh).toContain('nope');
    expect(error.en).toContain('nope');
  });

  it('refuses a cancelled project', () => {
    expect(rejection(checkAllocation(ledger, allocationDraft({ projectId: 'gone' })))).toMatchObject({
      code: 'project.cancelled', field: 'projectId', zh: '项目已取消，不能再下达或拨付资金',
    });
  });

  it.each([
    [{ amountFen: 0 }, 'entry.invalid_amount', 'amountFen'],
    [{ amountFen: -100 }, 'entry.invalid_amount', 'amountFen'],
    [{ amountFen: 1.5 }, 'entry.invalid_amount', 'amountFen'],
    [{ amountFen: '100' as unknown as number }, 'entry.invalid_amount', 'amountFen'],
    [{ amountFen: 2 ** 53 }, 'entry.invalid_amount', 'amountFen'],
    [{ date: '2025-02-29' }, 'entry.invalid_date', 'date'],
    [{ date: '2025/01/10' }, 'entry.invalid_date', 'date'],
    [{ documentNumber: '  ' }, 'entry.missing_document_number', 'documentNumber'],
    [{ source: 'lottery' as never }, 'allocation.invalid_source', 'source'],
    [{ fiscalYear: 1999 }, 'allocation.invalid_fiscal_year', 'fiscalYear'],
    [{ fiscalYear: 2101 }, 'allocation.invalid_fiscal_year', 'fiscalYear'],
    [{ fiscalYear: 2025.5 }, 'allocation.invalid_fiscal_year', 'fiscalYear'],
  ])('refuses %p with %s', (overrides, code, field) => {
    expect(rejection(checkAllocation(ledger, allocationDraft(overrides)))).toMatchObject({ code, field });
  });

  it('accepts the smallest amount, one fen', () => {
    expect(checkAllocation(ledger, allocationDraft({ amountFen: 1 })).ok).toBe(true);
  });

  it('warns about a likely duplicate, unless the earlier one was fully reversed', () => {
    const b = new LedgerBuilder().project('p1');
    const first = b.allocate('p1', 100_000, { documentNumber: '赣财教〔2025〕8号' });
    const check = checkAllocation(b.build(), allocationDraft({ documentNumber: ' 赣财教〔2025〕8号 ' }));
    expect(check).toMatchObject({ ok: true, warnings: [{ code: 'allocation.possible_duplicate', field: 'documentNumber' }] });
    expect(checkAllocation(b.build(), allocationDraft({ source: 'provincial' }))).toEqual({ ok: true, warnings: [] });
    b.reverse(first, 100_000);
    expect(checkAllocation(b.build(), allocationDraft())).toEqual({ ok: true, warnings: [] });
  });
});

describe('checkDisbursement', () => {
  function setup() {
    const b = new LedgerBuilder().project('p1');
    const allocation = b.allocate('p1', 100_000, { date: '2025-01-10' });
    return { b, allocation };
  }

  it('allows disbursing up to exactly the last fen, and not one fen more', () => {
    const { b, allocation } = setup();
    b.disburse(allocation, 99_999);
    expect(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 2, date: '2025-02-01' }))
      .toEqual({ ok: false, error: expect.objectContaining({ code: 'disbursement.exceeds_allocation', field: 'amountFen', headroomFen: 1 }) });
    expect(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 1, date: '2025-02-01' }))
      .toEqual({ ok: true, warnings: [] });
    b.disburse(allocation, 1);
    const full = rejection(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 1, date: '2025-02-02' }));
    expect(full.headroomFen).toBe(0);
    expect(full.zh).toBe('拨付金额 0.01 元超过该笔下达资金自 2025-02-02 起的可拨付余额 0.00 元');
    expect(full.en).toBe('Disbursement of 0.01 yuan exceeds the 0.00 yuan of this allocation still undisbursed from 2025-02-02 on');
  });

  it('reports headroom as allocated − disbursed for that allocation only', () => {
    const { b, allocation } = setup();
    const other = b.allocate('p1', 500_000, { source: 'county' });
    b.disburse(allocation, 30_000);
    b.disburse(other, 500_000);
    expect(rejection(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 70_001, date: '2025-03-01' })))
      .toMatchObject({ headroomFen: 70_000 });
  });

  it('counts reversals of the allocation and of its disbursements', () => {
    const { b, allocation } = setup();
    const d = b.disburse(allocation, 60_000, '2025-02-01');
    b.reverse(allocation, 20_000, '2025-03-01'); // allocated 80,000
    expect(rejection(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 20_001, date: '2025-04-01' })))
      .toMatchObject({ headroomFen: 20_000 });
    b.reverse(d, 10_000, '2025-03-15'); // disbursed 50,000
    expect(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 30_000, date: '2025-04-01' }).ok).toBe(true);
    expect(codeOf(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 30_001, date: '2025-04-01' })))
      .toBe('disbursement.exceeds_allocation');
  });

  it('refuses a backdated disbursement that a later one already used up', () => {
    const { b, allocation } = setup();
    b.disburse(allocation, 100_000, '2025-03-01');
    // On 2025-02-01 there were 100,000 free, but from 2025-03-01 on there would be −1.
    expect(rejection(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 1, date: '2025-02-01' })))
      .toMatchObject({ code: 'disbursement.exceeds_allocation', headroomFen: 0 });
  });

  it('does not lend money that only comes back later (a later reversal of a disbursement)', () => {
    const { b, allocation } = setup();
    const d = b.disburse(allocation, 100_000, '2025-03-01');
    b.reverse(d, 50_000, '2025-06-01');
    expect(rejection(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 1, date: '2025-04-01' })))
      .toMatchObject({ headroomFen: 0 });
    expect(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 50_000, date: '2025-06-01' }).ok).toBe(true);
  });

  it('refuses a disbursement that a later allocation reversal would leave uncovered', () => {
    const { b, allocation } = setup();
    b.reverse(allocation, 40_000, '2025-06-01');
    expect(rejection(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 60_001, date: '2025-03-01' })))
      .toMatchObject({ headroomFen: 60_000 });
  });

  it('refuses a disbursement dated before its allocation', () => {
    const { b, allocation } = setup();
    expect(rejection(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 1, date: '2025-01-09' })))
      .toMatchObject({ code: 'disbursement.before_allocation', field: 'date' });
    expect(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 1, date: '2025-01-10' }).ok).toBe(true);
  });

  it('refuses an unknown allocation, or an id that is not an allocation', () => {
    const { b, allocation } = setup();
    const d = b.disburse(allocation, 1);
    for (const allocationId of ['nope', d]) {
      expect(rejection(checkDisbursement(b.build(), { kind: 'disbursement', allocationId, amountFen: 1, date: '2025-02-01' })))
        .toMatchObject({ code: 'allocation.unknown', field: 'allocationId' });
    }
  });

  it('refuses disbursing to a cancelled project', () => {
    const { b, allocation } = setup();
    b.cancel('p1');
    expect(codeOf(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 1, date: '2025-02-01' })))
      .toBe('project.cancelled');
  });

  it('refuses invalid amounts and dates before looking anything up', () => {
    const { b, allocation } = setup();
    expect(codeOf(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: allocation, amountFen: 0, date: '2025-02-01' })))
      .toBe('entry.invalid_amount');
    expect(codeOf(checkDisbursement(b.build(), { kind: 'disbursement', allocationId: 'nope', amountFen: 1, date: '2025-13-01' })))
      .toBe('entry.invalid_date');
  });
});

describe('checkExpenditure', () => {
  function setup() {
    const b = new LedgerBuilder().project('p1').project('p2');
    const a1 = b.allocate('p1', 100_000, { source: 'central' });
    const a2 = b.allocate('p1', 50_000, { source: 'county' });
    const other = b.allocate('p2', 900_000);
    b.disburse(a1, 60_000, '2025-02-01');
    b.disburse(a2, 40_000, '2025-02-10');
    b.disburse(other, 900_000, '2025-02-01');
    return { b, a1, a2 };
  }

  it('allows spending up to the project disbursed total across allocations, to the last fen', () => {
    const { b } = setup();
    b.spend('p1', 99_999);
    expect(rejection(checkExpenditure(b.build(), expenditureDraft({ amountFen: 2 })))).toMatchObject({
      code: 'expenditure.exceeds_disbursed', field: 'amountFen', headroomFen: 1,
      zh: '支出金额 0.02 元超过该项目自 2025-03-01 起已拨付未支出的余额 0.01 元',
    });
    expect(checkExpenditure(b.build(), expenditureDraft({ amountFen: 1 }))).toEqual({ ok: true, warnings: [] });
  });

  it('refuses spending allocated but undisbursed money', () => {
    const { b } = setup();
    expect(rejection(checkExpenditure(b.build(), expenditureDraft({ amountFen: 100_001 })))).toMatchObject({ headroomFen: 100_000 });
  });

  it('refuses spending dated before the money was disbursed', () => {
    const { b } = setup();
    expect(rejection(checkExpenditure(b.build(), expenditureDraft({ amountFen: 60_001, date: '2025-02-05' }))))
      .toMatchObject({ code: 'expenditure.exceeds_disbursed', headroomFen: 60_000 });
    expect(rejection(checkExpenditure(b.build(), expenditureDraft({ date: '2025-01-31' })))).toMatchObject({ headroomFen: 0 });
  });

  it('refuses backdated spending that later spending already covers', () => {
    const { b } = setup();
    b.spend('p1', 100_000, '2025-03-01');
    expect(rejection(checkExpenditure(b.build(), expenditureDraft({ date: '2025-02-20' })))).toMatchObject({ headroomFen: 0 });
  });

  it('does not spend money that only comes back later (a later reversal of spending)', () => {
    const { b } = setup();
    const e = b.spend('p1', 100_000, '2025-03-01');
    b.reverse(e, 30_000, '2025-06-01');
    expect(rejection(checkExpenditure(b.build(), expenditureDraft({ date: '2025-04-01' })))).toMatchObject({ headroomFen: 0 });
    expect(checkExpenditure(b.build(), expenditureDraft({ amountFen: 30_000, date: '2025-06-30' })).ok).toBe(true);
  });

  it('counts reversed spending and reversed disbursements', () => {
    const { b, a1 } = setup();
    const e = b.spend('p1', 100_000);
    b.reverse(e, 25_000, '2025-04-01');
    expect(rejection(checkExpenditure(b.build(), expenditureDraft({ amountFen: 25_001, date: '2025-04-02' })))).toMatchObject({ headroomFen: 25_000 });
    const d = b.disburse(a1, 40_000, '2025-04-05');
    b.reverse(d, 15_000, '2025-04-06');
    expect(rejection(checkExpenditure(b.build(), expenditureDraft({ amountFen: 50_001, date: '2025-04-10' })))).toMatchObject({ headroomFen: 50_000 });
  });

  it('accepts spending on a cancelled project, with a warning', () => {
    const { b } = setup();
    b.cancel('p1');
    expect(checkExpenditure(b.build(), expenditureDraft())).toEqual({
      ok: true,
      warnings: [expect.objectContaining({ code: 'project.cancelled', field: 'projectId' })],
    });
  });

  it('still refuses overspending on a cancelled project', () => {
    const { b } = setup();
    b.cancel('p1');
    expect(codeOf(checkExpenditure(b.build(), expenditureDraft({ amountFen: 100_001 })))).toBe('expenditure.exceeds_disbursed');
  });

  it('warns about a voucher number already used on the project', () => {
    const { b } = setup();
    b.spend('p1', 10, '2025-03-01', '记-7');
    expect(checkExpenditure(b.build(), expenditureDraft({ voucherNumber: '记-7' }))).toMatchObject({
      ok: true, warnings: [{ code: 'expenditure.duplicate_voucher', field: 'voucherNumber' }],
    });
    expect(checkExpenditure(b.build(), expenditureDraft({ projectId: 'p2', voucherNumber: '记-7' }))).toEqual({ ok: true, warnings: [] });
  });

  it('refuses an unknown project', () => {
    const { b } = setup();
    expect(codeOf(checkExpenditure(b.build(), expenditureDraft({ projectId: 'nope' })))).toBe('project.unknown');
  });

  it.each([
    [{ payee: '' }, 'entry.missing_payee', 'payee'],
    [{ voucherNumber: ' ' }, 'entry.missing_voucher_number', 'voucherNumber'],
    [{ purpose: undefined as unknown as string }, 'entry.missing_purpose', 'purpose'],
    [{ amountFen: -1 }, 'entry.invalid_amount', 'amountFen'],
  ])('refuses %p', (overrides, code, field) => {
    const { b } = setup();
    expect(rejection(checkExpenditure(b.build(), expenditureDraft(overrides)))).toMatchObject({ code, field });
  });
});

describe('checkReversal', () => {
  function setup() {
    const b = new LedgerBuilder().project('p1');
    const allocation = b.allocate('p1', 100_000, { date: '2025-01-10' });
    const disbursement = b.disburse(allocation, 60_000, '2025-02-01');
    const expenditure = b.spend('p1', 45_000, '2025-03-01');
    return { b, allocation, disbursement, expenditure };
  }
  const reversal = (originalId: string, amountFen: number, date = '2025-04-01') =>
    ({ kind: 'reversal', originalId, amountFen, date, reason: '录入错误' }) as const;

  it('allows a partial then the remaining reversal, and nothing more', () => {
    const { b, expenditure } = setup();
    b.reverse(expenditure, 20_000);
    expect(rejection(checkReversal(b.build(), reversal(expenditure, 25_001)))).toMatchObject({
      code: 'reversal.exceeds_remaining', field: 'amountFen', headroomFen: 25_000,
      zh: '冲销金额 250.01 元超过原分录尚未冲销的金额 250.00 元',
    });
    b.reverse(expenditure, 25_000);
    expect(rejection(checkReversal(b.build(), reversal(expenditure, 1)))).toMatchObject({ code: 'reversal.exceeds_remaining', headroomFen: 0 });
  });

  it('does not let an allocation fall below what was disbursed from it', () => {
    const { b, allocation } = setup();
    expect(rejection(checkReversal(b.build(), reversal(allocation, 40_001)))).toMatchObject({
      code: 'reversal.allocated_below_disbursed', headroomFen: 40_000,
    });
    expect(checkReversal(b.build(), reversal(allocation, 40_000))).toEqual({ ok: true, warnings: [] });
  });

  it('does not let a project disbursed total fall below its spending', () => {
    const { b, disbursement } = setup();
    expect(rejection(checkReversal(b.build(), reversal(disbursement, 15_001)))).toMatchObject({
      code: 'reversal.disbursed_below_spent', headroomFen: 15_000,
    });
    expect(checkReversal(b.build(), reversal(disbursement, 15_000)).ok).toBe(true);
  });

  it('lets a disbursement be reversed fully once its spending is reversed', () => {
    const { b, disbursement, expenditure, allocation } = setup();
    b.reverse(expenditure, 45_000);
    b.reverse(disbursement, 60_000);
    expect(checkReversal(b.build(), reversal(allocation, 100_000)).ok).toBe(true);
  });

  it('checks the constraint at every later date, not just today', () => {
    const { b, disbursement } = setup();
    // Reversing on 2025-02-15 (before the 2025-03-01 spending) still leaves it uncovered.
    expect(rejection(checkReversal(b.build(), reversal(disbursement, 15_001, '2025-02-15')))).toMatchObject({ headroomFen: 15_000 });
  });

  it('reports the smaller of remaining and the balance rule as headroom', () => {
    const { b, disbursement } = setup();
    expect(rejection(checkReversal(b.build(), reversal(disbursement, 60_001)))).toMatchObject({
      code: 'reversal.exceeds_remaining', headroomFen: 15_000,
    });
  });

  it('allows reversals on a cancelled project', () => {
    const { b, expenditure, allocation } = setup();
    b.cancel('p1');
    expect(checkReversal(b.build(), reversal(expenditure, 45_000)).ok).toBe(true);
    expect(checkReversal(b.build(), reversal(allocation, 40_000)).ok).toBe(true);
  });

  it('refuses reversing a reversal, an unknown entry, or one dated before the original', () => {
    const { b, expenditure } = setup();
    const r = b.reverse(expenditure, 1);
    expect(rejection(checkReversal(b.build(), reversal(r, 1)))).toMatchObject({ code: 'reversal.of_reversal', field: 'originalId' });
    expect(rejection(checkReversal(b.build(), reversal('nope', 1)))).toMatchObject({ code: 'reversal.unknown_original', field: 'originalId' });
    expect(rejection(checkReversal(b.build(), reversal(expenditure, 1, '2025-02-28')))).toMatchObject({ code: 'reversal.before_original', field: 'date' });
    expect(checkReversal(b.build(), reversal(expenditure, 1, '2025-03-01')).ok).toBe(true);
  });

  it('requires a reason', () => {
    const { b, expenditure } = setup();
    expect(rejection(checkReversal(b.build(), { ...reversal(expenditure, 1), reason: ' ' }))).toMatchObject({
      code: 'entry.missing_reason', field: 'reason', zh: '冲销原因不能为空', en: 'Reason is required',
    });
  });
});

describe('checkEntry', () => {
  it('dispatches on kind', () => {
    const ledger = new LedgerBuilder().project('p1').build();
    expect(checkEntry(ledger, allocationDraft()).ok).toBe(true);
    expect(codeOf(checkEntry(ledger, expenditureDraft()))).toBe('expenditure.exceeds_disbursed');
    expect(codeOf(checkEntry(ledger, { kind: 'disbursement', allocationId: 'x', amountFen: 1, date: '2025-01-01' }))).toBe('allocation.unknown');
    expect(codeOf(checkEntry(ledger, { kind: 'reversal', originalId: 'x', amountFen: 1, date: '2025-01-01', reason: 'r' }))).toBe('reversal.unknown_original');
    expect(() => checkEntry(ledger, { kind: 'edit' } as unknown as EntryDraft)).toThrow(expect.objectContaining({ code: 'entry.invalid_kind' }));
  });

  it('throws on a ledger the guards could not have produced', () => {
    const base = new LedgerBuilder().project('p1').build();
    const broken: Ledger = {
      projects: base.projects,
      entries: [{ kind: 'disbursement', id: 'd1', allocationId: 'missing', amountFen: 1, date: '2025-01-01' }],
    };
    expect(() => checkEntry(broken, allocationDraft())).toThrow(expect.objectContaining({ code: 'ledger.inconsistent' }));
    const twice: Ledger = { projects: [...base.projects, ...base.projects], entries: [] };
    expect(() => checkEntry(twice, allocationDraft())).toThrow(expect.objectContaining({ code: 'ledger.inconsistent' }));
  });
});
