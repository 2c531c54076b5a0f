import {
  SchoolEnrolment,
  bandSummaryBy,
  classSizeBand,
  enrolmentPressure,
  gradeBandCounts,
  schoolBandCounts,
  schoolEnrolmentPressure,
  schoolPupils,
  seatGap,
  summariseBands,
  totalSeatGap,
} from '../class-size';

describe('classSizeBand', () => {
  it.each([
    [0, 'normal'], [30, 'normal'], [45, 'normal'],
    [46, 'large_ish'], [55, 'large_ish'],
    [56, 'large'], [65, 'large'],
    [66, 'very_large'], [90, 'very_large'],
  ])('%p pupils → %s', (pupils, band) => expect(classSizeBand(pupils)).toBe(band));

  it.each([[45.5, 'large_ish'], [55.01, 'large'], [65.5, 'very_large'], [44.9, 'normal']])('average %p → %s', (avg, band) =>
    expect(classSizeBand(avg)).toBe(band));
});

describe('band counts', () => {
  it('bands each class when per-class sizes are given', () => {
    expect(gradeBandCounts({ grade: 1, classes: 6, pupils: 333, classSizes: [45, 46, 55, 56, 65, 66] })).toEqual({
      classes: 6, normal: 1, large_ish: 2, large: 2, very_large: 1,
    });
  });

  it('bands every class of a grade by the average when only totals are given', () => {
    expect(gradeBandCounts({ grade: 1, classes: 4, pupils: 224 })).toEqual({ classes: 4, normal: 0, large_ish: 0, large: 4, very_large: 0 }); // 56.0
    expect(gradeBandCounts({ grade: 1, classes: 4, pupils: 220 })).toEqual({ classes: 4, normal: 0, large_ish: 4, large: 0, very_large: 0 }); // 55.0
    expect(gradeBandCounts({ grade: 1, classes: 2, pupils: 91 })).toEqual({ classes: 2, normal: 0, large_ish: 2, large: 0, very_large: 0 }); // 45.5
    expect(gradeBandCounts({ grade: 1, classes: 3, pupils: 135 })).toEqual({ classes: 3, normal: 3, large_ish: 0, large: 0, very_large: 0 }); // 45.0
  });

  it('counts nothing for a grade without classes', () => {
    expect(gradeBandCounts({ grade: 1, classes: 0, pupils: 0 })).toEqual({ classes: 0, normal: 0, large_ish: 0, large: 0, very_large: 0 });
  });

  it('adds grades up per school', () => {
    const school = { grades: [
      { grade: 1, classes: 2, pupils: 90 }, // 2 normal
      { grade: 2, classes: 2, pupils: 0, classSizes: [56, 70] }, // (sizes win) 1 large, 1 very large
      { grade: 3, classes: 1, pupils: 50 }, // 1 large_ish
    ] };
    expect(schoolBandCounts(school)).toEqual({ classes: 5, normal: 2, large_ish: 1, large: 1, very_large: 1 });
  });

  it('summarises shares as ratios, 大班额 share including 超大班额', () => {
    const s = summariseBands({ classes: 8, normal: 4, large_ish: 2, large: 1, very_large: 1 });
    expect(s.shares).toEqual({ normal: 0.5, large_ish: 0.25, large: 0.125, very_large: 0.125 });
    expect(s.largeOrAboveShare).toBe(0.25);
  });

  it('gives null shares, not NaN, when there are no classes', () => {
    const s = summariseBands({ classes: 0, normal: 0, large_ish: 0, large: 0, very_large: 0 });
    expect(s.shares).toEqual({ normal: null, large_ish: null, large: null, very_large: null });
    expect(s.largeOrAboveShare).toBeNull();
  });

  describe('bandSummaryBy', () => {
    const schools: SchoolEnrolment[] = [
      { schoolCode: 'A', townshipCode: '341122101', level: 'primary', grades: [{ grade: 1, classes: 2, pupils: 120 }] }, // 2 large (60)
      { schoolCode: 'B', townshipCode: '341122101', level: 'primary', grades: [{ grade: 1, classes: 2, pupils: 80 }] }, // 2 normal
      { schoolCode: 'C', townshipCode: '341122102', level: 'junior', grades: [{ grade: 7, classes: 1, pupils: 70 }] }, // 1 very large
      { schoolCode: 'D', townshipCode: '341123001', level: 'junior', grades: [{ grade: 7, classes: 4, pupils: 200 }] }, // 4 large_ish
    ];

    it('per school', () => {
      const r = bandSummaryBy(schools, 'school');
      expect(Object.keys(r)).toEqual(['A', 'B', 'C', 'D']);
      expect(r.A).toMatchObject({ classes: 2, large: 2, largeOrAboveShare: 1 });
      expect(r.B).toMatchObject({ classes: 2, normal: 2, largeOrAboveShare: 0 });
    });

    it('per township', () => {
      const r = bandSummaryBy(schools, 'township');
      expect(r['341122101']).toMatchObject({ classes: 4, normal: 2, large: 2, largeOrAboveShare: 0.5 });
      expect(r['341122102']).toMatchObject({ classes: 1, very_large: 1, largeOrAboveShare: 1 });
    });

    it('per county', () => {
      const r = bandSummaryBy(schools, 'county');
      expect(r['341122']).toMatchObject({ classes: 5, normal: 2, large_ish: 0, large: 2, very_large: 1, largeOrAboveShare: 0.6 });
      expect(r['341123']).toMatchObject({ classes: 4, large_ish: 4, largeOrAboveShare: 0 });
    });
  });
});

describe('seatGap (hand-computed)', () => {
  it('primary school', () => {
    // grade | classes | pupils | ⌈p/55⌉ → extra | ⌈p/45⌉ → extra
    //   1   |    3    |  170   |   4 → 1        |   4 → 1
    //   2   |    2    |  100   |   2 → 0        |   3 → 1
    //   3   |    4    |  180   |   4 → 0        |   4 → 0
    //   4   |    2    |  140   |   3 → 1        |   4 → 2
    //   5   |    3    |  100   |   2 → 0 (a surplus never offsets another grade) | 3 → 0
    const gap = seatGap({ level: 'primary', grades: [
      { grade: 1, classes: 3, pupils: 170 },
      { grade: 2, classes: 2, pupils: 100 },
      { grade: 3, classes: 4, pupils: 180 },
      { grade: 4, classes: 2, pupils: 140 },
      { grade: 5, classes: 3, pupils: 100 },
    ] });
    expect(gap.grades.map((g) => [g.extraClassesNoLarge, g.extraClassesStandard])).toEqual([[1, 1], [0, 1], [0, 0], [1, 2], [0, 0]]);
    expect(gap).toMatchObject({ extraClassesNoLarge: 2, seatGapNoLarge: 90, extraClassesStandard: 4, seatGapStandard: 180 });
  });

  it('nine-year school: primary grades cost 45 seats per class, junior grades 50', () => {
    // grade 6: 2 cl, 111 → ⌈2.02⌉=3 → +1 (45) | ⌈111/45=2.47⌉=3 → +1 (45)
    // grade 7: 4 cl, 240 → ⌈4.36⌉=5 → +1 (50) | ⌈240/50=4.8⌉=5 → +1 (50)
    // grade 8: 1 cl,  56 → ⌈1.02⌉=2 → +1 (50) | ⌈1.12⌉=2 → +1 (50)
    // grade 9: 2 cl, 105 → ⌈1.91⌉=2 →  0      | ⌈2.1⌉=3 → +1 (50)
    const gap = seatGap({ level: 'nine_year', grades: [
      { grade: 6, classes: 2, pupils: 111 },
      { grade: 7, classes: 4, pupils: 240 },
      { grade: 8, classes: 1, pupils: 56 },
      { grade: 9, classes: 2, pupils: 105 },
    ] });
    expect(gap.grades.map((g) => g.standardClassSize)).toEqual([45, 50, 50, 50]);
    expect(gap).toMatchObject({ extraClassesNoLarge: 3, seatGapNoLarge: 145, extraClassesStandard: 4, seatGapStandard: 195 });
  });

  it('is zero at exactly 55 per class and at exactly the standard size', () => {
    expect(seatGap({ level: 'junior', grades: [{ grade: 7, classes: 4, pupils: 220 }] })).toMatchObject({ seatGapNoLarge: 0, extraClassesStandard: 1 }); // 220/50 = 4.4
    expect(seatGap({ level: 'junior', grades: [{ grade: 7, classes: 4, pupils: 200 }] })).toMatchObject({ seatGapNoLarge: 0, seatGapStandard: 0 });
    expect(seatGap({ level: 'junior', grades: [{ grade: 7, classes: 4, pupils: 221 }] })).toMatchObject({ extraClassesNoLarge: 1, seatGapNoLarge: 50 });
  });

  it('counts pupils in a grade with no classes', () => {
    expect(seatGap({ level: 'primary', grades: [{ grade: 1, classes: 0, pupils: 30 }] })).toMatchObject({ extraClassesNoLarge: 1, extraClassesStandard: 1, seatGapStandard: 45 });
  });

  it('uses a passed standard size table', () => {
    expect(seatGap({ level: 'primary', grades: [{ grade: 1, classes: 2, pupils: 90 }] }, { primary: 40 })).toMatchObject({ extraClassesStandard: 1, seatGapStandard: 40 });
  });

  it('sums school gaps for an area without moving pupils between schools', () => {
    const crowded = { level: 'primary' as const, grades: [{ grade: 1, classes: 1, pupils: 60 }] }; // +1 / +1
    const empty = { level: 'primary' as const, grades: [{ grade: 1, classes: 3, pupils: 10 }] };
    expect(totalSeatGap([crowded, empty])).toEqual({ extraClassesNoLarge: 1, seatGapNoLarge: 45, extraClassesStandard: 1, seatGapStandard: 45 });
  });
});

describe('enrolment pressure', () => {
  it('is pupils ÷ capacity', () => {
    expect(enrolmentPressure(1200, 1080)).toEqual({ kind: 'ratio', numerator: 1200, denominator: 1080, ratio: 1200 / 1080, percent: 111.1 });
  });

  it('has no value without capacity', () => {
    expect(enrolmentPressure(10, 0)).toEqual({ kind: 'no_capacity', numerator: 10, denominator: 0 });
  });

  it('derives capacity from a school’s classes or its declared capacity', () => {
    const school = { level: 'primary' as const, grades: [{ grade: 1, classes: 2, pupils: 100 }, { grade: 2, classes: 2, pupils: 98 }] };
    expect(schoolPupils(school)).toBe(198);
    expect(schoolEnrolmentPressure(school)).toMatchObject({ numerator: 198, denominator: 180, percent: 110 });
    expect(schoolEnrolmentPressure({ ...school, declaredCapacity: 200 })).toMatchObject({ denominator: 200, percent: 99 });
  });
});
