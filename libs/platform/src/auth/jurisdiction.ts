import { ProblemException } from '../errors/problem.exception';
import type { Principal } from './principal';

/** Where a record belongs. A township code's first 6 digits are its county's code. */
export interface JurisdictionTarget {
  countyCode?: string | null;
  townshipCode?: string | null;
}

/**
 * Rows a principal may read, for repositories' WHERE clauses: `'all'` (admin), or a disjunction
 * — a row is visible when `county_code = ANY(countyCodes)` OR `township_code = ANY(townshipCodes)`.
 * Absent lists match nothing; both absent/empty means the user sees nothing.
 */
export type ScopeFilter = 'all' | { countyCodes?: string[]; townshipCodes?: string[] };

function countyOf(target: JurisdictionTarget): string | undefined {
  return target.countyCode ?? (target.townshipCode ? target.townshipCode.slice(0, 6) : undefined);
}

/**
 * Read rules: admin reads everything; planner, finance and leader read their counties; township
 * users read only records of their townships (not county-level records without a township).
 */
export function canRead(principal: Principal, target: JurisdictionTarget): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'township':
      return !!target.townshipCode && principal.townships.includes(target.townshipCode);
    case 'planner':
    case 'finance':
    case 'leader': {
      const county = countyOf(target);
      if (county && principal.counties.includes(county)) return true;
      return !!target.townshipCode && principal.townships.includes(target.townshipCode);
    }
    default:
      return false;
  }
}

/**
 * Write rules: admin writes everything; planner and finance write within their counties; leader
 * and township users never write. (Which *kind* of record a role may write is `@Roles`' job.)
 */
export function canWrite(principal: Principal, target: JurisdictionTarget): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'planner':
    case 'finance': {
      const county = countyOf(target);
      return !!county && principal.counties.includes(county);
    }
    default:
      return false;
  }
}

export function scopeFilter(principal: Principal): ScopeFilter {
  switch (principal.role) {
    case 'admin':
      return 'all';
    case 'township':
      return { townshipCodes: [...principal.townships] };
    default:
      return principal.townships.length > 0
        ? { countyCodes: [...principal.counties], townshipCodes: [...principal.townships] }
        : { countyCodes: [...principal.counties] };
  }
}

/**
 * The scope as a SQL condition with named parameters (TypeORM style, `= ANY(:param)` works with
 * empty arrays on PostgreSQL): `qb.andWhere(clause, params)`.
 */
export function scopeToSql(
  scope: ScopeFilter,
  columns: { county: string; township: string },
): { clause: string; params: Record<string, string[]> } {
  if (scope === 'all') return { clause: 'TRUE', params: {} };
  const parts: string[] = [];
  const params: Record<string, string[]> = {};
  if (scope.countyCodes) {
    parts.push(`${columns.county} = ANY(:scopeCountyCodes)`);
    params.scopeCountyCodes = scope.countyCodes;
  }
  if (scope.townshipCodes) {
    parts.push(`${columns.township} = ANY(:scopeTownshipCodes)`);
    params.scopeTownshipCodes = scope.townshipCodes;
  }
  return { clause: parts.length > 0 ? `(${parts.join(' OR ')})` : 'FALSE', params };
}

export function outOfJurisdictionProblem(): ProblemException {
  return new ProblemException({
    status: 403,
    code: 'out-of-jurisdiction',
    title: { zh: '超出管辖范围', en: 'Outside your jurisdiction' },
    detail: {
      zh: '该记录不在您账号的管辖范围内，无法查看或修改。',
      en: 'This record is outside the divisions your account covers.',
    },
  });
}

export function assertCanRead(principal: Principal, target: JurisdictionTarget): void {
  if (!canRead(principal, target)) throw outOfJurisdictionProblem();
}

export function assertCanWrite(principal: Principal, target: JurisdictionTarget): void {
  if (!canWrite(principal, target)) throw outOfJurisdictionProblem();
}
