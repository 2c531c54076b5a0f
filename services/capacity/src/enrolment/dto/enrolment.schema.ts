import { z } from 'zod';
import { localized } from '@xiaojian/platform';

/**
 * The body as received: term and grades are checked by the domain's validateEnrolmentReport,
 * which reports every problem at once with Chinese messages and field paths.
 */
export const enrolmentReportBodySchema = z
  .object({
    term: z.unknown(),
    grades: z.unknown(),
    correction: z.boolean().optional(),
    reason: z.string().trim().min(1).max(1000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.correction && !v.reason) {
      const text = localized('更正已填报的学期数据时须说明更正原因', 'a correction needs a reason');
      ctx.addIssue({ code: 'custom', path: ['reason'], message: text.error, params: text.params });
    }
  });
export type EnrolmentReportBody = z.output<typeof enrolmentReportBodySchema>;

/** For the OpenAPI document: what a valid report looks like. */
export const enrolmentReportDocSchema = z.object({
  term: z.string().regex(/^\d{4}-(spring|autumn)$/).describe('e.g. 2025-autumn (first term of 2025–26) or 2026-spring'),
  grades: z
    .array(
      z.object({
        grade: z.number().int().describe('Kindergarten 1–3 (小班/中班/大班); primary 1–6; junior 7–9; senior 10–12'),
        classes: z.number().int().min(0),
        pupils: z.number().int().min(0),
        classSizes: z.array(z.number().int().min(0)).optional().describe('Pupils per class; length = classes, sum = pupils'),
      }),
    )
    .min(1),
  correction: z.boolean().optional().describe('true to replace the term already reported (needs reason)'),
  reason: z.string().optional(),
});
