import {
  BandSummary, EnrolmentPressure, GradeEnrolment, SeatGap, enrolmentPressure, schoolBandCounts, schoolPupils, seatGap, summariseBands,
} from './class-size';
import { RuleError } from '@xiaojian/domain-kernel';
import { OWNERSHIPS, Ownership, SCHOOL_LEVELS, SchoolLevel } from './school-level';
import { EMPTY_SEAT_PIPELINE, ProjectSeats, SeatEvent, SeatPipelineState, applySeatEvent } from './seat-pipeline';
import { CompletionRate, StandardClassSizes, completionRate } from './seats';

/** One project event as the capacity service keeps it: the seat event and its business date. */
export interface SeatLedgerEntry {
  businessDate: string;
  event: SeatEvent;
}

export interface PipelineAsOf {
  state: SeatPipelineState;
  /** Acceptance date of every project accepted by `asOf`. */
  acceptedOn: Readonly<Record<string, string>>;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The seat pipeline as it stood at the end of `asOf`: the ledger entries dated on or before it,
 * replayed in their recorded order (one project's entries must be in the order they arrived).
 */
export function pipelineAsOf(entries: readonly SeatLedgerEntry[], asOf: string): PipelineAsOf {
  if (!DATE_RE.test(asOf)) throw new RuleError('invalid_date', `日期格式应为 YYYY-MM-DD：${asOf}`, `Expected YYYY-MM-DD: ${asOf}`, 'asOf');
  let state = EMPTY_SEAT_PIPELINE;
  const acceptedOn: Record<string, string> = {};
  for (const entry of entries) {
    if (entry.businessDate > asOf) continue;
    const next = applySeatEvent(state, entry.event);
    if (next !== state && entry.event.type === 'accepted') acceptedOn[entry.event.projectId] = entry.businessDate;
    state = next;
  }
  return { state, acceptedOn };
}

export interface TargetInput {
  countyCode: string;
  /** null: a county-wide target. */
  townshipCode: string | null;
  year: number;
  level: SchoolLevel;
  ownership: Ownership;
  seats: number;
}

export interface SchoolInput {
  schoolId: string;
  schoolCode: string;
  name: string;
  townshipCode: string;
  level: SchoolLevel;
  ownership: Ownership;
  status: string;
  /** Seat capacity as of the date. */
  capacity: number;
  /** Latest enrolment report as of the date, if any. */
  enrolment: { term: string; grades: readonly GradeEnrolment[] } | null;
}

export interface SeatFigures {
  activeProjects: number;
  suspendedProjects: number;
  acceptedProjects: number;
  /** Planned new seats of active projects. */
  plannedSeats: number;
  /** Planned new seats of suspended projects (on hold). */
  onHoldSeats: number;
  /** Seats delivered by every project accepted by the date. */
  deliveredSeats: number;
  /** Seats delivered by projects accepted in the target year (up to the date). */
  deliveredInYear: number;
}

export type TargetSource = 'county' | 'townships';

export interface SeatLine extends SeatFigures {
  level: SchoolLevel;
  ownership: Ownership;
  /** The year's target; null when none is set (completion rate `no_target`). */
  target: number | null;
  targetSource: TargetSource | null;
  /** deliveredInYear ÷ target; may exceed 100 %. */
  completionRate: CompletionRate;
}

export interface EnrolmentFigures {
  schoolsReporting: number;
  pupils: number;
  capacity: number;
  /** pupils ÷ capacity of the schools that reported. */
  pressure: EnrolmentPressure;
  classes: BandSummary;
  seatGap: Omit<SeatGap, 'grades'>;
}

export interface ScopeFigures {
  code: string;
  schools: number;
  /** Seat capacity of every school in the scope. */
  capacity: number;
  seats: SeatFigures & { byLevelAndOwnership: SeatLine[] };
  enrolment: EnrolmentFigures;
}

export interface SchoolFigures {
  schoolId: string;
  schoolCode: string;
  name: string;
  townshipCode: string;
  level: SchoolLevel;
  ownership: Ownership;
  status: string;
  capacity: number;
  term: string | null;
  seats: SeatFigures;
  enrolment: EnrolmentFigures;
}

export interface FiguresInput {
  asOf: string;
  /** Target year; delivered-in-year counts acceptances from its 1 January to `asOf`. */
  year: number;
  /** The county to roll up, or null for a township-only report. */
  countyCode: string | null;
  pipeline: PipelineAsOf;
  targets: readonly TargetInput[];
  schools: readonly SchoolInput[];
  sizes?: Partial<StandardClassSizes>;
}

export interface FiguresReport {
  asOf: string;
  year: number;
  county: ScopeFigures | null;
  townships: ScopeFigures[];
  schools: SchoolFigures[];
}

const emptySeats = (): SeatFigures => ({
  activeProjects: 0, suspendedProjects: 0, acceptedProjects: 0, plannedSeats: 0, onHoldSeats: 0, deliveredSeats: 0, deliveredInYear: 0,
});

function seatFigures(projects: readonly ProjectSeats[], acceptedOn: PipelineAsOf['acceptedOn'], year: number): SeatFigures {
  const t = emptySeats();
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  for (const p of projects) {
    if (p.status === 'active') { t.activeProjects += 1; t.plannedSeats += p.plannedSeats; }
    if (p.status === 'suspended') { t.suspendedProjects += 1; t.onHoldSeats += p.plannedSeats; }
    if (p.status === 'accepted') {
      t.acceptedProjects += 1;
      t.deliveredSeats += p.deliveredSeats;
      const on = acceptedOn[p.projectId];
      if (on !== undefined && on >= from && on <= to) t.deliveredInYear += p.deliveredSeats;
    }
  }
  return t;
}

function enrolmentFigures(schools: readonly SchoolInput[], sizes: Partial<StandardClassSizes>): EnrolmentFigures {
  const reporting = schools.filter((s) => s.enrolment !== null);
  const counts = { classes: 0, normal: 0, large_ish: 0, large: 0, very_large: 0 };
  const gap = { extraClassesNoLarge: 0, seatGapNoLarge: 0, extraClassesStandard: 0, seatGapStandard: 0 };
  let pupils = 0;
  let capacity = 0;
  for (const s of reporting) {
    const grades = s.enrolment!.grades;
    const c = schoolBandCounts({ grades });
    counts.classes += c.classes; counts.normal += c.normal; counts.large_ish += c.large_ish; counts.large += c.large; counts.very_large += c.very_large;
    const g = seatGap({ level: s.level, grades }, sizes);
    gap.extraClassesNoLarge += g.extraClassesNoLarge; gap.seatGapNoLarge += g.seatGapNoLarge;
    gap.extraClassesStandard += g.extraClassesStandard; gap.seatGapStandard += g.seatGapStandard;
    pupils += schoolPupils({ grades });
    capacity += s.capacity;
  }
  return { schoolsReporting: reporting.length, pupils, capacity, pressure: enrolmentPressure(pupils, capacity), classes: summariseBands(counts), seatGap: gap };
}

const lineKey = (level: SchoolLevel, ownership: Ownership) => `${level}/${ownership}`;
const LEVEL_ORDER = new Map(SCHOOL_LEVELS.map((l, i) => [l, i]));
const OWNERSHIP_ORDER = new Map(OWNERSHIPS.map((o, i) => [o, i]));

type TargetTable = Map<string, { level: SchoolLevel; ownership: Ownership; seats: number; source: TargetSource }>;

function townshipTargets(targets: readonly TargetInput[], township: string): TargetTable {
  const table: TargetTable = new Map();
  for (const t of targets) {
    if (t.townshipCode === township) table.set(lineKey(t.level, t.ownership), { level: t.level, ownership: t.ownership, seats: t.seats, source: 'townships' });
  }
  return table;
}

/** A county-wide target wins; without one, the township targets of the county are added up. */
function countyTargets(targets: readonly TargetInput[], county: string): TargetTable {
  const table: TargetTable = new Map();
  for (const t of targets) {
    if (t.countyCode !== county || t.townshipCode !== null) continue;
    table.set(lineKey(t.level, t.ownership), { level: t.level, ownership: t.ownership, seats: t.seats, source: 'county' });
  }
  for (const t of targets) {
    if (t.countyCode !== county || t.townshipCode === null) continue;
    const key = lineKey(t.level, t.ownership);
    const existing = table.get(key);
    if (existing?.source === 'county') continue;
    table.set(key, { level: t.level, ownership: t.ownership, seats: (existing?.seats ?? 0) + t.seats, source: 'townships' });
  }
  return table;
}

function scopeFigures(
  code: string, projects: readonly ProjectSeats[], schools: readonly SchoolInput[], targets: TargetTable, input: FiguresInput,
): ScopeFigures {
  const live = projects.filter((p) => p.status !== 'cancelled');
  const groups = new Map<string, { level: SchoolLevel; ownership: Ownership; projects: ProjectSeats[] }>();
  for (const p of live) {
    const key = lineKey(p.level, p.ownership);
    const g = groups.get(key) ?? { level: p.level, ownership: p.ownership, projects: [] };
    g.projects.push(p);
    groups.set(key, g);
  }
  for (const [key, t] of targets) if (!groups.has(key)) groups.set(key, { level: t.level, ownership: t.ownership, projects: [] });
  const lines: SeatLine[] = [...groups.entries()]
    .map(([key, g]): SeatLine => {
      const figures = seatFigures(g.projects, input.pipeline.acceptedOn, input.year);
      const target = targets.get(key);
      return {
        level: g.level, ownership: g.ownership, ...figures,
        target: target?.seats ?? null, targetSource: target?.source ?? null,
        completionRate: completionRate(figures.deliveredInYear, target?.seats ?? 0),
      };
    })
    .sort((a, b) => LEVEL_ORDER.get(a.level)! - LEVEL_ORDER.get(b.level)! || OWNERSHIP_ORDER.get(a.ownership)! - OWNERSHIP_ORDER.get(b.ownership)!);
  return {
    code,
    schools: schools.length,
    capacity: schools.reduce((sum, s) => sum + s.capacity, 0),
    seats: { ...seatFigures(live, input.pipeline.acceptedOn, input.year), byLevelAndOwnership: lines },
    enrolment: enrolmentFigures(schools, input.sizes ?? {}),
  };
}

/**
 * Planned versus delivered seats against targets, class-size bands, seat gaps and enrolment
 * pressure per school, township and (when `countyCode` is given) county. The caller passes only
 * the projects, schools and targets of the scope.
 */
export function computeFigures(input: FiguresInput): FiguresReport {
  const projects = Object.values(input.pipeline.state.projects);
  const townships = new Set<string>();
  for (const p of projects) if (p.status !== 'cancelled') townships.add(p.townshipCode);
  for (const s of input.schools) townships.add(s.townshipCode);
  for (const t of input.targets) if (t.townshipCode !== null && t.year === input.year) townships.add(t.townshipCode);
  const yearTargets = input.targets.filter((t) => t.year === input.year);

  const schools = [...input.schools]
    .sort((a, b) => a.townshipCode.localeCompare(b.townshipCode) || a.schoolCode.localeCompare(b.schoolCode))
    .map((s): SchoolFigures => {
      const own = projects.filter((p) => p.status !== 'cancelled' && p.schoolCode === s.schoolCode);
      return {
        schoolId: s.schoolId, schoolCode: s.schoolCode, name: s.name, townshipCode: s.townshipCode, level: s.level, ownership: s.ownership,
        status: s.status, capacity: s.capacity, term: s.enrolment?.term ?? null,
        seats: seatFigures(own, input.pipeline.acceptedOn, input.year),
        enrolment: enrolmentFigures([s], input.sizes ?? {}),
      };
    });

  return {
    asOf: input.asOf,
    year: input.year,
    county: input.countyCode === null ? null : scopeFigures(input.countyCode, projects, input.schools, countyTargets(yearTargets, input.countyCode), input),
    townships: [...townships].sort().map((code) =>
      scopeFigures(
        code,
        projects.filter((p) => p.townshipCode === code),
        input.schools.filter((s) => s.townshipCode === code),
        townshipTargets(yearTargets, code),
        input,
      ),
    ),
    schools,
  };
}
