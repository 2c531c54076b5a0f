import { FieldError, Outcome, err, fieldError, ok } from '@xiaojian/domain-kernel';
import { GradeEnrolment } from './class-size';
import { GRADE_RANGES, SCHOOL_LEVEL_LABELS, SchoolLevel, gradeLabel, isGradeOfLevel } from './school-level';

export const TERM_SEASONS = ['spring', 'autumn'] as const;
export type TermSeason = (typeof TERM_SEASONS)[number];
/** `2025-autumn` is the 2025–26 school year's first term, `2026-spring` its second. */
export type Term = `${number}-${TermSeason}`;

/** Guards against typos (an extra digit) rather than encoding policy. */
export const ENROLMENT_LIMITS = { minYear: 2000, maxYear: 2100, maxClassesPerGrade: 200, maxPupilsPerGrade: 20_000, maxPupilsPerClass: 200 } as const;

export interface EnrolmentReportInput {
  term: unknown;
  grades: unknown;
}

export interface EnrolmentReport {
  term: Term;
  grades: GradeEnrolment[];
}

const TERM_RE = /^(\d{4})-(spring|autumn)$/;

export function parseTerm(value: unknown): { year: number; season: TermSeason } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TERM_RE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < ENROLMENT_LIMITS.minYear || year > ENROLMENT_LIMITS.maxYear) return undefined;
  return { year, season: m[2] as TermSeason };
}

function checkCount(errors: FieldError[], field: string, label: { zh: string; en: string }, value: unknown, max: number): number | undefined {
  if (value === undefined || value === null) {
    errors.push(fieldError(field, 'required', `${label.zh}不能为空`, `${label.en} is required`));
  } else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    errors.push(fieldError(field, 'not_non_negative_integer', `${label.zh}必须是非负整数`, `${label.en} must be a non-negative integer`));
  } else if (value > max) {
    errors.push(fieldError(field, 'too_large', `${label.zh}不能大于${max}`, `${label.en} must be at most ${max}`));
  } else {
    return value;
  }
  return undefined;
}

function checkClassSizes(errors: FieldError[], path: string, value: unknown, classes: number | undefined, pupils: number | undefined): number[] | undefined {
  if (!Array.isArray(value)) {
    errors.push(fieldError(path, 'not_a_list', '各班人数必须是列表', 'Class sizes must be a list'));
    return undefined;
  }
  const before = errors.length;
  const sizes = value.map((v, j) => checkCount(errors, `${path}[${j}]`, { zh: `第${j + 1}个班人数`, en: `Pupils of class ${j + 1}` }, v, ENROLMENT_LIMITS.maxPupilsPerClass));
  if (classes !== undefined && value.length !== classes) {
    errors.push(fieldError(path, 'class_count_mismatch',
      `填报了${value.length}个班的人数，但班级数为${classes}`, `${value.length} class sizes given but the grade has ${classes} classes`));
  }
  if (errors.length > before) return undefined;
  const sum = (sizes as number[]).reduce((a, b) => a + b, 0);
  if (pupils !== undefined && sum !== pupils) {
    errors.push(fieldError(path, 'pupil_sum_mismatch', `各班人数合计${sum}人，与年级人数${pupils}人不一致`, `Class sizes add up to ${sum}, but the grade has ${pupils} pupils`));
    return undefined;
  }
  return sizes as number[];
}

function checkGrade(errors: FieldError[], level: SchoolLevel, raw: unknown, i: number, seen: Set<number>): GradeEnrolment | undefined {
  const path = `grades[${i}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push(fieldError(path, 'not_an_object', `第${i + 1}项年级数据格式无效`, `Grade entry ${i + 1} must be an object`));
    return undefined;
  }
  const g = raw as Record<string, unknown>;
  const before = errors.length;
  let grade: number | undefined;
  const { first, last } = GRADE_RANGES[level];
  const levelLabel = SCHOOL_LEVEL_LABELS[level];
  if (typeof g.grade !== 'number' || !isGradeOfLevel(level, g.grade)) {
    errors.push(fieldError(`${path}.grade`, 'grade_not_in_level',
      `${levelLabel.zh}的年级必须是${first}–${last}（${gradeLabel(level, first).zh}至${gradeLabel(level, last).zh}）`,
      `Grades of a ${levelLabel.en.toLowerCase()} must be ${first}–${last}`));
  } else if (seen.has(g.grade)) {
    errors.push(fieldError(`${path}.grade`, 'duplicate_grade', `${gradeLabel(level, g.grade).zh}重复填报`, `Grade ${g.grade} is reported more than once`));
  } else {
    grade = g.grade;
    seen.add(grade);
  }
  const classes = checkCount(errors, `${path}.classes`, { zh: '班级数', en: 'Classes' }, g.classes, ENROLMENT_LIMITS.maxClassesPerGrade);
  const pupils = checkCount(errors, `${path}.pupils`, { zh: '学生人数', en: 'Pupils' }, g.pupils, ENROLMENT_LIMITS.maxPupilsPerGrade);
  if (classes === 0 && pupils !== undefined && pupils > 0) {
    errors.push(fieldError(`${path}.classes`, 'pupils_without_classes', `有${pupils}名学生但班级数为0`, `${pupils} pupils but no classes`));
  }
  const classSizes = g.classSizes === undefined ? undefined : checkClassSizes(errors, `${path}.classSizes`, g.classSizes, classes, pupils);
  if (errors.length > before) return undefined;
  const result: GradeEnrolment = { grade: grade!, classes: classes!, pupils: pupils! };
  if (classSizes) result.classSizes = classSizes;
  return result;
}

/** Validates a school's term enrolment report for its level; every error is reported, with field paths. */
export function validateEnrolmentReport(level: SchoolLevel, input: EnrolmentReportInput): Outcome<EnrolmentReport, FieldError[]> {
  const errors: FieldError[] = [];
  const term = parseTerm(input.term);
  if (!term) {
    errors.push(fieldError('term', 'invalid_term',
      `学期格式应为“年份-autumn”或“年份-spring”（如 2025-autumn），年份${ENROLMENT_LIMITS.minYear}–${ENROLMENT_LIMITS.maxYear}`,
      `Term must look like 2025-autumn or 2026-spring, year ${ENROLMENT_LIMITS.minYear}–${ENROLMENT_LIMITS.maxYear}`));
  }
  const grades: GradeEnrolment[] = [];
  if (!Array.isArray(input.grades) || input.grades.length === 0) {
    errors.push(fieldError('grades', 'required', '至少填报一个年级', 'At least one grade is required'));
  } else {
    const seen = new Set<number>();
    input.grades.forEach((raw, i) => {
      const g = checkGrade(errors, level, raw, i, seen);
      if (g) grades.push(g);
    });
  }
  if (errors.length > 0) return err(errors);
  return ok({ term: input.term as Term, grades });
}
