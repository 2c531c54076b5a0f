import type { ProjectPhaseCode } from '../bulletins/bulletin-document';

/**
 * What the figure computations read: read-model rows as plain data, each carrying the id of the
 * event behind it so every figure can be traced. Dates are Asia/Shanghai 'YYYY-MM-DD'.
 */
export interface PhaseEventFact {
  eventId: string;
  businessDate: string;
  seq: number;
  toPhase: ProjectPhaseCode;
  /** `change`: the project entered the phase; `milestone`: first time the phase was reached. */
  kind: 'change' | 'milestone';
}

export interface ProgressFact {
  month: string;
  percent: number;
  eventId: string;
}

export interface ProjectFact {
  projectId: string;
  code: string;
  name: string;
  kind: string;
  schoolName: string;
  schoolLevel: string;
  ownership: string;
  countyCode: string;
  townshipCode: string;
  registeredOn: string;
  registeredEventId: string;
  /** The event that set the current planned figures (registration or a change). */
  figuresEventId: string;
  plannedInvestmentFen: number;
  plannedSeats: number;
  plannedStartDate: string;
  plannedCompletionDate: string;
  programmeYear: number;
  plannedMilestones: Partial<Record<ProjectPhaseCode, string>>;
  phaseEvents: PhaseEventFact[];
  progress: ProgressFact[];
}

export interface LedgerFact {
  entryId: string;
  eventId: string;
  kind: 'allocation' | 'disbursement' | 'expenditure' | 'reversal';
  projectId: string;
  countyCode: string;
  townshipCode: string;
  source: string;
  fiscalYear: number;
  date: string;
  amountFen: number;
  /** Reversals only: the kind of the entry reversed. */
  originalKind: 'allocation' | 'disbursement' | 'expenditure' | null;
}

export interface SeatsDeliveredFact {
  projectId: string;
  countyCode: string;
  townshipCode: string;
  level: string;
  ownership: string;
  deliveredSeats: number;
  date: string;
  eventId: string;
}

export interface SeatTargetFact {
  countyCode: string;
  /** null: a county-level target. */
  townshipCode: string | null;
  year: number;
  level: string;
  ownership: string;
  seats: number;
  eventId: string;
}

export interface EnrolmentFact {
  schoolCode: string;
  term: string;
  countyCode: string;
  townshipCode: string;
  reportedOn: string;
  largeClasses: number;
  veryLargeClasses: number;
  seatGap: number;
  eventId: string;
}

export interface ReportingFacts {
  projects: ProjectFact[];
  ledger: LedgerFact[];
  seatsDelivered: SeatsDeliveredFact[];
  targets: SeatTargetFact[];
  enrolments: EnrolmentFact[];
}

export interface FigureScope {
  countyCode: string;
  /** null: the whole county. */
  townshipCode: string | null;
}

export function inScope(scope: FigureScope, row: { countyCode: string; townshipCode: string | null }): boolean {
  return row.countyCode === scope.countyCode && (scope.townshipCode === null || row.townshipCode === scope.townshipCode);
}

/** Every township that appears in the facts of a county, sorted. */
export function townshipsOf(facts: ReportingFacts, countyCode: string): string[] {
  const codes = new Set<string>();
  const rows: { countyCode: string; townshipCode: string | null }[] = [
    ...facts.projects, ...facts.ledger, ...facts.seatsDelivered, ...facts.targets, ...facts.enrolments,
  ];
  for (const row of rows) if (row.countyCode === countyCode && row.townshipCode) codes.add(row.townshipCode);
  return [...codes].sort();
}
