import { OWNERSHIPS, OWNERSHIP_LABELS, PROJECT_KINDS, PROJECT_KIND_LABELS, SCHOOL_LEVELS, SCHOOL_LEVEL_LABELS } from '../../domain';
import type { NewProjectInput } from '../project-input';

export type ImportField = Exclude<keyof NewProjectInput, 'plannedMilestones' | 'approvedOn'>;

export interface ImportColumn {
  header: string;
  field: ImportField;
  required: boolean;
  /** How to fill it in, for the template's instructions sheet. */
  hint: string;
  example: string | number;
}

/** The ledger (台账) template: Chinese headers in this order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: '项目编号', field: 'code', required: true, hint: '县内唯一，最长64个字符', example: 'XJ-2025-001' },
  { header: '项目名称', field: 'name', required: true, hint: '最长200个字符', example: '城关第二小学改扩建工程' },
  { header: '项目类型', field: 'kind', required: true, hint: `填中文或代码：${PROJECT_KINDS.map((k) => `${PROJECT_KIND_LABELS[k].zh}(${k})`).join('、')}`, example: '改扩建' },
  { header: '学校代码', field: 'schoolCode', required: true, hint: '学校标识码；新建学校可填临时代码', example: '2134567890' },
  { header: '学校名称', field: 'schoolName', required: true, hint: '最长200个字符', example: '城关第二小学' },
  { header: '学段', field: 'schoolLevel', required: true, hint: `填中文或代码：${SCHOOL_LEVELS.map((k) => `${SCHOOL_LEVEL_LABELS[k].zh}(${k})`).join('、')}`, example: '小学' },
  { header: '办学性质', field: 'ownership', required: true, hint: `填中文或代码：${OWNERSHIPS.map((k) => `${OWNERSHIP_LABELS[k].zh}(${k})`).join('、')}`, example: '公办' },
  { header: '县级区划代码', field: 'countyCode', required: true, hint: '6位数字（也接受末尾补000000的12位统计用代码）', example: '341321' },
  { header: '乡镇区划代码', field: 'townshipCode', required: true, hint: '9位数字，前6位为县级代码（也接受末尾补000的12位代码）', example: '341321100' },
  { header: '计划投资(元)', field: 'plannedInvestment', required: true, hint: '单位：元，最多两位小数，可带千位逗号', example: '12345678.90' },
  { header: '计划建筑面积(㎡)', field: 'plannedFloorArea', required: true, hint: '单位：平方米，最多两位小数；设备购置可填0', example: 8600.5 },
  { header: '计划新增学位', field: 'plannedSeats', required: true, hint: '整数，0–20000', example: 900 },
  { header: '计划开工日期', field: 'plannedStartDate', required: true, hint: '日期，如 2025-03-01、2025/3/1 或 2025年3月1日', example: '2025-03-01' },
  { header: '计划竣工日期', field: 'plannedCompletionDate', required: true, hint: '日期，不能早于计划开工日期', example: '2026-08-31' },
  { header: '项目年度', field: 'programmeYear', required: true, hint: '四位年份，如 2025', example: 2025 },
  { header: '项目批次/计划名称', field: 'programmeName', required: false, hint: '可空，如“2021–2025 改薄提升”', example: '2021–2025 改薄提升' },
  { header: '备注', field: 'notes', required: false, hint: '可空，最长2000个字符', example: '' },
];

/** Header text compared loosely: spaces removed, full-width brackets and area units unified, case ignored. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/m²|m2|平方米|平米/gi, '㎡')
    .replace(/[／]/g, '/')
    .replace(/^\*/, '')
    .toLowerCase();
}

function labelLookup<T extends string>(codes: readonly T[], labels: Readonly<Record<T, { zh: string }>>, aliases: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(code, code);
    map.set(labels[code].zh, code);
  }
  for (const [alias, code] of Object.entries(aliases)) map.set(alias, code);
  return map;
}

export const KIND_LOOKUP = labelLookup(PROJECT_KINDS, PROJECT_KIND_LABELS, {
  '新建项目': 'new_build', '扩建': 'expansion', '改建': 'expansion', '维修': 'renovation', '改造': 'renovation', '薄改': 'weak_school_upgrade',
  '改薄': 'weak_school_upgrade', '危改': 'dilapidated_rebuild', '设备采购': 'equipment', '设备': 'equipment',
});
export const LEVEL_LOOKUP = labelLookup(SCHOOL_LEVELS, SCHOOL_LEVEL_LABELS, {
  '九年一贯制': 'nine_year', '高中': 'senior', '特教': 'special', '特殊教育': 'special', '学前': 'kindergarten',
});
export const OWNERSHIP_LOOKUP = labelLookup(OWNERSHIPS, OWNERSHIP_LABELS, { '普惠民办': 'inclusive_private', '普惠': 'inclusive_private' });
