import { parseTerm } from '../domain';

/** Chronological order of terms: 2025-spring < 2025-autumn < 2026-spring. */
export function termOrder(term: string): number {
  const parsed = parseTerm(term);
  if (!parsed) return -1;
  return parsed.year * 2 + (parsed.season === 'autumn' ? 1 : 0);
}

/** SQL expression with the same order, for a `term` column. */
export const TERM_ORDER_SQL = (column: string) => `(split_part(${column}, '-', 1)::int * 2 + CASE WHEN split_part(${column}, '-', 2) = 'autumn' THEN 1 ELSE 0 END)`;
