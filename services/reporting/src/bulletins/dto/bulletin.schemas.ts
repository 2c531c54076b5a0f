import { z } from 'zod';
import { localized, paginationShape } from '@xiaojian/platform';
import { countyCodeParam, monthParam, townshipCodeParam } from '../../common/scope';

export const runBodySchema = z
  .object({ county: countyCodeParam, month: monthParam })
  .strict();
export type RunBody = z.output<typeof runBodySchema>;

export const runQuerySchema = z.object({ county: countyCodeParam, month: monthParam });
export type RunQuery = z.output<typeof runQuerySchema>;

export const listQuerySchema = z
  .object({
    ...paginationShape,
    county: countyCodeParam.optional(),
    township: townshipCodeParam.optional(),
    month: monthParam.optional(),
    latest: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  })
  .refine((q) => !q.township || !q.county || q.township.startsWith(q.county), {
    ...localized('乡镇区划代码不属于该县', 'township must lie in the county'),
    path: ['township'],
  });
export type ListQuery = z.output<typeof listQuerySchema>;

export const contentQuerySchema = z.object({
  format: z.enum(['html', 'pdf', 'md', 'json'], localized('格式只能是 html、pdf、md 或 json', 'format must be html, pdf, md or json')).default('json'),
  lang: z.enum(['zh-CN', 'en'], localized('语言只能是 zh-CN 或 en', 'lang must be zh-CN or en')).default('zh-CN'),
});
export type ContentQuery = z.output<typeof contentQuerySchema>;
