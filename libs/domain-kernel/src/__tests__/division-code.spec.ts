import { countyOf, isCountyCode, isTownshipCode, Jurisdiction } from '../division-code';
import { DomainError } from '../errors';

describe('division codes', () => {
  it.each(['441900', '110101', '360321'])('%s is a county code', (code) => {
    expect(isCountyCode(code)).toBe(true);
  });

  it.each(['44190', '4419000', '041900', '44a900', ' 441900', '', 441900, null, undefined])('%p is not a county code', (code) => {
    expect(isCountyCode(code)).toBe(false);
  });

  it.each(['441900003', '360321100', '110101001'])('%s is a township code', (code) => {
    expect(isTownshipCode(code)).toBe(true);
  });

  it.each(['44190000', '4419000031', '441900000', '041900003', '44190000x', 441900003, null])('%p is not a township code', (code) => {
    expect(isTownshipCode(code)).toBe(false);
  });

  it('checks that a township lies in a given county', () => {
    expect(isTownshipCode('360321100', '360321')).toBe(true);
    expect(isTownshipCode('360321100', '360322')).toBe(false);
    expect(isTownshipCode('360321100', '3603')).toBe(false);
    expect(isTownshipCode('360321100', '')).toBe(false);
  });

  it('derives the county of a township', () => {
    expect(countyOf('360321100')).toBe('360321');
    expect(() => countyOf('360321')).toThrow(expect.objectContaining({ code: 'division.invalid_township_code', field: 'townshipCode' }));
  });
});

describe('Jurisdiction', () => {
  const county = new Jurisdiction({ countyCodes: ['360321'] });
  const township = new Jurisdiction({ townshipCodes: ['360321100'] });

  it('covers every township of a whole county', () => {
    expect(county.covers('360321100')).toBe(true);
    expect(county.covers('360321205')).toBe(true);
    expect(county.covers('360322100')).toBe(false);
    expect(county.coversCounty('360321')).toBe(true);
  });

  it('gives a township user only their own township', () => {
    expect(township.covers('360321100')).toBe(true);
    expect(township.covers('360321101')).toBe(false);
    expect(township.coversCounty('360321')).toBe(false);
  });

  it('combines counties and townships', () => {
    const mixed = new Jurisdiction({ countyCodes: ['360322'], townshipCodes: ['360321100'] });
    expect(mixed.covers('360322001')).toBe(true);
    expect(mixed.covers('360321100')).toBe(true);
    expect(mixed.covers('360321101')).toBe(false);
  });

  it('covers nothing when empty, and never a malformed code', () => {
    expect(new Jurisdiction({}).covers('360321100')).toBe(false);
    expect(county.covers('360321')).toBe(false);
    expect(county.covers('360321000')).toBe(false);
    expect(county.covers('360321100 ')).toBe(false);
  });

  it('refuses malformed codes and normalises the lists', () => {
    expect(() => new Jurisdiction({ countyCodes: ['3603'] })).toThrow(expect.objectContaining({ code: 'division.invalid_county_code' }));
    expect(() => new Jurisdiction({ townshipCodes: ['360321'] })).toThrow(DomainError);
    const j = new Jurisdiction({ townshipCodes: ['360321200', '360321100', '360321200'] });
    expect(j.townshipCodes).toEqual(['360321100', '360321200']);
    expect(Object.isFrozen(j.townshipCodes)).toBe(true);
  });
});
