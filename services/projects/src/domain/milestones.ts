import { IsoDate, assertToday, daysBetween } from './calendar';
import { MAIN_LINE_PHASES, MainLinePhase, PhaseTransitionRecord, ProjectPhaseState, isSuspendablePhase } from './project-phase';
import { ProjectPlan } from './project-rules';

/** A date per main-line phase (planned or actual). */
export type PhaseDates = Partial<Record<MainLinePhase, IsoDate>>;

export interface MilestoneRow {
  phase: MainLinePhase;
  planned?: IsoDate;
  actual?: IsoDate;
  /** actual − planned in days; positive means late. Only when both dates exist. */
  varianceDays?: number;
}

export interface MilestoneProject {
  state: ProjectPhaseState;
  planned: PhaseDates;
  actual?: PhaseDates;
}

export interface OverdueMilestone {
  phase: MainLinePhase;
  plannedDate: IsoDate;
  daysOverdue: number;
}

export interface OverdueResult {
  overdue: boolean;
  milestones: OverdueMilestone[];
}

/** The plan's own dates: planned start = entering 在建, planned completion = entering 竣工. */
export function plannedDatesFromPlan(plan: Pick<ProjectPlan, 'plannedStartDate' | 'plannedCompletionDate'>): PhaseDates {
  return { under_construction: plan.plannedStartDate, completed: plan.plannedCompletionDate };
}

/**
 * Actual date per phase = business date of the first forward move into it; resuming into a phase
 * does not move its date. 立项 is not a transition, so its date is passed separately.
 */
export function actualPhaseDates(
  transitions: readonly Pick<PhaseTransitionRecord, 'kind' | 'to' | 'businessDate'>[],
  approvedOn?: IsoDate,
): PhaseDates {
  const dates: PhaseDates = {};
  if (approvedOn !== undefined) dates.approved = approvedOn;
  for (const t of transitions) {
    if (t.kind !== 'advance') continue;
    const phase = t.to as MainLinePhase;
    if (dates[phase] === undefined) dates[phase] = t.businessDate;
  }
  return dates;
}

export function milestoneTable(planned: PhaseDates, actual: PhaseDates): MilestoneRow[] {
  return MAIN_LINE_PHASES.map((phase) => {
    const row: MilestoneRow = { phase };
    if (planned[phase] !== undefined) row.planned = planned[phase];
    if (actual[phase] !== undefined) row.actual = actual[phase];
    if (row.planned !== undefined && row.actual !== undefined) row.varianceDays = daysBetween(row.planned, row.actual);
    return row;
  });
}

/** The main-line phase a project has reached; a suspended project counts as still in the phase it left. */
function reachedIndex(state: ProjectPhaseState): number {
  if (state.phase === 'suspended') return isSuspendablePhase(state.suspendedFrom) ? MAIN_LINE_PHASES.indexOf(state.suspendedFrom) : 0;
  return MAIN_LINE_PHASES.indexOf(state.phase as MainLinePhase);
}

/**
 * A milestone is overdue when its planned date is strictly before `today` and the phase has not
 * been reached. Suspension does not stop the clock; cancelled and in-use projects are never overdue.
 */
export function isOverdue(project: MilestoneProject, today: IsoDate): OverdueResult {
  assertToday(today);
  const { state, planned, actual = {} } = project;
  if (state.phase === 'cancelled' || state.phase === 'in_use') return { overdue: false, milestones: [] };
  const reached = reachedIndex(state);
  const milestones: OverdueMilestone[] = [];
  MAIN_LINE_PHASES.forEach((phase, index) => {
    const plannedDate = planned[phase];
    if (plannedDate === undefined || index <= reached || actual[phase] !== undefined) return;
    if (plannedDate < today) milestones.push({ phase, plannedDate, daysOverdue: daysBetween(plannedDate, today) });
  });
  return { overdue: milestones.length > 0, milestones };
}
