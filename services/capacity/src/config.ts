import { z } from 'zod';
import { serviceConfigShape } from '@xiaojian/service-kit';

export const capacityConfigSchema = z.object({ ...serviceConfigShape });

export type CapacityConfig = z.output<typeof capacityConfigSchema>;
