import type { BulletinDocument, TownshipRankingRow } from '../bulletins/bulletin-document';
import { computeFigures, Figures } from './compute-figures';
import { ReportingFacts, townshipsOf } from './facts';
import { rateSortValue } from './rates';

export interface CountyFigures {
  county: Figures;
  townships: Figures[];
  ranking: TownshipRankingRow[];
  laggards: NonNullable<BulletinDocument['laggards']>;
}

/** Competition ranking (1, 2, 2, 4) by a value, highest first; `null` values rank last. */
function rankBy<T>(items: readonly T[], value: (item: T) => number | null): Map<T, number> {
  const sorted = [...items].sort((a, b) => (value(b) ?? -Infinity) - (value(a) ?? -Infinity));
  const ranks = new Map<T, number>();
  sorted.forEach((item, index) => {
    const previous = sorted[index - 1];
    ranks.set(item, index > 0 && (value(previous) ?? -Infinity) === (value(item) ?? -Infinity) ? ranks.get(previous)! : index + 1);
  });
  return ranks;
}

/**
 * The county summary: its own figures, every township's, the ranking of townships (by 支出率, by
 * investment-weighted progress, by seats delivered this year; ranked by the printed values, ties
 * share a rank) and the laggards: overdue and stale projects (codes) and townships spending
 * behind 序时进度.
 */
export function computeCountyFigures(facts: ReportingFacts, countyCode: string, month: string): CountyFigures {
  const county = computeFigures(facts, { countyCode, townshipCode: null }, month);
  const townships = townshipsOf(facts, countyCode).map((townshipCode) => computeFigures(facts, { countyCode, townshipCode }, month));

  const bySpending = rankBy(townships, (f) => (f.summary.funding.spendingRate.kind === 'rate' ? rateSortValue(f.summary.funding.spendingRate) : null));
  const byProgress = rankBy(townships, (f) => (f.summary.weightedProgressPercent === null ? null : Number(f.summary.weightedProgressPercent)));
  const bySeats = rankBy(townships, (f) => f.summary.seats.deliveredSeats);
  const ranking: TownshipRankingRow[] = townships
    .map((f) => ({
      townshipCode: f.scope.townshipCode!,
      spendingRate: f.summary.funding.spendingRate,
      weightedProgressPercent: f.summary.weightedProgressPercent,
      deliveredSeats: f.summary.seats.deliveredSeats,
      rankBySpending: bySpending.get(f)!,
      rankByProgress: byProgress.get(f)!,
      rankBySeats: bySeats.get(f)!,
    }))
    .sort((a, b) => a.rankBySpending - b.rankBySpending || a.townshipCode.localeCompare(b.townshipCode));

  return {
    county,
    townships,
    ranking,
    laggards: {
      overdueProjects: county.projects.filter((p) => p.overdue).map((p) => p.code),
      staleProjects: county.projects.filter((p) => p.stale).map((p) => p.code),
      townshipsBehindSchedule: townships.filter((f) => f.summary.funding.behindSchedule).map((f) => f.scope.townshipCode!),
    },
  };
}
