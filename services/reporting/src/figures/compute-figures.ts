import { formatPercent, lastDayOfMonth, monthsBetween, monthOfDate } from '@xiaojian/domain-kernel';
import type {
  BulletinFundingBySource,
  BulletinProjectRow,
  BulletinSeatsByCategory,
  BulletinSummary,
  ProjectPhaseCode,
} from '../bulletins/bulletin-document';
import { EnrolmentFact, FigureScope, inScope, ReportingFacts } from './facts';
import { firstReached, PHASE_SEQUENCE, phaseAt, phaseEventAt } from './phases';
import { isBehindSchedule, rateFigure, scheduleFraction } from './rates';

/** Figure path → ids of the events behind it (drill-down). */
export type FigureTrace = Record<string, string[]>;

export interface Figures {
  scope: FigureScope;
  month: string;
  asOf: string;
  summary: BulletinSummary;
  projects: BulletinProjectRow[];
  trace: FigureTrace;
}

export const FUNDING_SOURCE_ORDER = [
  'central', 'provincial', 'municipal', 'county', 'education_surcharge', 'local_education_surcharge', 'special_bond',
  'counterpart_aid', 'donation', 'other',
];
export const LEVEL_ORDER = ['kindergarten', 'primary', 'junior', 'nine_year', 'senior', 'special'];
export const OWNERSHIP_ORDER = ['public', 'private', 'inclusive_private'];

type MoneyKind = 'allocation' | 'disbursement' | 'expenditure';
const MONEY_FIELD: Record<MoneyKind, 'allocatedFen' | 'disbursedFen' | 'spentFen'> = {
  allocation: 'allocatedFen',
  disbursement: 'disbursedFen',
  expenditure: 'spentFen',
};

class TraceBuilder {
  readonly trace: FigureTrace = {};
  add(path: string, ...eventIds: (string | null | undefined)[]): void {
    const list = (this.trace[path] ??= []);
    for (const id of eventIds) if (id && !list.includes(id)) list.push(id);
  }
  /** Makes sure a figure has an entry even when no event stands behind it (a zero). */
  touch(path: string): void {
    this.trace[path] ??= [];
  }
}

interface Money {
  allocatedFen: number;
  disbursedFen: number;
  spentFen: number;
}
const zeroMoney = (): Money => ({ allocatedFen: 0, disbursedFen: 0, spentFen: 0 });

const order = (list: readonly string[], value: string) => {
  const index = list.indexOf(value);
  return index < 0 ? list.length : index;
};

/** 'YYYY-spring' is the first term of a year, 'YYYY-autumn' the second. */
const termKey = (term: string) => Number(term.slice(0, 4)) * 2 + (term.endsWith('autumn') ? 1 : 0);

/**
 * The figures of a township (or a whole county) for a calendar month, counting every event by its
 * business date up to the month's last day: a late event dated in the month counts in it, an
 * event dated after it does not, whenever either arrived.
 *
 * Conventions:
 * - projects count from their registration date; `total`/`byPhase` include suspended and cancelled ones;
 * - 开工 = first reaching under_construction (or a later phase), 竣工 = first reaching completed (or later);
 * - 开工率 = projects planned to start in the year that have started ÷ projects planned to start in the
 *   year; 竣工率 likewise with planned completion; cancelled projects leave both; `plannedThisYear` counts
 *   projects planned to start or complete in the year;
 * - overdue: a planned milestone (or the planned start/completion date) is before the as-of date and
 *   the phase was not reached by then; cancelled projects are never overdue;
 * - stale: under construction at month end and no progress report for the last two months or more
 *   (never reported: counted from the month construction started);
 * - money is the fiscal year of the month, entries dated up to the as-of date, net of reversals
 *   dated up to it; 序时进度 is linear (day of year ÷ days in year);
 * - seats: planned = planned seats of the year's programme (programmeYear), delivered = seats
 *   delivered in the calendar year up to the as-of date, targets = the year's targets (county:
 *   county-level targets, else the sum of its townships'); class sizes from each school's latest
 *   term report dated up to the as-of date.
 */
export function computeFigures(facts: ReportingFacts, scope: FigureScope, month: string): Figures {
  const asOf = lastDayOfMonth(month);
  const year = Number(month.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const monthStart = `${month}-01`;
  const t = new TraceBuilder();

  const projects = facts.projects
    .filter((p) => inScope(scope, p) && p.registeredOn <= asOf)
    .sort((a, b) => a.code.localeCompare(b.code) || a.projectId.localeCompare(b.projectId));

  // ---- money per project and per source
  const ledger = facts.ledger.filter((e) => inScope(scope, e) && e.fiscalYear === year && e.date <= asOf);
  const moneyByProject = new Map<string, Money>();
  const moneyBySource = new Map<string, Money>();
  const total = zeroMoney();
  const projectCodes = new Map(projects.map((p) => [p.projectId, p.code]));
  for (const entry of ledger) {
    const kind = (entry.kind === 'reversal' ? entry.originalKind : entry.kind) as MoneyKind | null;
    if (!kind) continue;
    const field = MONEY_FIELD[kind];
    const signed = entry.kind === 'reversal' ? -entry.amountFen : entry.amountFen;
    const perProject = moneyByProject.get(entry.projectId) ?? zeroMoney();
    const perSource = moneyBySource.get(entry.source) ?? zeroMoney();
    perProject[field] += signed;
    perSource[field] += signed;
    total[field] += signed;
    moneyByProject.set(entry.projectId, perProject);
    moneyBySource.set(entry.source, perSource);
    t.add(`summary.funding.${field}`, entry.eventId);
    t.add(`summary.funding.bySource.${entry.source}.${field}`, entry.eventId);
    const code = projectCodes.get(entry.projectId);
    if (code) t.add(`projects.${code}.${field}`, entry.eventId);
  }

  // ---- seats delivered per project (up to as-of) and in the year
  const seatsByProject = new Map<string, { seats: number; eventId: string }>();
  const deliveredByCategory = new Map<string, number>();
  let deliveredSeats = 0;
  for (const s of facts.seatsDelivered) {
    if (!inScope(scope, s) || s.date > asOf) continue;
    seatsByProject.set(s.projectId, { seats: s.deliveredSeats, eventId: s.eventId });
    if (s.date >= yearStart) {
      deliveredSeats += s.deliveredSeats;
      const key = `${s.level}/${s.ownership}`;
      deliveredByCategory.set(key, (deliveredByCategory.get(key) ?? 0) + s.deliveredSeats);
      t.add('summary.seats.deliveredSeats', s.eventId);
      t.add(`summary.seats.byCategory.${key}.deliveredSeats`, s.eventId);
    }
  }

  // ---- projects
  const byPhase: Partial<Record<ProjectPhaseCode, number>> = {};
  let startedThisMonth = 0;
  let startedYearToDate = 0;
  let completedThisMonth = 0;
  let completedYearToDate = 0;
  let plannedThisYear = 0;
  let plannedStarts = 0;
  let plannedStartsStarted = 0;
  let plannedCompletions = 0;
  let plannedCompletionsDone = 0;
  let overdueCount = 0;
  let staleCount = 0;
  let weightNumerator = 0n;
  let weightDenominator = 0n;
  let anyReported = false;
  const plannedByCategory = new Map<string, number>();
  let plannedSeats = 0;
  const rows: BulletinProjectRow[] = [];

  const inYear = (date: string | null | undefined) => !!date && date.slice(0, 4) === String(year);

  for (const project of projects) {
    const phaseEvent = phaseEventAt(project, asOf);
    const phase = phaseAt(project, asOf);
    const cancelled = phase === 'cancelled';
    byPhase[phase] = (byPhase[phase] ?? 0) + 1;
    t.add('summary.projects.total', project.registeredEventId);
    t.add(`summary.projects.byPhase.${phase}`, phaseEvent?.eventId ?? project.registeredEventId);
    t.add(`projects.${project.code}.phase`, project.registeredEventId, phaseEvent?.eventId);

    const started = firstReached(project, 'under_construction', asOf);
    const completed = firstReached(project, 'completed', asOf);
    if (started && started.businessDate >= monthStart) {
      startedThisMonth += 1;
      t.add('summary.projects.startedThisMonth', started.eventId);
    }
    if (started && started.businessDate >= yearStart) {
      startedYearToDate += 1;
      t.add('summary.projects.startedYearToDate', started.eventId);
    }
    if (completed && completed.businessDate >= monthStart) {
      completedThisMonth += 1;
      t.add('summary.projects.completedThisMonth', completed.eventId);
    }
    if (completed && completed.businessDate >= yearStart) {
      completedYearToDate += 1;
      t.add('summary.projects.completedYearToDate', completed.eventId);
    }

    if (!cancelled) {
      const plannedStart = project.plannedMilestones.under_construction ?? project.plannedStartDate;
      const plannedCompletion = project.plannedMilestones.completed ?? project.plannedCompletionDate;
      if (inYear(plannedStart) || inYear(plannedCompletion)) {
        plannedThisYear += 1;
        t.add('summary.projects.plannedThisYear', project.figuresEventId);
      }
      if (inYear(plannedStart)) {
        plannedStarts += 1;
        t.add('summary.projects.startRate', project.figuresEventId);
        if (started) {
          plannedStartsStarted += 1;
          t.add('summary.projects.startRate', started.eventId);
        }
      }
      if (inYear(plannedCompletion)) {
        plannedCompletions += 1;
        t.add('summary.projects.completionRate', project.figuresEventId);
        if (completed) {
          plannedCompletionsDone += 1;
          t.add('summary.projects.completionRate', completed.eventId);
        }
      }
    }

    // overdue: a planned milestone passed without the phase reached
    let overdue = false;
    if (!cancelled) {
      const milestones: Partial<Record<ProjectPhaseCode, string>> = {
        under_construction: project.plannedStartDate,
        completed: project.plannedCompletionDate,
        ...project.plannedMilestones,
      };
      for (const [milestonePhase, plannedDate] of Object.entries(milestones) as [ProjectPhaseCode, string][]) {
        if (!PHASE_SEQUENCE.includes(milestonePhase) || !plannedDate || plannedDate >= asOf) continue;
        if (!firstReached(project, milestonePhase, asOf)) overdue = true;
      }
    }
    if (overdue) {
      overdueCount += 1;
      t.add('summary.projects.overdue', project.figuresEventId, phaseEvent?.eventId);
    }

    // progress
    const reports = project.progress.filter((r) => r.month <= month).sort((a, b) => a.month.localeCompare(b.month));
    const latest = reports[reports.length - 1] ?? null;
    let stale = false;
    if (phase === 'under_construction') {
      if (latest) stale = monthsBetween(latest.month, month) >= 2;
      else if (started) stale = monthsBetween(monthOfDate(started.businessDate), month) + 1 >= 2;
    }
    if (stale) {
      staleCount += 1;
      t.add('summary.projects.stale', latest?.eventId ?? started?.eventId, phaseEvent?.eventId);
    }
    if (latest) t.add(`projects.${project.code}.progressPercent`, latest.eventId);
    if (latest && !cancelled) {
      anyReported = true;
      weightNumerator += BigInt(project.plannedInvestmentFen) * BigInt(Math.round(latest.percent * 100));
      weightDenominator += BigInt(project.plannedInvestmentFen) * 10000n;
      t.add('summary.weightedProgressPercent', latest.eventId, project.figuresEventId);
    }

    // seats planned in the year's programme
    if (!cancelled && project.programmeYear === year && project.plannedSeats > 0) {
      const key = `${project.schoolLevel}/${project.ownership}`;
      plannedSeats += project.plannedSeats;
      plannedByCategory.set(key, (plannedByCategory.get(key) ?? 0) + project.plannedSeats);
      t.add('summary.seats.plannedSeats', project.figuresEventId);
      t.add(`summary.seats.byCategory.${key}.plannedSeats`, project.figuresEventId);
    }

    const money = moneyByProject.get(project.projectId) ?? zeroMoney();
    const delivered = seatsByProject.get(project.projectId);
    if (delivered) t.add(`projects.${project.code}.deliveredSeats`, delivered.eventId);
    rows.push({
      projectId: project.projectId,
      code: project.code,
      name: project.name,
      kind: project.kind,
      schoolName: project.schoolName,
      townshipCode: project.townshipCode,
      phase,
      progressPercent: latest ? latest.percent : null,
      lastReportMonth: latest ? latest.month : null,
      plannedInvestmentFen: project.plannedInvestmentFen,
      allocatedFen: money.allocatedFen,
      disbursedFen: money.disbursedFen,
      spentFen: money.spentFen,
      spendingRate: rateFigure(money.spentFen, money.allocatedFen),
      plannedSeats: project.plannedSeats,
      deliveredSeats: delivered?.seats ?? 0,
      overdue,
      stale,
    });
  }

  // ---- funding summary
  const bySource: BulletinFundingBySource[] = [...moneyBySource.entries()]
    .sort(([a], [b]) => order(FUNDING_SOURCE_ORDER, a) - order(FUNDING_SOURCE_ORDER, b) || a.localeCompare(b))
    .map(([source, m]) => ({ source, ...m, spendingRate: rateFigure(m.spentFen, m.allocatedFen) }));
  for (const field of Object.values(MONEY_FIELD)) t.touch(`summary.funding.${field}`);

  // ---- seat targets
  const targetByCategory = new Map<string, number>();
  const targetEvents = new Map<string, string[]>();
  const targets = facts.targets.filter((x) => x.countyCode === scope.countyCode && x.year === year);
  const countyLevelKeys = new Set(targets.filter((x) => x.townshipCode === null).map((x) => `${x.level}/${x.ownership}`));
  for (const target of targets) {
    const key = `${target.level}/${target.ownership}`;
    const counts = scope.townshipCode === null
      ? (countyLevelKeys.has(key) ? target.townshipCode === null : target.townshipCode !== null)
      : target.townshipCode === scope.townshipCode;
    if (!counts) continue;
    targetByCategory.set(key, (targetByCategory.get(key) ?? 0) + target.seats);
    targetEvents.set(key, [...(targetEvents.get(key) ?? []), target.eventId]);
    t.add('summary.seats.targetSeats', target.eventId);
    t.add(`summary.seats.byCategory.${key}.targetSeats`, target.eventId);
  }
  const targetSeats = [...targetByCategory.values()].reduce((sum, n) => sum + n, 0);
  const categoryKeys = new Set([...plannedByCategory.keys(), ...deliveredByCategory.keys(), ...targetByCategory.keys()]);
  const byCategory: BulletinSeatsByCategory[] = [...categoryKeys]
    .map((key) => {
      const [level, ownership] = key.split('/');
      const planned = plannedByCategory.get(key) ?? 0;
      const delivered = deliveredByCategory.get(key) ?? 0;
      const target = targetByCategory.get(key) ?? 0;
      return { level, ownership, plannedSeats: planned, deliveredSeats: delivered, targetSeats: target, completionRate: rateFigure(delivered, target) };
    })
    .sort((a, b) => order(LEVEL_ORDER, a.level) - order(LEVEL_ORDER, b.level) || order(OWNERSHIP_ORDER, a.ownership) - order(OWNERSHIP_ORDER, b.ownership));

  // ---- class sizes: each school's latest term report up to as-of
  const latestBySchool = new Map<string, EnrolmentFact>();
  for (const report of facts.enrolments) {
    if (!inScope(scope, report) || report.reportedOn > asOf) continue;
    const current = latestBySchool.get(report.schoolCode);
    if (!current || termKey(report.term) > termKey(current.term) || (termKey(report.term) === termKey(current.term) && report.reportedOn > current.reportedOn)) {
      latestBySchool.set(report.schoolCode, report);
    }
  }
  let largeClasses = 0;
  let veryLargeClasses = 0;
  let seatGap = 0;
  for (const report of latestBySchool.values()) {
    largeClasses += report.largeClasses;
    veryLargeClasses += report.veryLargeClasses;
    seatGap += report.seatGap;
    for (const path of ['largeClasses', 'veryLargeClasses', 'seatGap']) t.add(`summary.seats.${path}`, report.eventId);
  }

  const schedule = scheduleFraction(asOf);
  const summary: BulletinSummary = {
    projects: {
      total: projects.length,
      byPhase,
      startedThisMonth,
      startedYearToDate,
      completedThisMonth,
      completedYearToDate,
      plannedThisYear,
      startRate: rateFigure(plannedStartsStarted, plannedStarts),
      completionRate: rateFigure(plannedCompletionsDone, plannedCompletions),
      overdue: overdueCount,
      stale: staleCount,
    },
    weightedProgressPercent: anyReported && weightDenominator > 0n ? formatPercent(weightNumerator, weightDenominator) : null,
    funding: {
      ...total,
      disbursementRate: rateFigure(total.disbursedFen, total.allocatedFen),
      spendingRate: rateFigure(total.spentFen, total.allocatedFen),
      schedulePercent: schedule.percent,
      behindSchedule: isBehindSchedule(total.spentFen, total.allocatedFen, asOf),
      bySource,
    },
    seats: {
      plannedSeats,
      deliveredSeats,
      targetSeats,
      completionRate: rateFigure(deliveredSeats, targetSeats),
      byCategory,
      largeClasses,
      veryLargeClasses,
      seatGap,
    },
  };
  for (const path of ['total', 'startedThisMonth', 'startedYearToDate', 'completedThisMonth', 'completedYearToDate', 'plannedThisYear', 'overdue', 'stale']) {
    t.touch(`summary.projects.${path}`);
  }
  for (const path of ['plannedSeats', 'deliveredSeats', 'targetSeats']) t.touch(`summary.seats.${path}`);
  return { scope, month, asOf, summary, projects: rows, trace: t.trace };
}
