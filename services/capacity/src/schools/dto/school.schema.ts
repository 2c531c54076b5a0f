import { z } from 'zod';
import { localized, paginationQuery } from '@xiaojian/platform';
import {
  countyCodeSchema, inclusivePrivateOnlyForKindergartens, ownershipSchema, schoolLevelSchema, seatsSchema, townshipCodeSchema, townshipOutsideCounty,
} from '../../shared/schemas';
import { SCHOOL_SORTABLE } from '../schools.repository';
import { SCHOOL_STATUSES } from '../school.entity';

export const schoolStatusSchema = z.enum(SCHOOL_STATUSES);

export const createSchoolSchema = z
  .object({
    code: z.string().trim().min(1).max(64).describe('School code, unique within the county'),
    name: z.string().trim().min(1).max(200),
    level: schoolLevelSchema,
    ownership: ownershipSchema,
    townshipCode: townshipCodeSchema,
    countyCode: countyCodeSchema.optional().describe("Defaults to the township code's first 6 digits"),
    status: schoolStatusSchema.default('open'),
    declaredCapacity: seatsSchema.nullable().optional().describe('Declared seat capacity; when set it replaces classes × standard size'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.ownership === 'inclusive_private' && v.level !== 'kindergarten') {
      ctx.addIssue({ code: 'custom', path: ['ownership'], message: inclusivePrivateOnlyForKindergartens.error, params: inclusivePrivateOnlyForKindergartens.params });
    }
    if (v.countyCode !== undefined && !v.townshipCode.startsWith(v.countyCode)) {
      ctx.addIssue({ code: 'custom', path: ['townshipCode'], message: townshipOutsideCounty.error, params: townshipOutsideCounty.params });
    }
  });
export type CreateSchool = z.output<typeof createSchoolSchema>;

export const updateSchoolSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    status: schoolStatusSchema.optional(),
    ownership: ownershipSchema.optional(),
    declaredCapacity: seatsSchema.nullable().optional().describe('null removes the declaration: capacity falls back to classes × standard size'),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, localized('请至少修改一项（名称、状态、办学性质或核定学位）', 'change at least one of name, status, ownership, declaredCapacity'));
export type UpdateSchool = z.output<typeof updateSchoolSchema>;

export const listSchoolsQuerySchema = paginationQuery({ sortable: SCHOOL_SORTABLE, defaultSort: 'code' }).extend({
  countyCode: countyCodeSchema.optional(),
  townshipCode: townshipCodeSchema.optional(),
  level: schoolLevelSchema.optional(),
  ownership: ownershipSchema.optional(),
  status: schoolStatusSchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the name or code'),
});
export type ListSchoolsQuery = z.output<typeof listSchoolsQuerySchema>;

const schoolViewShape = {
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: schoolLevelSchema,
  ownership: ownershipSchema,
  countyCode: z.string(),
  townshipCode: z.string(),
  status: schoolStatusSchema,
  declaredCapacity: z.number().int().nullable(),
  classCapacity: z.number().int().nullable().describe('Classes × standard class size of the latest enrolment report'),
  deliveredSeats: z.number().int().describe('Seats delivered by accepted projects, ever'),
  deliveredSinceBaseline: z.number().int().describe('Seats delivered since the latest report or declaration'),
  capacity: z.number().int().describe('Current seat capacity'),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const schoolViewSchema = z.object(schoolViewShape);
export const schoolPageSchema = z.object({ items: z.array(schoolViewSchema), page: z.number(), pageSize: z.number(), total: z.number() });
