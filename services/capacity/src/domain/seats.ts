import { RuleError } from '@xiaojian/domain-kernel';
import { CountRatio, countRatio } from './ratio';
import { GRADE_RANGES, SchoolLevel, isGradeOfLevel } from './school-level';

/** Standard class size (标准班额) per level. A nine-year school has no entry of its own: see standardClassSize. */
export interface StandardClassSizes {
  kindergarten: number;
  primary: number;
  junior: number;
  senior: number;
  special: number;
}

export const DEFAULT_STANDARD_CLASS_SIZES: Readonly<StandardClassSizes> = {
  kindergarten: 30,
  primary: 45,
  junior: 50,
  senior: 50,
  special: 12,
};

/** Grades 1–6 of a nine-year school are primary grades, 7–9 junior grades. */
const NINE_YEAR_LAST_PRIMARY_GRADE = 6;

function resolveSizes(overrides: Partial<StandardClassSizes>): StandardClassSizes {
  const sizes = { ...DEFAULT_STANDARD_CLASS_SIZES, ...overrides };
  for (const [level, size] of Object.entries(sizes)) {
    if (!Number.isSafeInteger(size) || size <= 0) {
      throw new RuleError('invalid_class_size_table', `${level} 的标准班额必须是正整数`, `Standard class size for ${level} must be a positive integer`, level);
    }
  }
  return sizes;
}

/**
 * Standard class size of one grade. `grade` matters only for nine-year schools, where it is required.
 * `sizes` overrides the defaults level by level.
 */
export function standardClassSize(level: SchoolLevel, grade?: number, sizes: Partial<StandardClassSizes> = {}): number {
  const table = resolveSizes(sizes);
  if (level !== 'nine_year') return table[level];
  if (grade === undefined || !isGradeOfLevel(level, grade)) {
    const { first, last } = GRADE_RANGES.nine_year;
    throw new RuleError('grade_required', `九年一贯制学校须指定${first}–${last}年级`, `A nine-year school needs a grade ${first}–${last}`, 'grade');
  }
  return grade <= NINE_YEAR_LAST_PRIMARY_GRADE ? table.primary : table.junior;
}

export interface GradeClasses {
  grade: number;
  classes: number;
}

export interface SchoolSeatsInput {
  level: SchoolLevel;
  classes?: readonly GradeClasses[];
  /** When given (even 0) it is the capacity, whatever the classes say. */
  declaredCapacity?: number;
}

function assertNonNegativeInteger(field: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RuleError('invalid_count', `${field} 必须是非负整数`, `${field} must be a non-negative integer`, field);
  }
}

/** Seat capacity (学位) = Σ classes × standard class size of their grade, or the declared capacity. */
export function seatCapacity(school: SchoolSeatsInput, sizes: Partial<StandardClassSizes> = {}): number {
  if (school.declaredCapacity !== undefined) {
    assertNonNegativeInteger('declaredCapacity', school.declaredCapacity);
    return school.declaredCapacity;
  }
  return (school.classes ?? []).reduce((sum, g, i) => {
    assertNonNegativeInteger(`classes[${i}].classes`, g.classes);
    if (!isGradeOfLevel(school.level, g.grade)) {
      throw new RuleError('grade_not_in_level', `第${i + 1}项年级 ${g.grade} 不属于该学段`, `Grade ${g.grade} at index ${i} is not valid for ${school.level}`, `classes[${i}].grade`);
    }
    return sum + g.classes * standardClassSize(school.level, g.grade, sizes);
  }, 0);
}

/** Completion rate = delivered ÷ target; may exceed 100 %. A target of 0 yields `no_target`, never 0 or NaN. */
export type CompletionRate = CountRatio<'no_target'>;

export function completionRate(delivered: number, target: number): CompletionRate {
  return countRatio(delivered, target, 'no_target');
}
