import type { Principal } from '@xiaojian/platform';
import { bulkDivisionsSchema, divisionCodeProblem, divisionCodeSchema, putDivisionSchema } from '../dto/division.schemas';
import { canReadCountyDivisions, divisionVisibility } from '../division-scope';

const user = (role: Principal['role'], counties: string[], townships: string[] = []): Principal => ({ userId: 'u', name: '', role, counties, townships });

describe('division codes', () => {
  it('accepts a county (6 digits) and a township of it (9 digits)', () => {
    expect(divisionCodeProblem('341321')).toBeNull();
    expect(divisionCodeProblem('341321101')).toBeNull();
    expect(divisionCodeSchema.parse('341321101')).toBe('341321101');
  });

  it.each([
    ['34132', '6 位（县级）或 9 位'],
    ['3413211010', '6 位（县级）或 9 位'],
    ['34132a', '6 位（县级）或 9 位'],
    ['041321', '县级区划代码不能以 0 开头'],
    ['041321101', '前 6 位应为所属县的代码'],
    ['341321000', '后 3 位不能是 000'],
  ])('refuses %s in Chinese', (code, zh) => {
    expect(divisionCodeProblem(code)?.zh).toContain(zh);
    expect(divisionCodeSchema.safeParse(code).success).toBe(false);
  });
});

describe('division names', () => {
  it('trims a name and refuses empty, too long or multi-line names', () => {
    expect(putDivisionSchema.parse({ name: '  砀城镇 ' })).toEqual({ name: '砀城镇' });
    expect(putDivisionSchema.safeParse({ name: '  ' }).success).toBe(false);
    expect(putDivisionSchema.safeParse({ name: '镇'.repeat(101) }).success).toBe(false);
    expect(putDivisionSchema.safeParse({ name: '砀城\n镇' }).success).toBe(false);
    expect(putDivisionSchema.safeParse({ name: '砀城镇', extra: 1 }).success).toBe(false);
  });

  it('refuses a bulk list with a repeated code, pointing at the repeat', () => {
    const result = bulkDivisionsSchema.safeParse([
      { code: '341321', name: '砀山县' },
      { code: '341321101', name: '砀城镇' },
      { code: '341321101', name: '砀城镇（重）' },
    ]);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toEqual([[2, 'code']]);
    expect(bulkDivisionsSchema.safeParse([]).success).toBe(false);
  });
});

describe('who reads which names', () => {
  it('lets an administrator read everything', () => {
    expect(divisionVisibility(user('admin', []))).toBe('all');
    expect(canReadCountyDivisions('all', '341321')).toBe(true);
  });

  it('gives a township user its township and its county only', () => {
    const visibility = divisionVisibility(user('township', [], ['341321101']));
    expect(visibility).toEqual({ counties: [], codes: ['341321', '341321101'] });
    expect(canReadCountyDivisions(visibility, '341321')).toBe(true);
    expect(canReadCountyDivisions(visibility, '341322')).toBe(false);
  });

  it('gives county staff their whole counties, plus extra townships with their county names', () => {
    const visibility = divisionVisibility(user('leader', ['341321'], ['341322105']));
    expect(visibility).toEqual({ counties: ['341321'], codes: ['341322', '341322105'] });
    expect(canReadCountyDivisions(visibility, '341321')).toBe(true);
    expect(canReadCountyDivisions(visibility, '341322')).toBe(true);
    expect(canReadCountyDivisions(visibility, '341323')).toBe(false);
  });
});
