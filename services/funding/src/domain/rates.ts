import { DomainError, Fen, Jurisdiction, Rate, countyOf, issue, rate, sumFen } from '@xiaojian/domain-kernel';
import { FundingSource } from './funding-source';
import { Disbursement, FundingProject, Ledger } from './ledger';
import { LedgerIndex, assertAsOf, indexLedger, netAmount, within } from './ledger-index';
import { LINEAR_SCHEDULE, ScheduleCurve, ScheduleTarget, scheduleStatus, scheduleTarget } from './schedule';

export const RATE_GROUPINGS = ['project', 'township', 'county', 'source', 'fiscalYear'] as const;
export type RateGrouping = (typeof RATE_GROUPINGS)[number];

/** One allocation's money as of a date; `spentFen` is the project's spending attributed to it. */
export interface AllocationFunds {
  readonly allocationId: string;
  readonly projectId: string;
  readonly source: FundingSource;
  readonly fiscalYear: number;
  readonly allocatedFen: Fen;
  readonly disbursedFen: Fen;
  readonly spentFen: Fen;
}

export interface RateOptions {
  /** Entries (and reversals) dated after this Shanghai date are ignored. */
  readonly asOf: string;
  readonly groupBy: RateGrouping;
  /** Only money of allocations for this fiscal year; the 序时进度 year. Default: no filter, year of `asOf`. */
  readonly fiscalYear?: number;
  readonly curve?: ScheduleCurve;
  /** Only projects in these townships / counties. */
  readonly within?: Jurisdiction;
}

export interface RateFigures {
  readonly allocatedFen: Fen;
  readonly disbursedFen: Fen;
  readonly spentFen: Fen;
  /** 拨付率 = disbursed ÷ allocated. */
  readonly disbursementRate: Rate;
  /** 支出率 = spent ÷ allocated. */
  readonly spendingRate: Rate;
  /** 序时进度 of the row's fiscal year. */
  readonly schedule: ScheduleTarget;
  readonly behindSchedule: boolean;
  readonly gapPoints: string | null;
}

export interface RateRow extends RateFigures {
  /** Project id, township code, county code, funding source or fiscal year ("2025"). */
  readonly key: string;
}

export interface RateReport {
  readonly asOf: string;
  readonly groupBy: RateGrouping;
  readonly fiscalYear: number | null;
  /** Sorted by key. */
  readonly rows: readonly RateRow[];
  /** Equals the sum of the rows. */
  readonly total: RateFigures;
}

/**
 * Money per allocation as of a date. Expenditures are recorded against a project, not an
 * allocation, so spending is attributed first-in-first-out: to the project's disbursements in
 * date order (ledger order within a day). FIFO keeps a past month's attribution unchanged when
 * later money arrives, which a pro-rata split would not.
 */
export function fundsByAllocation(ledger: Ledger, asOf: string): AllocationFunds[] {
  assertAsOf(asOf);
  return attribute(indexLedger(ledger.entries), asOf);
}

function attribute(index: LedgerIndex, asOf: string): AllocationFunds[] {
  const funds = new Map<string, { allocatedFen: Fen; disbursed: Fen[]; spent: Fen[] }>();
  const disbursementsOf = new Map<string, Disbursement[]>();
  const spentOf = new Map<string, Fen[]>();
  for (const entry of index.entries) {
    if (!within(entry.date, asOf)) continue;
    if (entry.kind === 'allocation') {
      funds.set(entry.id, { allocatedFen: netAmount(index, entry, asOf), disbursed: [], spent: [] });
    } else if (entry.kind === 'disbursement') {
      const projectId = (index.byId.get(entry.allocationId) as { projectId: string }).projectId;
      disbursementsOf.set(projectId, [...(disbursementsOf.get(projectId) ?? []), entry]);
    } else if (entry.kind === 'expenditure') {
      spentOf.set(entry.projectId, [...(spentOf.get(entry.projectId) ?? []), netAmount(index, entry, asOf)]);
    }
  }
  const projectIds = new Set([...disbursementsOf.keys(), ...spentOf.keys()]);
  for (const projectId of projectIds) {
    let unattributed = sumFen(spentOf.get(projectId) ?? []);
    const ordered = [...(disbursementsOf.get(projectId) ?? [])].sort(
      (a, b) => a.date.localeCompare(b.date) || index.position.get(a.id)! - index.position.get(b.id)!);
    for (const d of ordered) {
      const net = netAmount(index, d, asOf);
      const taken = Math.min(net, unattributed);
      const target = funds.get(d.allocationId)!;
      target.disbursed.push(net);
      target.spent.push(taken);
      unattributed -= taken;
    }
    if (unattributed > 0) {
      throw new DomainError(issue('ledger.inconsistent', undefined,
        `账本数据不一致：项目 ${projectId} 截至 ${asOf} 的支出超过已拨付金额`,
        `Ledger is inconsistent: project ${projectId} has spent more than was disbursed as of ${asOf}`));
    }
  }
  return index.entries.flatMap((entry) => {
    const f = funds.get(entry.id);
    if (entry.kind !== 'allocation' || !f) return [];
    return [{
      allocationId: entry.id,
      projectId: entry.projectId,
      source: entry.source,
      fiscalYear: entry.fiscalYear,
      allocatedFen: f.allocatedFen,
      disbursedFen: sumFen(f.disbursed),
      spentFen: sumFen(f.spent),
    }];
  });
}

function figures(funds: readonly AllocationFunds[], schedule: ScheduleTarget): RateFigures {
  const allocatedFen = sumFen(funds.map((f) => f.allocatedFen));
  const disbursedFen = sumFen(funds.map((f) => f.disbursedFen));
  const spentFen = sumFen(funds.map((f) => f.spentFen));
  return {
    allocatedFen,
    disbursedFen,
    spentFen,
    disbursementRate: rate(disbursedFen, allocatedFen),
    spendingRate: rate(spentFen, allocatedFen),
    schedule,
    ...scheduleStatus(spentFen, allocatedFen, schedule),
  };
}

/** 拨付率, 支出率 and 序时进度 per group, from the ledger as of a date. */
export function spendingRates(ledger: Ledger, options: RateOptions): RateReport {
  const { asOf, groupBy, fiscalYear, curve = LINEAR_SCHEDULE } = options;
  assertAsOf(asOf);
  if (!RATE_GROUPINGS.includes(groupBy)) {
    throw new DomainError(issue('rates.invalid_grouping', 'groupBy', `分组方式无效：${String(groupBy)}`, `Invalid grouping: ${String(groupBy)}`));
  }
  const projects = new Map<string, FundingProject>(ledger.projects.map((p) => [p.id, p]));
  const visible = (projectId: string) => {
    const project = projects.get(projectId);
    if (!project) {
      throw new DomainError(issue('ledger.inconsistent', undefined, `账本数据不一致：项目 ${projectId} 不存在`,
        `Ledger is inconsistent: unknown project ${projectId}`));
    }
    return options.within === undefined || options.within.covers(project.townshipCode);
  };
  const funds = fundsByAllocation(ledger, asOf)
    .filter((f) => visible(f.projectId) && (fiscalYear === undefined || f.fiscalYear === fiscalYear));

  const keyOf = (f: AllocationFunds): string => {
    switch (groupBy) {
      case 'project': return f.projectId;
      case 'township': return projects.get(f.projectId)!.townshipCode;
      case 'county': return countyOf(projects.get(f.projectId)!.townshipCode);
      case 'source': return f.source;
      case 'fiscalYear': return String(f.fiscalYear);
    }
  };
  const groups = new Map<string, AllocationFunds[]>();
  // Projects without money still get a row: a project with nothing allocated must show, not vanish.
  if (groupBy === 'project' || groupBy === 'township' || groupBy === 'county') {
    for (const project of ledger.projects) {
      if (!visible(project.id)) continue;
      const key = groupBy === 'project' ? project.id : groupBy === 'township' ? project.townshipCode : countyOf(project.townshipCode);
      groups.set(key, []);
    }
  }
  for (const f of funds) groups.set(keyOf(f), [...(groups.get(keyOf(f)) ?? []), f]);

  const reportYear = fiscalYear ?? Number(asOf.slice(0, 4));
  const rows = [...groups.keys()].sort().map((key) => {
    const year = groupBy === 'fiscalYear' ? Number(key) : reportYear;
    return { key, ...figures(groups.get(key)!, scheduleTarget(year, asOf, curve)) };
  });
  return {
    asOf,
    groupBy,
    fiscalYear: fiscalYear ?? null,
    rows,
    total: figures(funds, scheduleTarget(reportYear, asOf, curve)),
  };
}
