import { FieldError } from '@xiaojian/domain-kernel';
import { SchoolLevel } from '../school-level';
import { EnrolmentReportInput, parseTerm, validateEnrolmentReport } from '../enrolment-rules';

const primaryGrades = [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, classes: 2, pupils: 90 }));

const errorsOf = (level: SchoolLevel, input: EnrolmentReportInput): FieldError[] => {
  const r = validateEnrolmentReport(level, input);
  return r.ok ? [] : r.error;
};
const codesOf = (level: SchoolLevel, input: EnrolmentReportInput) => errorsOf(level, input).map((e) => `${e.field}:${e.code}`);
const oneGrade = (grade: Record<string, unknown>, level: SchoolLevel = 'primary') => codesOf(level, { term: '2025-autumn', grades: [grade] });

describe('parseTerm', () => {
  it.each([['2025-autumn', { year: 2025, season: 'autumn' }], ['2026-spring', { year: 2026, season: 'spring' }]])('%s', (t, parsed) =>
    expect(parseTerm(t)).toEqual(parsed));
  it.each([['2025-fall'], ['2025-Autumn'], ['25-autumn'], ['2025autumn'], ['1999-spring'], ['2101-autumn'], [2025], [undefined]])('refuses %p', (t) =>
    expect(parseTerm(t)).toBeUndefined());
});

describe('validateEnrolmentReport', () => {
  it('accepts a valid report and returns it typed', () => {
    expect(validateEnrolmentReport('primary', { term: '2025-autumn', grades: primaryGrades })).toEqual({ ok: true, value: { term: '2025-autumn', grades: primaryGrades } });
  });

  it('accepts per-class sizes that match the class count and add up to the pupils', () => {
    const r = validateEnrolmentReport('junior', { term: '2026-spring', grades: [{ grade: 7, classes: 3, pupils: 150, classSizes: [50, 48, 52] }] });
    expect(r).toEqual({ ok: true, value: { term: '2026-spring', grades: [{ grade: 7, classes: 3, pupils: 150, classSizes: [50, 48, 52] }] } });
  });

  it('accepts zero classes with zero pupils, and classes with no pupils yet', () => {
    expect(oneGrade({ grade: 1, classes: 0, pupils: 0 })).toEqual([]);
    expect(oneGrade({ grade: 1, classes: 2, pupils: 0 })).toEqual([]);
  });

  it('refuses a bad term', () => {
    const errors = errorsOf('primary', { term: '2025-fall', grades: primaryGrades });
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(['term:invalid_term']);
    expect(errors[0].zh).toContain('2025-autumn');
  });

  it.each([[undefined], [[]], ['grades'], [{}]])('requires a non-empty grade list (%p)', (grades) =>
    expect(codesOf('primary', { term: '2025-autumn', grades })).toEqual(['grades:required']));

  it.each([[null], ['grade 1'], [[1, 2]]])('refuses a grade entry that is not an object (%p)', (entry) =>
    expect(codesOf('primary', { term: '2025-autumn', grades: [entry] })).toEqual(['grades[0]:not_an_object']));

  describe('grades valid for the level', () => {
    const cases: [SchoolLevel, number[], number[]][] = [
      ['kindergarten', [1, 2, 3], [0, 4, 7]],
      ['primary', [1, 2, 3, 4, 5, 6], [0, 7, 10]],
      ['junior', [7, 8, 9], [1, 6, 10]],
      ['nine_year', [1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 10]],
      ['senior', [10, 11, 12], [9, 13, 1]],
      ['special', [1, 6, 9, 12], [0, 13]],
    ];
    it.each(cases)('%s accepts %p and refuses %p', (level, good, bad) => {
      for (const grade of good) expect(oneGrade({ grade, classes: 1, pupils: 10 }, level)).toEqual([]);
      for (const grade of bad) expect(oneGrade({ grade, classes: 1, pupils: 10 }, level)).toEqual(['grades[0].grade:grade_not_in_level']);
    });

    it('names kindergarten grades 小班–大班 in the message', () => {
      const errors = errorsOf('kindergarten', { term: '2025-autumn', grades: [{ grade: 4, classes: 1, pupils: 10 }] });
      expect(errors[0].zh).toContain('小班');
      expect(errors[0].zh).toContain('大班');
    });

    it.each([['1'], [1.5], [undefined]])('refuses grade %p', (grade) =>
      expect(oneGrade({ grade, classes: 1, pupils: 10 })).toEqual(['grades[0].grade:grade_not_in_level']));

    it('refuses a grade reported twice', () => {
      expect(codesOf('primary', { term: '2025-autumn', grades: [{ grade: 1, classes: 1, pupils: 1 }, { grade: 2, classes: 1, pupils: 1 }, { grade: 1, classes: 1, pupils: 1 }] }))
        .toEqual(['grades[2].grade:duplicate_grade']);
    });
  });

  describe('counts', () => {
    it.each([
      ['classes', -1, 'not_non_negative_integer'], ['classes', 1.5, 'not_non_negative_integer'], ['classes', '2', 'not_non_negative_integer'],
      ['classes', undefined, 'required'], ['classes', 201, 'too_large'],
      ['pupils', -1, 'not_non_negative_integer'], ['pupils', 10.5, 'not_non_negative_integer'], ['pupils', undefined, 'required'], ['pupils', 20_001, 'too_large'],
    ])('refuses %s = %p (%s)', (field, value, code) => {
      expect(oneGrade({ grade: 1, classes: 2, pupils: 90, [field]: value })).toEqual([`grades[0].${field}:${code}`]);
    });

    it('refuses pupils without classes', () => {
      expect(oneGrade({ grade: 1, classes: 0, pupils: 12 })).toEqual(['grades[0].classes:pupils_without_classes']);
    });
  });

  describe('per-class pupil counts', () => {
    it('must have one entry per class', () => {
      expect(oneGrade({ grade: 1, classes: 3, pupils: 90, classSizes: [45, 45] })).toEqual(['grades[0].classSizes:class_count_mismatch']);
    });

    it('must add up to the grade’s pupils', () => {
      const errors = errorsOf('primary', { term: '2025-autumn', grades: [{ grade: 1, classes: 2, pupils: 90, classSizes: [45, 46] }] });
      expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(['grades[0].classSizes:pupil_sum_mismatch']);
      expect(errors[0].en).toContain('91');
    });

    it('must be non-negative integers, each with its own path', () => {
      expect(oneGrade({ grade: 1, classes: 3, pupils: 90, classSizes: [45, -1, 4.5] })).toEqual([
        'grades[0].classSizes[1]:not_non_negative_integer', 'grades[0].classSizes[2]:not_non_negative_integer',
      ]);
    });

    it('must be a list', () => {
      expect(oneGrade({ grade: 1, classes: 2, pupils: 90, classSizes: '45,45' })).toEqual(['grades[0].classSizes:not_a_list']);
    });

    it('accepts an empty list for a grade with no classes', () => {
      expect(oneGrade({ grade: 1, classes: 0, pupils: 0, classSizes: [] })).toEqual([]);
    });
  });

  it('reports every error at once with field paths and zh/en messages', () => {
    const errors = errorsOf('junior', {
      term: '2025-summer',
      grades: [
        { grade: 7, classes: 2, pupils: 100 },
        { grade: 6, classes: -2, pupils: 100 },
        { grade: 8, classes: 2, pupils: 100, classSizes: [50, 49] },
      ],
    });
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'term:invalid_term',
      'grades[1].grade:grade_not_in_level',
      'grades[1].classes:not_non_negative_integer',
      'grades[2].classSizes:pupil_sum_mismatch',
    ]);
    for (const e of errors) {
      expect(e.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(e.en).toMatch(/[A-Za-z]/);
    }
  });
});
