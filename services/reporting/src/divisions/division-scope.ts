import type { Principal } from '@xiaojian/platform';

/**
 * Which division names a user may read: `'all'` (admin), or every division of `counties` plus the
 * single `codes`. County staff and leaders see their counties (and any extra townships with their
 * county's name); a township user sees its township and its county's name — what its bulletins print.
 */
export type DivisionVisibility = 'all' | { counties: string[]; codes: string[] };

export function divisionVisibility(user: Principal): DivisionVisibility {
  if (user.role === 'admin') return 'all';
  const townships = [...user.townships];
  const countiesOfTownships = townships.map((code) => code.slice(0, 6));
  const counties = user.role === 'township' ? [] : [...user.counties];
  return { counties: [...new Set(counties)].sort(), codes: [...new Set([...townships, ...countiesOfTownships])].sort() };
}

/** Whether the user may read anything of this county (its name, or one of its townships). */
export function canReadCountyDivisions(visibility: DivisionVisibility, countyCode: string): boolean {
  if (visibility === 'all') return true;
  return visibility.counties.includes(countyCode) || visibility.codes.some((code) => code.slice(0, 6) === countyCode);
}
