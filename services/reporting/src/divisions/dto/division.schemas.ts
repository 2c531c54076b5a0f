import { z } from 'zod';
import { isCountyCode, isTownshipCode } from '@xiaojian/domain-kernel';
import { localized, paginationShape } from '@xiaojian/platform';
import { countyCodeParam } from '../../common/scope';

/**
 * Why a division code is unacceptable, or null: a county has 6 digits and does not start with 0;
 * a township has 9 — its county's 6 digits (so its county is always its first 6 digits) plus a
 * serial 001–999.
 */
export function divisionCodeProblem(code: string): { zh: string; en: string } | null {
  if (!/^\d{6}$|^\d{9}$/.test(code)) {
    return { zh: '区划代码应为 6 位（县级）或 9 位（乡镇级）数字', en: 'code must have 6 (county) or 9 (township) digits' };
  }
  if (!isCountyCode(code.slice(0, 6))) {
    return code.length === 9
      ? { zh: '乡镇区划代码的前 6 位应为所属县的代码，县级代码不能以 0 开头', en: 'the first 6 digits of a township code must form its county code, which cannot start with 0' }
      : { zh: '县级区划代码不能以 0 开头', en: 'a county code cannot start with 0' };
  }
  if (code.length === 9 && !isTownshipCode(code)) {
    return { zh: '乡镇区划代码的后 3 位不能是 000', en: 'a township code cannot end in 000' };
  }
  return null;
}

export const divisionCodeSchema = z.string().superRefine((code, ctx) => {
  const problem = divisionCodeProblem(code);
  if (problem) {
    const { error, params } = localized(problem.zh, problem.en);
    ctx.issues.push({ code: 'custom', input: code, message: error, params });
  }
});

/** Messages of the built-in checks (empty, too long, not text) come from the platform's zh/en translator. */
export const divisionNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), localized('名称不能包含换行或控制字符', 'name cannot contain line breaks or control characters'));

export const putDivisionSchema = z.object({ name: divisionNameSchema }).strict();
export type PutDivision = z.output<typeof putDivisionSchema>;

export const MAX_BULK_DIVISIONS = 2000;

/** `[{ code, name }]`, each code at most once. */
export const bulkDivisionsSchema = z
  .array(z.object({ code: divisionCodeSchema, name: divisionNameSchema }).strict())
  .min(1)
  .max(MAX_BULK_DIVISIONS)
  .superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const first = seen.get(item.code);
      if (first === undefined) {
        seen.set(item.code, index);
        return;
      }
      const { error, params } = localized(
        `区划代码 ${item.code} 重复（第 ${first + 1} 项已填写）`,
        `code ${item.code} appears more than once (first at item ${first + 1})`,
      );
      ctx.issues.push({ code: 'custom', input: item.code, path: [index, 'code'], message: error, params });
    });
  });
export type BulkDivisions = z.output<typeof bulkDivisionsSchema>;

export const divisionListSchema = z.object({
  ...paginationShape,
  county: countyCodeParam.optional(),
});
export type DivisionListQuery = z.output<typeof divisionListSchema>;
