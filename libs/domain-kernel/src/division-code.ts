import { DomainError, issue } from './errors';

/**
 * 行政区划代码. A county-level code (县/区/县级市, or a prefecture city without counties such
 * as 东莞 441900) has 6 digits; a township (镇/街道/园区) has 9: its county's code plus a
 * 3-digit serial that is never 000.
 */
export function isCountyCode(code: unknown): code is string {
  return typeof code === 'string' && /^[1-9]\d{5}$/.test(code);
}

/** True for a 9-digit township code; with `countyCode`, also requires it to lie in that county. */
export function isTownshipCode(code: unknown, countyCode?: string): code is string {
  if (typeof code !== 'string' || !/^[1-9]\d{5}\d{3}$/.test(code) || code.endsWith('000')) return false;
  return countyCode === undefined || (isCountyCode(countyCode) && code.startsWith(countyCode));
}

export function countyOf(townshipCode: string): string {
  if (!isTownshipCode(townshipCode)) {
    throw new DomainError(issue('division.invalid_township_code', 'townshipCode',
      `乡镇（街道）区划代码无效：${String(townshipCode)}，应为 9 位数字`,
      `Invalid township division code: ${String(townshipCode)} (expected 9 digits)`));
  }
  return townshipCode.slice(0, 6);
}

export interface JurisdictionSpec {
  countyCodes?: readonly string[];
  townshipCodes?: readonly string[];
}

/**
 * What a user may see: whole counties plus individual townships. A township user gets
 * `{ townshipCodes: [own] }`; a county bureau `{ countyCodes: [own] }`. Empty covers nothing.
 */
export class Jurisdiction {
  readonly countyCodes: readonly string[];
  readonly townshipCodes: readonly string[];

  constructor(spec: JurisdictionSpec) {
    const counties = spec.countyCodes ?? [];
    const townships = spec.townshipCodes ?? [];
    const badCounty = counties.find((code) => !isCountyCode(code));
    if (badCounty !== undefined) {
      throw new DomainError(issue('division.invalid_county_code', 'countyCodes',
        `县级区划代码无效：${String(badCounty)}，应为 6 位数字`,
        `Invalid county division code: ${String(badCounty)} (expected 6 digits)`));
    }
    const badTownship = townships.find((code) => !isTownshipCode(code));
    if (badTownship !== undefined) {
      throw new DomainError(issue('division.invalid_township_code', 'townshipCodes',
        `乡镇（街道）区划代码无效：${String(badTownship)}，应为 9 位数字`,
        `Invalid township division code: ${String(badTownship)} (expected 9 digits)`));
    }
    this.countyCodes = Object.freeze([...new Set(counties)].sort());
    this.townshipCodes = Object.freeze([...new Set(townships)].sort());
  }

  /** Whether data of this township is visible; malformed codes are never covered. */
  covers(townshipCode: string): boolean {
    if (!isTownshipCode(townshipCode)) return false;
    return this.townshipCodes.includes(townshipCode) || this.countyCodes.includes(townshipCode.slice(0, 6));
  }

  /** Whether the whole county (every township, and county-level totals) is visible. */
  coversCounty(countyCode: string): boolean {
    return this.countyCodes.includes(countyCode);
  }
}
