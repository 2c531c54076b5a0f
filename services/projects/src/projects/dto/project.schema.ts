import { z } from 'zod';
import { localized, paginationQuery } from '@xiaojian/platform';
import { OWNERSHIPS, PROJECT_KINDS, PROJECT_PHASES, SCHOOL_LEVELS } from '../../domain';
import { PROJECT_SORTABLE } from '../projects.repository';

/** Yuan as a decimal string, never a float: "12345678.90". Parsed exactly to fen by the service. */
const yuan = z.string().describe('金额（元），十进制字符串，最多两位小数，例如 "12345678.90"。Amount in yuan as a decimal string.');
const isoDate = z.string().describe('YYYY-MM-DD');
const milestones = z
  .partialRecord(z.enum(['preparation', 'tendering', 'accepted', 'in_use']), isoDate.nullable())
  .describe('其他阶段的计划日期（在建、竣工的计划日期即计划开工、竣工日期）。Planned dates of the other phases.');

export const createProjectSchema = z.strictObject({
  code: z.string().describe('项目编号，县内唯一'),
  name: z.string().describe('项目名称'),
  kind: z.enum(PROJECT_KINDS).describe('项目类型'),
  schoolCode: z.string().describe('学校代码（新建学校可先用临时代码）'),
  schoolName: z.string(),
  schoolLevel: z.enum(SCHOOL_LEVELS),
  ownership: z.enum(OWNERSHIPS),
  countyCode: z.string().describe('6 位县级行政区划代码'),
  townshipCode: z.string().describe('9 位乡镇（街道）行政区划代码'),
  plannedInvestment: yuan,
  plannedFloorArea: z.number().describe('计划建筑面积（㎡），最多两位小数'),
  plannedSeats: z.number().int().describe('计划新增学位'),
  plannedStartDate: isoDate,
  plannedCompletionDate: isoDate,
  programmeYear: z.number().int().describe('项目年度'),
  programmeName: z.string().optional().describe('项目批次/计划名称，如“2021–2025 改薄提升”'),
  notes: z.string().optional(),
  approvedOn: isoDate.optional().describe('立项日期，默认今天，不能晚于今天'),
  plannedMilestones: milestones.optional(),
});
export type CreateProjectBody = z.output<typeof createProjectSchema>;

/** The planned figures that may change after registration (jurisdiction, code, kind and school are fixed). */
export const PLANNED_FIGURE_FIELDS = [
  'name', 'plannedInvestment', 'plannedFloorArea', 'plannedSeats', 'plannedStartDate', 'plannedCompletionDate',
  'programmeYear', 'programmeName', 'notes', 'plannedMilestones',
] as const;

export const updatePlannedFiguresSchema = createProjectSchema
  .pick({
    name: true, plannedInvestment: true, plannedFloorArea: true, plannedSeats: true, plannedStartDate: true,
    plannedCompletionDate: true, programmeYear: true, programmeName: true, notes: true, plannedMilestones: true,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, localized('请至少提交一项要修改的计划指标', 'send at least one planned figure to change'));
export type UpdatePlannedFiguresBody = z.output<typeof updatePlannedFiguresSchema>;

const trueFalse = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listProjectsQuery = paginationQuery({ sortable: PROJECT_SORTABLE, defaultSort: 'code' }).extend({
  county: z.string().regex(/^\d{6}$/, localized('县级区划代码应为6位数字', 'county must be a 6-digit code')).optional(),
  township: z.string().regex(/^\d{9}$/, localized('乡镇区划代码应为9位数字', 'township must be a 9-digit code')).optional(),
  kind: z.enum(PROJECT_KINDS).optional(),
  phase: z.enum(PROJECT_PHASES).optional(),
  level: z.enum(SCHOOL_LEVELS).optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
  programmeYear: z.coerce.number().int().min(2000).max(2100).optional(),
  overdue: trueFalse.optional(),
  q: z.string().trim().max(100).optional().describe('按项目编号或名称搜索'),
});
export type ListProjectsQuery = z.output<typeof listProjectsQuery>;

/** The export takes the same filters, without paging. */
export const exportProjectsQuery = listProjectsQuery.omit({ page: true, pageSize: true });
export type ExportProjectsQuery = z.output<typeof exportProjectsQuery>;

export const projectIdParam = z.uuid(localized('项目编号（id）格式不正确，应为 UUID', 'project id must be a UUID'));
