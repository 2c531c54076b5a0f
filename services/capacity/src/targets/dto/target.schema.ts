import { z } from 'zod';
import { paginationShape } from '@xiaojian/platform';
import {
  countyCodeSchema, inclusivePrivateOnlyForKindergartens, ownershipSchema, schoolLevelSchema, seatsSchema, townshipCodeSchema, townshipOutsideCounty,
} from '../../shared/schemas';

export const yearSchema = z.number().int().min(2000).max(2100);

export const setTargetSchema = z
  .object({
    countyCode: countyCodeSchema,
    townshipCode: townshipCodeSchema.nullable().optional().describe('Omit (or null) for a county-wide target'),
    year: yearSchema,
    level: schoolLevelSchema,
    ownership: ownershipSchema,
    seats: seatsSchema.describe('New seats to deliver in the year'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.townshipCode && !v.townshipCode.startsWith(v.countyCode)) {
      ctx.addIssue({ code: 'custom', path: ['townshipCode'], message: townshipOutsideCounty.error, params: townshipOutsideCounty.params });
    }
    if (v.ownership === 'inclusive_private' && v.level !== 'kindergarten') {
      ctx.addIssue({ code: 'custom', path: ['ownership'], message: inclusivePrivateOnlyForKindergartens.error, params: inclusivePrivateOnlyForKindergartens.params });
    }
  });
export type SetTarget = z.output<typeof setTargetSchema>;

export const listTargetsQuerySchema = z.object({
  ...paginationShape,
  countyCode: countyCodeSchema.optional(),
  townshipCode: townshipCodeSchema.optional(),
  countyWide: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true: county-wide targets only'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: schoolLevelSchema.optional(),
  ownership: ownershipSchema.optional(),
});
export type ListTargetsQuery = z.output<typeof listTargetsQuerySchema>;

export const targetViewSchema = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  townshipCode: z.string().nullable(),
  year: z.number().int(),
  level: schoolLevelSchema,
  ownership: ownershipSchema,
  seats: z.number().int(),
  setBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const targetPageSchema = z.object({ items: z.array(targetViewSchema), page: z.number(), pageSize: z.number(), total: z.number() });
