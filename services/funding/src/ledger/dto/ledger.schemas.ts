import { z } from 'zod';
import { parseYuan, shanghaiDate } from '@xiaojian/domain-kernel';
import { localized, paginationQuery } from '@xiaojian/platform';
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, FUNDING_SOURCES, RATE_GROUPINGS } from '../../domain';
import { LEDGER_KINDS } from '../ledger-entry.entity';

/** No single ledger entry above 100亿 yuan: anything larger is a typing error. */
export const MAX_ENTRY_YUAN = 10_000_000_000;

/** Yuan as a decimal string with at most two decimals → integer fen. */
export const yuanAmount = z
  .string()
  .transform((value, ctx) => {
    const parsed = parseYuan(value, { field: 'amount', maxYuan: MAX_ENTRY_YUAN });
    if (parsed.ok && parsed.value > 0) return parsed.value;
    const [zh, en] = parsed.ok ? ['金额必须大于零', 'Amount must be greater than zero'] : [parsed.error.zh, parsed.error.en];
    const { error, params } = localized(zh, en);
    ctx.issues.push({ code: 'custom', input: value, message: error, params });
    return z.NEVER;
  })
  .describe('金额（元），字符串，最多两位小数，例如 "1234.50"');

/** A business date (Asia/Shanghai), not in the future. */
export const businessDate = z.iso
  .date()
  .refine((date) => date <= shanghaiDate(new Date()), localized('日期不能晚于今天', 'Date must not be in the future'))
  .describe('业务日期 YYYY-MM-DD（北京时间），不晚于今天');

const text = (max: number) => z.string().trim().min(1).max(max);

export const allocationBody = z.strictObject({
  projectId: z.uuid(),
  source: z.enum(FUNDING_SOURCES).describe('资金来源'),
  fiscalYear: z.number().int().min(FISCAL_YEAR_MIN).max(FISCAL_YEAR_MAX).describe('预算年度'),
  documentNumber: text(100).describe('文号，例如 赣财教〔2025〕12号'),
  date: businessDate,
  amount: yuanAmount,
});
export type AllocationBody = z.output<typeof allocationBody>;

export const disbursementBody = z.strictObject({
  allocationId: z.uuid().describe('拨付所依据的下达记录'),
  date: businessDate,
  amount: yuanAmount,
});
export type DisbursementBody = z.output<typeof disbursementBody>;

export const expenditureBody = z.strictObject({
  projectId: z.uuid(),
  payee: text(200).describe('收款单位'),
  voucherNumber: text(100).describe('凭证号/发票号'),
  purpose: text(500).describe('用途'),
  date: businessDate,
  amount: yuanAmount,
});
export type ExpenditureBody = z.output<typeof expenditureBody>;

export const reversalBody = z.strictObject({
  originalId: z.uuid().describe('被冲销的下达、拨付或支出记录'),
  reason: text(500).describe('冲销原因'),
  date: businessDate,
  amount: yuanAmount,
});
export type ReversalBody = z.output<typeof reversalBody>;

const countyCode = z.string().regex(/^\d{6}$/, localized('应为 6 位县级区划代码', 'expected a 6-digit county code'));
const townshipCode = z.string().regex(/^\d{9}$/, localized('应为 9 位乡镇区划代码', 'expected a 9-digit township code'));
const fiscalYearQuery = z.coerce.number().int().min(FISCAL_YEAR_MIN).max(FISCAL_YEAR_MAX);

export const entryListQuery = paginationQuery({ sortable: ['date', 'recordedAt', 'amount'], defaultSort: '-date' }).extend({
  kind: z.enum(LEDGER_KINDS).optional(),
  projectId: z.uuid().optional(),
  countyCode: countyCode.optional(),
  townshipCode: townshipCode.optional(),
  source: z.enum(FUNDING_SOURCES).optional(),
  fiscalYear: fiscalYearQuery.optional(),
  dateFrom: z.iso.date().optional(),
  dateTo: z.iso.date().optional(),
});
export type EntryListQuery = z.output<typeof entryListQuery>;

export const kindListQuery = entryListQuery.omit({ kind: true });
export type KindListQuery = z.output<typeof kindListQuery>;

export const asOfQuery = z.object({
  asOf: z.iso.date().optional().describe('截至日期 YYYY-MM-DD（北京时间），默认今天'),
});
export type AsOfQuery = z.output<typeof asOfQuery>;

export const ratesQuery = z.object({
  groupBy: z.enum(RATE_GROUPINGS).default('project'),
  asOf: z.iso.date().optional().describe('截至日期 YYYY-MM-DD（北京时间），默认今天'),
  fiscalYear: fiscalYearQuery.optional().describe('只统计该预算年度的资金；也是序时进度的年度'),
  countyCode: countyCode.optional(),
  townshipCode: townshipCode.optional(),
});
export type RatesQuery = z.output<typeof ratesQuery>;
