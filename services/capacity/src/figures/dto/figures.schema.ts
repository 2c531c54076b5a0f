import { z } from 'zod';
import { isValidDate } from '@xiaojian/domain-kernel';
import { localized } from '@xiaojian/platform';
import { countyCodeSchema, townshipCodeSchema, townshipOutsideCounty } from '../../shared/schemas';

export const figuresQuerySchema = z
  .object({
    county: countyCodeSchema.optional().describe('6-digit county code: county totals, every township and school of it'),
    township: townshipCodeSchema.optional().describe('9-digit township code: that township and its schools'),
    asOf: z.string().refine(isValidDate, localized('日期格式应为 YYYY-MM-DD（如 2025-06-30）', 'expected a date YYYY-MM-DD')).optional().describe('Default: today (Asia/Shanghai)'),
    year: z.coerce.number().int().min(2000).max(2100).optional().describe("Target year; default: asOf's year"),
  })
  .superRefine((v, ctx) => {
    if (!v.county && !v.township) {
      const text = localized('请指定县（county）或乡镇（township）', 'give county or township');
      ctx.addIssue({ code: 'custom', path: ['county'], message: text.error, params: text.params });
    }
    if (v.county && v.township && !v.township.startsWith(v.county)) {
      ctx.addIssue({ code: 'custom', path: ['township'], message: townshipOutsideCounty.error, params: townshipOutsideCounty.params });
    }
  });
export type FiguresQuery = z.output<typeof figuresQuerySchema>;
