import { FieldError } from '@xiaojian/domain-kernel';
import { PROJECT_KIND_LABELS, ProjectPlanInput, validateProjectPlan } from '../project-rules';

const valid = {
  code: 'XJ-2025-001',
  kind: 'new_build',
  schoolLevel: 'primary',
  ownership: 'public',
  countyCode: '341122',
  townshipCode: '341122101',
  plannedInvestmentFen: 4_500_000_000,
  plannedFloorAreaM2: 12_000.5,
  plannedNewSeats: 1_620,
  plannedStartDate: '2025-03-01',
  plannedCompletionDate: '2026-08-31',
  programmeYear: 2025,
};

const errorsFor = (patch: ProjectPlanInput): FieldError[] => {
  const r = validateProjectPlan({ ...valid, ...patch });
  return r.ok ? [] : r.error;
};
const codesFor = (patch: ProjectPlanInput) => errorsFor(patch).map((e) => `${e.field}:${e.code}`);

describe('validateProjectPlan', () => {
  it('accepts a valid plan and returns it typed', () => {
    expect(validateProjectPlan(valid)).toEqual({ ok: true, value: valid });
  });

  it('trims the project code', () => {
    const r = validateProjectPlan({ ...valid, code: '  XJ-1  ' });
    expect(r.ok && r.value.code).toBe('XJ-1');
  });

  it('returns every field error at once, each with zh and en messages', () => {
    const r = validateProjectPlan({});
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.error;
    expect(errors.map((e) => e.field)).toEqual([
      'code', 'kind', 'schoolLevel', 'ownership', 'countyCode', 'townshipCode', 'plannedInvestmentFen',
      'plannedFloorAreaM2', 'plannedNewSeats', 'plannedStartDate', 'plannedCompletionDate', 'programmeYear',
    ]);
    for (const e of errors) {
      expect(e.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(e.en.length).toBeGreaterThan(5);
    }
  });

  describe('code', () => {
    it.each([[''], ['   '], [undefined], [42]])('is required (%p)', (code) => expect(codesFor({ code })).toEqual(['code:required']));
    it('allows 64 characters, refuses 65', () => {
      expect(codesFor({ code: 'A'.repeat(64) })).toEqual([]);
      expect(codesFor({ code: 'A'.repeat(65) })).toEqual(['code:too_long']);
    });
  });

  describe('enumerations', () => {
    it.each(Object.keys(PROJECT_KIND_LABELS).map((k) => [k]))('accepts kind %s', (kind) => expect(codesFor({ kind })).toEqual([]));
    it.each([['kindergarten'], ['primary'], ['junior'], ['nine_year'], ['senior'], ['special']])('accepts level %s', (schoolLevel) =>
      expect(codesFor({ schoolLevel })).toEqual([]));
    it.each([['public'], ['private'], ['inclusive_private']])('accepts ownership %s', (ownership) => expect(codesFor({ ownership })).toEqual([]));
    it('refuses unknown values, listing the allowed ones', () => {
      const errors = errorsFor({ kind: 'newbuild', schoolLevel: 'university', ownership: 'PUBLIC' });
      expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(['kind:invalid_value', 'schoolLevel:invalid_value', 'ownership:invalid_value']);
      expect(errors[0].en).toContain('new_build');
    });
  });

  describe('division codes', () => {
    it.each([['34112'], ['3411222'], ['34112a'], [341122], [undefined]])('refuses county code %p', (countyCode) =>
      expect(codesFor({ countyCode })).toEqual(['countyCode:invalid_division_code']));
    it.each([['34112210'], ['3411221011'], ['34112210x'], [341122101]])('refuses township code %p', (townshipCode) =>
      expect(codesFor({ townshipCode })).toEqual(['townshipCode:invalid_division_code']));
    it('refuses a township outside the county', () => {
      expect(codesFor({ townshipCode: '341123101' })).toEqual(['townshipCode:township_not_in_county']);
    });
    it('does not add a containment error when the county code itself is invalid', () => {
      expect(codesFor({ countyCode: 'abc', townshipCode: '999999999' })).toEqual(['countyCode:invalid_division_code']);
    });
  });

  describe('planned investment (fen)', () => {
    it.each([
      [0, 'too_small'], [-1, 'too_small'], [100.5, 'not_integer'], ['450000', 'not_integer'], [1e13 + 1, 'too_large'], [1e20, 'too_large'],
    ])('refuses %p (%s)', (plannedInvestmentFen, code) =>
      expect(codesFor({ plannedInvestmentFen })).toEqual([`plannedInvestmentFen:${code}`]));
    it('accepts 1 fen and exactly 1e13 fen', () => {
      expect(codesFor({ plannedInvestmentFen: 1 })).toEqual([]);
      expect(codesFor({ plannedInvestmentFen: 1e13 })).toEqual([]);
    });
  });

  describe('planned floor area (m²)', () => {
    it.each([[0], [0.01], [1_000_000]])('accepts %p', (plannedFloorAreaM2) => expect(codesFor({ plannedFloorAreaM2 })).toEqual([]));
    it.each([[-0.01, 'too_small'], [1_000_000.01, 'too_large'], [Number.NaN, 'not_number'], ['100', 'not_number']])('refuses %p (%s)', (plannedFloorAreaM2, code) =>
      expect(codesFor({ plannedFloorAreaM2 })).toEqual([`plannedFloorAreaM2:${code}`]));
  });

  describe('planned new seats', () => {
    it.each([[0], [20_000]])('accepts %p', (plannedNewSeats) => expect(codesFor({ plannedNewSeats })).toEqual([]));
    it.each([[-1, 'too_small'], [20_001, 'too_large'], [45.5, 'not_integer']])('refuses %p (%s)', (plannedNewSeats, code) =>
      expect(codesFor({ plannedNewSeats })).toEqual([`plannedNewSeats:${code}`]));
  });

  describe('planned dates', () => {
    it('allows completion on the start date', () => {
      expect(codesFor({ plannedCompletionDate: valid.plannedStartDate })).toEqual([]);
    });
    it('refuses completion before start', () => {
      expect(codesFor({ plannedCompletionDate: '2025-02-28' })).toEqual(['plannedCompletionDate:completion_before_start']);
    });
    it('refuses malformed or impossible dates', () => {
      expect(codesFor({ plannedStartDate: '2025-02-29', plannedCompletionDate: '2025-9-1' })).toEqual([
        'plannedStartDate:invalid_date', 'plannedCompletionDate:invalid_date',
      ]);
    });
    it('allows planned dates in the future (they are plans)', () => {
      expect(codesFor({ plannedStartDate: '2090-01-01', plannedCompletionDate: '2091-01-01' })).toEqual([]);
    });
  });

  describe('programme year', () => {
    it.each([[2000], [2100]])('accepts %p', (programmeYear) => expect(codesFor({ programmeYear })).toEqual([]));
    it.each([[1999, 'too_small'], [2101, 'too_large'], [2025.5, 'not_integer'], ['2025', 'not_integer']])('refuses %p (%s)', (programmeYear, code) =>
      expect(codesFor({ programmeYear })).toEqual([`programmeYear:${code}`]));
  });
});
