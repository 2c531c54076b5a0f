import { z } from 'zod';
import { isValidMonth, shanghaiMonth } from '@xiaojian/domain-kernel';
import { assertCanRead, localized, Principal, ProblemException } from '@xiaojian/platform';

export const countyCodeParam = z.string().regex(/^[1-9]\d{5}$/, localized('县级区划代码应为 6 位数字', 'county must be a 6-digit division code'));
export const townshipCodeParam = z.string().regex(/^[1-9]\d{8}$/, localized('乡镇区划代码应为 9 位数字', 'township must be a 9-digit division code'));
export const monthParam = z.string().refine(isValidMonth, localized('月份格式应为 YYYY-MM，例如 2025-10', 'month must be YYYY-MM, e.g. 2025-10'));

const scopeShape = { county: countyCodeParam, township: townshipCodeParam.optional(), month: monthParam };

const townshipInCounty: [(q: { county: string; township?: string }) => boolean, { error: string; params: object; path: string[] }] = [
  (q) => !q.township || q.township.startsWith(q.county),
  { ...localized('乡镇区划代码不属于该县（前 6 位应与县级代码一致）', 'township must lie in the county (its first 6 digits)'), path: ['township'] },
];

/** A county, optionally one of its townships, and a month. */
export const scopeQuerySchema = z.object(scopeShape).refine(...townshipInCounty);

/** The same, plus the figure to trace. */
export const traceQuerySchema = z.object({ ...scopeShape, figure: z.string().min(1).max(200) }).refine(...townshipInCounty);
export type TraceQuery = z.output<typeof traceQuerySchema>;
export type ScopeQuery = z.output<typeof scopeQuerySchema>;

/** Township users read their township only; county staff and leaders their county; admin all. */
export function assertScopeReadable(user: Principal, countyCode: string, townshipCode: string | null | undefined): void {
  assertCanRead(user, { countyCode, townshipCode: townshipCode ?? null });
}

/** Months after the current Shanghai month have no figures yet. */
export function assertNotFutureMonth(month: string, now = new Date()): void {
  if (month > shanghaiMonth(now)) {
    throw ProblemException.unprocessable(
      'future-month',
      { zh: '月份尚未到来', en: 'Month in the future' },
      { zh: `${month} 尚未到来，只能查询或生成本月及以前月份的数据。`, en: `${month} has not begun; only the current or past months can be reported.` },
      { month },
    );
  }
}
