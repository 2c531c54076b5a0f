import { z } from 'zod';
import { serviceConfigShape } from '@xiaojian/service-kit';

export const fundingConfigSchema = z.object({ ...serviceConfigShape });

export type FundingConfig = z.output<typeof fundingConfigSchema>;
