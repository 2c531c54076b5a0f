import { RuleError } from '@xiaojian/domain-kernel';
import { roundedPercent } from '../ratio';
import { DEFAULT_STANDARD_CLASS_SIZES, completionRate, seatCapacity, standardClassSize } from '../seats';

describe('standardClassSize', () => {
  it('uses the defaults per level', () => {
    expect(DEFAULT_STANDARD_CLASS_SIZES).toEqual({ kindergarten: 30, primary: 45, junior: 50, senior: 50, special: 12 });
    expect(standardClassSize('kindergarten')).toBe(30);
    expect(standardClassSize('primary', 3)).toBe(45);
    expect(standardClassSize('junior')).toBe(50);
    expect(standardClassSize('senior', 11)).toBe(50);
    expect(standardClassSize('special')).toBe(12);
  });

  it.each([[1, 45], [6, 45], [7, 50], [9, 50]])('nine-year grade %p → %p (primary grades 45, junior grades 50)', (grade, size) =>
    expect(standardClassSize('nine_year', grade)).toBe(size));

  it.each([[undefined], [0], [10], [6.5]])('refuses a nine-year school without a valid grade (%p)', (grade) => {
    expect(() => standardClassSize('nine_year', grade)).toThrow(RuleError);
  });

  it('takes overrides from a table, nine-year following primary/junior', () => {
    const sizes = { kindergarten: 25, primary: 40, junior: 48 };
    expect(standardClassSize('kindergarten', undefined, sizes)).toBe(25);
    expect(standardClassSize('nine_year', 2, sizes)).toBe(40);
    expect(standardClassSize('nine_year', 8, sizes)).toBe(48);
    expect(standardClassSize('senior', undefined, sizes)).toBe(50);
  });

  it.each([[0], [-5], [42.5]])('refuses a table entry of %p', (size) => {
    expect(() => standardClassSize('primary', 1, { primary: size })).toThrow(expect.objectContaining({ code: 'invalid_class_size_table' }));
  });
});

describe('seatCapacity', () => {
  it('is Σ classes × standard size (primary: 6 grades × 4 classes × 45 = 1080)', () => {
    const classes = [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, classes: 4 }));
    expect(seatCapacity({ level: 'primary', classes })).toBe(1080);
  });

  it('sizes nine-year grades separately (12×45 + 9×50 = 990)', () => {
    const classes = [
      ...[1, 2, 3, 4, 5, 6].map((grade) => ({ grade, classes: 2 })),
      ...[7, 8, 9].map((grade) => ({ grade, classes: 3 })),
    ];
    expect(seatCapacity({ level: 'nine_year', classes })).toBe(990);
  });

  it('kindergarten 3 grades × 3 classes × 30 = 270; special 4 × 12 = 48', () => {
    expect(seatCapacity({ level: 'kindergarten', classes: [1, 2, 3].map((grade) => ({ grade, classes: 3 })) })).toBe(270);
    expect(seatCapacity({ level: 'special', classes: [{ grade: 1, classes: 4 }] })).toBe(48);
  });

  it('uses a passed table', () => {
    expect(seatCapacity({ level: 'primary', classes: [{ grade: 1, classes: 2 }] }, { primary: 40 })).toBe(80);
  });

  it('prefers a declared capacity, even 0', () => {
    expect(seatCapacity({ level: 'primary', classes: [{ grade: 1, classes: 10 }], declaredCapacity: 400 })).toBe(400);
    expect(seatCapacity({ level: 'primary', classes: [{ grade: 1, classes: 10 }], declaredCapacity: 0 })).toBe(0);
  });

  it('is 0 for a school without classes', () => expect(seatCapacity({ level: 'junior' })).toBe(0));

  it('refuses bad input', () => {
    expect(() => seatCapacity({ level: 'primary', classes: [{ grade: 1, classes: -1 }] })).toThrow(RuleError);
    expect(() => seatCapacity({ level: 'primary', classes: [{ grade: 1, classes: 1.5 }] })).toThrow(RuleError);
    expect(() => seatCapacity({ level: 'primary', classes: [{ grade: 7, classes: 1 }] })).toThrow(expect.objectContaining({ code: 'grade_not_in_level', field: 'classes[0].grade' }));
    expect(() => seatCapacity({ level: 'primary', declaredCapacity: -1 })).toThrow(RuleError);
  });
});

describe('completionRate', () => {
  it('is delivered ÷ target and may exceed 100 % (5780 of 5207 → 111.0 %)', () => {
    expect(completionRate(5780, 5207)).toEqual({ kind: 'ratio', numerator: 5780, denominator: 5207, ratio: 5780 / 5207, percent: 111 });
  });

  it('says "no target" for a target of 0, never 0 or NaN', () => {
    expect(completionRate(120, 0)).toEqual({ kind: 'no_target', numerator: 120, denominator: 0 });
    expect(completionRate(0, 0)).toEqual({ kind: 'no_target', numerator: 0, denominator: 0 });
  });

  it('is 0 % when nothing was delivered against a target', () => {
    expect(completionRate(0, 100)).toMatchObject({ kind: 'ratio', ratio: 0, percent: 0 });
  });

  it('refuses negative or fractional counts', () => {
    expect(() => completionRate(-1, 10)).toThrow(RuleError);
    expect(() => completionRate(1, 2.5)).toThrow(RuleError);
  });
});

describe('roundedPercent (half-up, one decimal, exact)', () => {
  it.each([
    [1, 3, 33.3], [2, 3, 66.7], [1, 8, 12.5], [1, 16, 6.3], [1, 2, 50], [3, 2, 150], [0, 7, 0], [5207, 5207, 100],
    [201, 400, 50.3], // 50.25 exactly: floating point (201/400*1000 = 502.4999…) would round down to 50.2
    [203, 400, 50.8],
    [1, 2000, 0.1], [1, 2001, 0], [168_900, 170_000, 99.4],
  ])('%p / %p → %p', (n, d, expected) => expect(roundedPercent(n, d)).toBe(expected));

  it('refuses a zero denominator', () => {
    expect(() => roundedPercent(1, 0)).toThrow(expect.objectContaining({ code: 'zero_denominator' }));
  });
});
