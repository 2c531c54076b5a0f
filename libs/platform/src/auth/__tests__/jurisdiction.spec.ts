import { canRead, canWrite, scopeFilter, scopeToSql, type JurisdictionTarget } from '../jurisdiction';
import type { Principal, Role } from '../principal';

const COUNTY = '341321';
const OTHER_COUNTY = '341322';
const TOWNSHIP = '341321001';
const SIBLING_TOWNSHIP = '341321002';

function user(role: Role): Principal {
  const townshipUser = role === 'township';
  return {
    userId: `u-${role}`,
    name: role,
    role,
    counties: townshipUser || role === 'admin' ? [] : [COUNTY],
    townships: townshipUser ? [TOWNSHIP] : [],
  };
}

const countyRecord: JurisdictionTarget = { countyCode: COUNTY };
const ownTownshipRecord: JurisdictionTarget = { countyCode: COUNTY, townshipCode: TOWNSHIP };
const siblingTownshipRecord: JurisdictionTarget = { countyCode: COUNTY, townshipCode: SIBLING_TOWNSHIP };
const otherCountyRecord: JurisdictionTarget = { countyCode: OTHER_COUNTY, townshipCode: '341322001' };
const townshipOnlyRecord: JurisdictionTarget = { townshipCode: SIBLING_TOWNSHIP };

// role, record, canRead, canWrite
const table: [Role, string, JurisdictionTarget, boolean, boolean][] = [
  ['planner', 'county record', countyRecord, true, true],
  ['planner', 'township record in county', siblingTownshipRecord, true, true],
  ['planner', 'township-only record (county implied by code)', townshipOnlyRecord, true, true],
  ['planner', 'other county', otherCountyRecord, false, false],
  ['finance', 'county record', countyRecord, true, true],
  ['finance', 'other county', otherCountyRecord, false, false],
  ['leader', 'county record', countyRecord, true, false],
  ['leader', 'township record in county', ownTownshipRecord, true, false],
  ['leader', 'other county', otherCountyRecord, false, false],
  ['township', 'own township', ownTownshipRecord, true, false],
  ['township', 'sibling township', siblingTownshipRecord, false, false],
  ['township', 'county-level record', countyRecord, false, false],
  ['township', 'other county', otherCountyRecord, false, false],
  ['admin', 'other county', otherCountyRecord, true, true],
  ['admin', 'county record', countyRecord, true, true],
];

describe('jurisdiction', () => {
  it.each(table)('%s / %s → read %s, write %s', (role, _label, target, read, write) => {
    expect(canRead(user(role), target)).toBe(read);
    expect(canWrite(user(role), target)).toBe(write);
  });

  it('nobody without divisions reads or writes anything (except admin)', () => {
    const empty: Principal = { userId: 'x', name: '', role: 'planner', counties: [], townships: [] };
    expect(canRead(empty, countyRecord)).toBe(false);
    expect(canWrite(empty, countyRecord)).toBe(false);
    expect(canRead({ ...empty, role: 'township' }, { townshipCode: undefined })).toBe(false);
  });

  it.each<[Role, ReturnType<typeof scopeFilter>]>([
    ['admin', 'all'],
    ['planner', { countyCodes: [COUNTY] }],
    ['finance', { countyCodes: [COUNTY] }],
    ['leader', { countyCodes: [COUNTY] }],
    ['township', { townshipCodes: [TOWNSHIP] }],
  ])('scopeFilter(%s)', (role, expected) => {
    expect(scopeFilter(user(role))).toEqual(expected);
  });

  it('scopeToSql builds an OR of ANY() conditions, TRUE for all and FALSE for nothing', () => {
    const columns = { county: 'p.county_code', township: 'p.township_code' };
    expect(scopeToSql('all', columns)).toEqual({ clause: 'TRUE', params: {} });
    expect(scopeToSql({ countyCodes: ['341321'], townshipCodes: ['341322001'] }, columns)).toEqual({
      clause: '(p.county_code = ANY(:scopeCountyCodes) OR p.township_code = ANY(:scopeTownshipCodes))',
      params: { scopeCountyCodes: ['341321'], scopeTownshipCodes: ['341322001'] },
    });
    expect(scopeToSql({}, columns).clause).toBe('FALSE');
  });
});
