import { GRADE_RANGES, gradeLabel, isGradeOfLevel, isOwnership, isSchoolLevel } from '../school-level';

describe('school levels and grades', () => {
  it('numbers grades continuously across levels', () => {
    expect(GRADE_RANGES).toEqual({
      kindergarten: { first: 1, last: 3 }, primary: { first: 1, last: 6 }, junior: { first: 7, last: 9 },
      nine_year: { first: 1, last: 9 }, senior: { first: 10, last: 12 }, special: { first: 1, last: 12 },
    });
  });

  it('checks a grade against a level', () => {
    expect(isGradeOfLevel('junior', 7)).toBe(true);
    expect(isGradeOfLevel('junior', 6)).toBe(false);
    expect(isGradeOfLevel('primary', 2.5)).toBe(false);
  });

  it('labels grades in Chinese and English', () => {
    expect(gradeLabel('kindergarten', 1)).toEqual({ zh: '小班', en: 'Lower class' });
    expect(gradeLabel('kindergarten', 3).zh).toBe('大班');
    expect(gradeLabel('junior', 7)).toEqual({ zh: '七年级', en: 'Grade 7' });
    expect(gradeLabel('senior', 12).zh).toBe('十二年级');
  });

  it('recognises levels and ownerships', () => {
    expect(isSchoolLevel('nine_year')).toBe(true);
    expect(isSchoolLevel('college')).toBe(false);
    expect(isOwnership('inclusive_private')).toBe(true);
    expect(isOwnership('state')).toBe(false);
  });
});
