import { z } from 'zod';
import { serviceConfigShape } from '@xiaojian/service-kit';
import { LINEAR_SCHEDULE, ScheduleCurve, validateScheduleCurve } from './domain';

/**
 * 序时进度 curve as JSON: `{"kind":"linear"}` (default) or
 * `{"kind":"monthly","cumulativePercent":{"3":20,"6":45,"9":75,"12":100}}`.
 */
export const scheduleCurveConfig = z
  .string()
  .optional()
  .transform((value, ctx): ScheduleCurve => {
    if (value === undefined) return LINEAR_SCHEDULE;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      ctx.issues.push({ code: 'custom', input: value, message: 'not JSON' });
      return z.NEVER;
    }
    const checked = validateScheduleCurve(parsed as ScheduleCurve);
    if (!checked.ok) {
      ctx.issues.push({ code: 'custom', input: value, message: checked.error.en });
      return z.NEVER;
    }
    return checked.value;
  })
  .describe('a schedule curve as JSON, e.g. {"kind":"linear"} or {"kind":"monthly","cumulativePercent":{"6":50,"12":100}}');

export const fundingConfigSchema = z.object({ ...serviceConfigShape, FUNDING_SCHEDULE_CURVE: scheduleCurveConfig });

export type FundingConfig = z.output<typeof fundingConfigSchema>;
