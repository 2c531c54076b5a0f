/**
 * The monthly progress bulletin (月度进度通报) as data: every figure the rendered formats print.
 * Language-neutral (codes and numbers); renderers supply zh-CN or English labels. Money is integer
 * fen; renderers print 万元 with two decimals. Rates are exact percent strings with one decimal.
 */
export type BulletinLanguage = 'zh-CN' | 'en';
export type BulletinFormat = 'html' | 'pdf' | 'md' | 'json';

export type RateFigure = { kind: 'rate'; percent: string } | { kind: 'no_denominator' };

export type ProjectPhaseCode =
  | 'approved'
  | 'preparation'
  | 'tendering'
  | 'under_construction'
  | 'completed'
  | 'accepted'
  | 'in_use'
  | 'suspended'
  | 'cancelled';

export interface BulletinProjectRow {
  projectId: string;
  code: string;
  name: string;
  kind: string;
  schoolName: string;
  townshipCode: string;
  phase: ProjectPhaseCode;
  /** 形象进度 at month end; null when never reported. */
  progressPercent: number | null;
  lastReportMonth: string | null;
  plannedInvestmentFen: number;
  allocatedFen: number;
  disbursedFen: number;
  spentFen: number;
  spendingRate: RateFigure;
  plannedSeats: number;
  deliveredSeats: number;
  overdue: boolean;
  /** No progress report for two months or more. */
  stale: boolean;
}

export interface BulletinFundingBySource {
  source: string;
  allocatedFen: number;
  disbursedFen: number;
  spentFen: number;
  spendingRate: RateFigure;
}

export interface BulletinSeatsByCategory {
  level: string;
  ownership: string;
  plannedSeats: number;
  deliveredSeats: number;
  targetSeats: number;
  completionRate: RateFigure;
}

export interface BulletinSummary {
  projects: {
    total: number;
    byPhase: Partial<Record<ProjectPhaseCode, number>>;
    startedThisMonth: number;
    startedYearToDate: number;
    completedThisMonth: number;
    completedYearToDate: number;
    plannedThisYear: number;
    /** 开工率 and 竣工率 against the year's planned projects. */
    startRate: RateFigure;
    completionRate: RateFigure;
    overdue: number;
    stale: number;
  };
  /** Investment-weighted physical progress; null when no project has reported. */
  weightedProgressPercent: string | null;
  funding: {
    allocatedFen: number;
    disbursedFen: number;
    spentFen: number;
    disbursementRate: RateFigure;
    spendingRate: RateFigure;
    /** 序时进度 at the bulletin's as-of date. */
    schedulePercent: string;
    behindSchedule: boolean;
    bySource: BulletinFundingBySource[];
  };
  seats: {
    plannedSeats: number;
    deliveredSeats: number;
    targetSeats: number;
    completionRate: RateFigure;
    byCategory: BulletinSeatsByCategory[];
    largeClasses: number;
    veryLargeClasses: number;
    seatGap: number;
  };
}

export interface TownshipRankingRow {
  townshipCode: string;
  spendingRate: RateFigure;
  weightedProgressPercent: string | null;
  deliveredSeats: number;
  rankBySpending: number;
  rankByProgress: number;
  rankBySeats: number;
}

export interface FigureChange {
  /** JSON path of the figure, e.g. `summary.funding.spentFen`. */
  path: string;
  previous: unknown;
  current: unknown;
}

export interface BulletinDocument {
  schemaVersion: 1;
  kind: 'township' | 'county';
  countyCode: string;
  townshipCode: string | null;
  /** Calendar month in Asia/Shanghai, YYYY-MM. */
  month: string;
  /** Last day of the month (Asia/Shanghai); figures count events by business date up to it. */
  asOf: string;
  version: number;
  issuedAt: string;
  summary: BulletinSummary;
  projects: BulletinProjectRow[];
  /** County bulletins only. */
  ranking?: TownshipRankingRow[];
  laggards?: {
    overdueProjects: string[];
    staleProjects: string[];
    townshipsBehindSchedule: string[];
  };
  /** Re-issues list the figures that changed since the previous version. */
  changes?: FigureChange[];
  /** How to drill into the events behind each figure. */
  trace: { eventCount: number; drillDown: string };
}
