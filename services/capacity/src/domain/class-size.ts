import { CountRatio, countRatio } from './ratio';
import { SchoolLevel } from './school-level';
import { StandardClassSizes, seatCapacity, standardClassSize } from './seats';

export const CLASS_SIZE_BANDS = ['normal', 'large_ish', 'large', 'very_large'] as const;
export type ClassSizeBand = (typeof CLASS_SIZE_BANDS)[number];

export const CLASS_SIZE_BAND_LABELS: Readonly<Record<ClassSizeBand, { zh: string; en: string }>> = {
  normal: { zh: '45人及以下', en: '45 pupils or fewer' },
  large_ish: { zh: '46–55人', en: '46–55 pupils' },
  large: { zh: '大班额（56–65人）', en: 'Large class (56–65 pupils)' },
  very_large: { zh: '超大班额（66人及以上）', en: 'Very large class (66+ pupils)' },
};

/** Largest class that is not a 大班额. */
export const MAX_PUPILS_WITHOUT_LARGE_CLASS = 55;

/**
 * Ministry of Education band of a class. Also accepts a grade's average class size: an average
 * of 45.5 is `large_ish` because it is above 45.
 */
export function classSizeBand(pupils: number): ClassSizeBand {
  if (pupils <= 45) return 'normal';
  if (pupils <= 55) return 'large_ish';
  if (pupils <= 65) return 'large';
  return 'very_large';
}

export interface GradeEnrolment {
  grade: number;
  classes: number;
  pupils: number;
  /** Pupils per class; when absent every class of the grade is banded by the grade's average. */
  classSizes?: readonly number[];
}

export interface SchoolEnrolment {
  schoolCode: string;
  /** 9-digit township division code; its first 6 digits are the county. */
  townshipCode: string;
  level: SchoolLevel;
  grades: readonly GradeEnrolment[];
}

export interface BandCounts {
  classes: number;
  normal: number;
  large_ish: number;
  large: number;
  very_large: number;
}

export interface BandSummary extends BandCounts {
  /** Share of classes per band (ratio 0..1); null when there are no classes. */
  shares: Record<ClassSizeBand, number | null>;
  /** 大班额比例: share of classes with 56+ pupils (large + very large); null when there are no classes. */
  largeOrAboveShare: number | null;
}

const zeroCounts = (): BandCounts => ({ classes: 0, normal: 0, large_ish: 0, large: 0, very_large: 0 });

function addCounts(into: BandCounts, from: BandCounts): BandCounts {
  into.classes += from.classes;
  for (const band of CLASS_SIZE_BANDS) into[band] += from[band];
  return into;
}

export function gradeBandCounts(grade: GradeEnrolment): BandCounts {
  const counts = zeroCounts();
  if (grade.classSizes) {
    for (const size of grade.classSizes) {
      counts.classes += 1;
      counts[classSizeBand(size)] += 1;
    }
  } else if (grade.classes > 0) {
    counts.classes = grade.classes;
    counts[classSizeBand(grade.pupils / grade.classes)] = grade.classes;
  }
  return counts;
}

export function schoolBandCounts(school: Pick<SchoolEnrolment, 'grades'>): BandCounts {
  return school.grades.reduce((acc, g) => addCounts(acc, gradeBandCounts(g)), zeroCounts());
}

export function summariseBands(counts: BandCounts): BandSummary {
  const share = (n: number) => (counts.classes === 0 ? null : n / counts.classes);
  return {
    ...counts,
    shares: { normal: share(counts.normal), large_ish: share(counts.large_ish), large: share(counts.large), very_large: share(counts.very_large) },
    largeOrAboveShare: share(counts.large + counts.very_large),
  };
}

export type BandScope = 'school' | 'township' | 'county';

const scopeKey: Record<BandScope, (s: SchoolEnrolment) => string> = {
  school: (s) => s.schoolCode,
  township: (s) => s.townshipCode,
  county: (s) => s.townshipCode.slice(0, 6),
};

/** Band counts and shares per school, township or county. */
export function bandSummaryBy(schools: readonly SchoolEnrolment[], scope: BandScope): Record<string, BandSummary> {
  const counts: Record<string, BandCounts> = {};
  for (const s of schools) addCounts((counts[scopeKey[scope](s)] ??= zeroCounts()), schoolBandCounts(s));
  return Object.fromEntries(Object.entries(counts).map(([key, c]) => [key, summariseBands(c)]));
}

export interface GradeSeatGap {
  grade: number;
  classes: number;
  pupils: number;
  standardClassSize: number;
  /** Extra classes so that no class has 56+ pupils (at most 55 per class). */
  extraClassesNoLarge: number;
  seatGapNoLarge: number;
  /** Extra classes so that no class exceeds the standard class size. */
  extraClassesStandard: number;
  seatGapStandard: number;
}

export interface SeatGap {
  extraClassesNoLarge: number;
  seatGapNoLarge: number;
  extraClassesStandard: number;
  seatGapStandard: number;
  grades: GradeSeatGap[];
}

const extraClasses = (pupils: number, classes: number, maxPerClass: number) => Math.max(0, Math.ceil(pupils / maxPerClass) - classes);

/**
 * Seats missing when each grade's pupils are spread over as many classes as needed. Pupils cannot
 * move between grades, so a surplus class in one grade never offsets a shortage in another. Each
 * missing class costs one standard class size of seats.
 */
export function seatGap(school: Pick<SchoolEnrolment, 'level' | 'grades'>, sizes: Partial<StandardClassSizes> = {}): SeatGap {
  const grades = school.grades.map((g): GradeSeatGap => {
    const size = standardClassSize(school.level, g.grade, sizes);
    const noLarge = extraClasses(g.pupils, g.classes, MAX_PUPILS_WITHOUT_LARGE_CLASS);
    const standard = extraClasses(g.pupils, g.classes, size);
    return {
      grade: g.grade, classes: g.classes, pupils: g.pupils, standardClassSize: size,
      extraClassesNoLarge: noLarge, seatGapNoLarge: noLarge * size,
      extraClassesStandard: standard, seatGapStandard: standard * size,
    };
  });
  const sum = (key: keyof Omit<SeatGap, 'grades'>) => grades.reduce((acc, g) => acc + g[key], 0);
  return {
    extraClassesNoLarge: sum('extraClassesNoLarge'), seatGapNoLarge: sum('seatGapNoLarge'),
    extraClassesStandard: sum('extraClassesStandard'), seatGapStandard: sum('seatGapStandard'),
    grades,
  };
}

/** Sum of school seat gaps (for a township or county): pupils cannot move between schools either. */
export function totalSeatGap(schools: readonly Pick<SchoolEnrolment, 'level' | 'grades'>[], sizes: Partial<StandardClassSizes> = {}): Omit<SeatGap, 'grades'> {
  const total = { extraClassesNoLarge: 0, seatGapNoLarge: 0, extraClassesStandard: 0, seatGapStandard: 0 };
  for (const s of schools) {
    const gap = seatGap(s, sizes);
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += gap[key];
  }
  return total;
}

export const schoolPupils = (school: Pick<SchoolEnrolment, 'grades'>): number => school.grades.reduce((sum, g) => sum + g.pupils, 0);

/** Enrolment pressure = pupils ÷ seat capacity; capacity 0 yields `no_capacity`. */
export type EnrolmentPressure = CountRatio<'no_capacity'>;

export function enrolmentPressure(pupils: number, capacity: number): EnrolmentPressure {
  return countRatio(pupils, capacity, 'no_capacity');
}

/** Pressure of one school, with capacity from its classes (or declared capacity) and the standard sizes. */
export function schoolEnrolmentPressure(
  school: Pick<SchoolEnrolment, 'level' | 'grades'> & { declaredCapacity?: number },
  sizes: Partial<StandardClassSizes> = {},
): EnrolmentPressure {
  const capacity = seatCapacity({ level: school.level, classes: school.grades, declaredCapacity: school.declaredCapacity }, sizes);
  return enrolmentPressure(schoolPupils(school), capacity);
}
