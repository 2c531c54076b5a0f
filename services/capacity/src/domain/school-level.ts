import { OWNERSHIPS, SCHOOL_LEVELS, type Ownership, type SchoolLevel } from '@xiaojian/contracts';

export { OWNERSHIPS, SCHOOL_LEVELS, SCHOOL_LEVEL_LABELS, type Ownership, type SchoolLevel } from '@xiaojian/contracts';

export const isSchoolLevel = (v: unknown): v is SchoolLevel => (SCHOOL_LEVELS as readonly unknown[]).includes(v);
export const isOwnership = (v: unknown): v is Ownership => (OWNERSHIPS as readonly unknown[]).includes(v);

/**
 * Grade numbers per level. Kindergarten 1..3 = 小班/中班/大班; school grades are numbered
 * continuously (初一 = 7, 高一 = 10). Special schools may run any grade 1..12.
 */
export const GRADE_RANGES: Readonly<Record<SchoolLevel, { first: number; last: number }>> = {
  kindergarten: { first: 1, last: 3 },
  primary: { first: 1, last: 6 },
  junior: { first: 7, last: 9 },
  nine_year: { first: 1, last: 9 },
  senior: { first: 10, last: 12 },
  special: { first: 1, last: 12 },
};

export const isGradeOfLevel = (level: SchoolLevel, grade: number): boolean =>
  Number.isInteger(grade) && grade >= GRADE_RANGES[level].first && grade <= GRADE_RANGES[level].last;

const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const KINDERGARTEN_GRADES = [
  { zh: '小班', en: 'Lower class' },
  { zh: '中班', en: 'Middle class' },
  { zh: '大班', en: 'Upper class' },
];

export function gradeLabel(level: SchoolLevel, grade: number): { zh: string; en: string } {
  if (level === 'kindergarten' && KINDERGARTEN_GRADES[grade - 1]) return KINDERGARTEN_GRADES[grade - 1];
  return { zh: `${CN_NUMERALS[grade] ?? grade}年级`, en: `Grade ${grade}` };
}
