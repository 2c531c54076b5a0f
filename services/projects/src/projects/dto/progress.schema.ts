import { z } from 'zod';
import { localized } from '@xiaojian/platform';

export const progressReportSchema = z.strictObject({
  month: z.string().describe('填报月份 YYYY-MM'),
  percent: z.number().describe('形象进度 0–100，最多一位小数'),
  narrative: z.string().trim().min(1, localized('请填写进度说明', 'narrative is required')).max(5000).describe('进度说明'),
  correction: z.boolean().optional().describe('更正已填报月份或调低进度时为 true，并填写原因'),
  reason: z.string().optional().describe('更正原因'),
});
export type ProgressReportBody = z.output<typeof progressReportSchema>;

export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, localized('月份格式应为 YYYY-MM', 'month must be YYYY-MM'));
