import { z } from 'zod';
import { positiveInt } from '@xiaojian/platform';
import { serviceConfigShape } from '@xiaojian/service-kit';
import { DEFAULT_STANDARD_CLASS_SIZES, StandardClassSizes } from './domain';

export const capacityConfigSchema = z.object({
  ...serviceConfigShape,
  /** Standard class sizes (标准班额) per level; seats = classes × standard size. */
  STANDARD_CLASS_SIZE_KINDERGARTEN: positiveInt(DEFAULT_STANDARD_CLASS_SIZES.kindergarten),
  STANDARD_CLASS_SIZE_PRIMARY: positiveInt(DEFAULT_STANDARD_CLASS_SIZES.primary),
  STANDARD_CLASS_SIZE_JUNIOR: positiveInt(DEFAULT_STANDARD_CLASS_SIZES.junior),
  STANDARD_CLASS_SIZE_SENIOR: positiveInt(DEFAULT_STANDARD_CLASS_SIZES.senior),
  STANDARD_CLASS_SIZE_SPECIAL: positiveInt(DEFAULT_STANDARD_CLASS_SIZES.special),
});

export type CapacityConfig = z.output<typeof capacityConfigSchema>;

export function standardClassSizes(config: CapacityConfig): StandardClassSizes {
  return {
    kindergarten: config.STANDARD_CLASS_SIZE_KINDERGARTEN,
    primary: config.STANDARD_CLASS_SIZE_PRIMARY,
    junior: config.STANDARD_CLASS_SIZE_JUNIOR,
    senior: config.STANDARD_CLASS_SIZE_SENIOR,
    special: config.STANDARD_CLASS_SIZE_SPECIAL,
  };
}
