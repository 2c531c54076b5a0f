import { z } from 'zod';
import { redisUrl } from '@xiaojian/platform';
import { serviceConfigShape } from '@xiaojian/service-kit';

export const reportingConfigSchema = z.object({
  ...serviceConfigShape,
  REDIS_URL: redisUrl(),
});

export type ReportingConfig = z.output<typeof reportingConfigSchema>;
