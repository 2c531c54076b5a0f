import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../common/column-transformers';

/**
 * Read models, built only from `reporting_event` by the projector. Every row records the `seq`
 * of the event that last wrote it; a write only wins over a row with a lower `seq`, so the result
 * does not depend on the order events are applied in (incremental arrival order or rebuild order).
 */

/** One project: identity and planned figures from the projects service, plus derived current state. */
@Entity({ name: 'rm_project' })
@Index('rm_project_township_idx', ['countyCode', 'townshipCode'])
export class RmProjectEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode: string;

  @Column({ name: 'township_code', type: 'text' })
  townshipCode: string;

  // identity (registration)
  @Column({ type: 'text', nullable: true })
  code: string | null;

  @Column({ type: 'text', nullable: true })
  kind: string | null;

  @Column({ name: 'school_code', type: 'text', nullable: true })
  schoolCode: string | null;

  @Column({ name: 'school_name', type: 'text', nullable: true })
  schoolName: string | null;

  @Column({ name: 'school_level', type: 'text', nullable: true })
  schoolLevel: string | null;

  @Column({ type: 'text', nullable: true })
  ownership: string | null;

  @Column({ name: 'registered_on', type: 'date', nullable: true })
  registeredOn: string | null;

  @Column({ name: 'registered_event_id', type: 'text', nullable: true })
  registeredEventId: string | null;

  // planned figures (registration or the latest planned-figures change)
  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ name: 'planned_investment_fen', type: 'bigint', nullable: true, transformer: bigintToNumber })
  plannedInvestmentFen: number | null;

  @Column({ name: 'planned_floor_area', type: 'double precision', nullable: true })
  plannedFloorArea: number | null;

  @Column({ name: 'planned_seats', type: 'integer', nullable: true })
  plannedSeats: number | null;

  @Column({ name: 'planned_start_date', type: 'date', nullable: true })
  plannedStartDate: string | null;

  @Column({ name: 'planned_completion_date', type: 'date', nullable: true })
  plannedCompletionDate: string | null;

  @Column({ name: 'programme_year', type: 'integer', nullable: true })
  programmeYear: number | null;

  @Column({ name: 'programme_name', type: 'text', nullable: true })
  programmeName: string | null;

  @Column({ name: 'planned_milestones', type: 'jsonb', nullable: true })
  plannedMilestones: Record<string, string> | null;

  @Column({ name: 'figures_seq', type: 'bigint', default: 0, transformer: bigintToNumber })
  figuresSeq: number;

  @Column({ name: 'figures_event_id', type: 'text', nullable: true })
  figuresEventId: string | null;

  // derived from rm_phase_event / rm_progress (current state, all events applied)
  @Column({ type: 'text', nullable: true })
  phase: string | null;

  /** First date each phase was reached, e.g. {"under_construction": "2025-03-02"} (开工), {"completed": …} (竣工). */
  @Column({ name: 'reached_on', type: 'jsonb', nullable: true })
  reachedOn: Record<string, string> | null;

  @Column({ name: 'latest_percent', type: 'double precision', nullable: true })
  latestPercent: number | null;

  @Column({ name: 'last_report_month', type: 'text', nullable: true })
  lastReportMonth: string | null;

  // acceptance (竣工验收)
  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  @Column({ name: 'final_cost_fen', type: 'bigint', nullable: true, transformer: bigintToNumber })
  finalCostFen: number | null;
}

/** Every phase transition (kind `change`) and first-reached milestone (kind `milestone`) of a project. */
@Entity({ name: 'rm_phase_event' })
@Index('rm_phase_event_project_idx', ['projectId', 'businessDate'])
export class RmPhaseEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  seq: number;

  @Column({ name: 'business_date', type: 'date' })
  businessDate: string;

  @Column({ name: 'to_phase', type: 'text' })
  toPhase: string;

  @Column({ type: 'text' })
  kind: 'change' | 'milestone';
}

/** Physical progress (形象进度) per project and month; a correction replaces the month's figure. */
@Entity({ name: 'rm_progress' })
export class RmProgressEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ type: 'text' })
  month: string;

  @Column({ type: 'double precision' })
  percent: number;

  @Column({ name: 'reported_on', type: 'date' })
  reportedOn: string;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  seq: number;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;
}

/** Ledger entries: allocations (下达), disbursements (拨付), expenditures (支出) and reversals. */
@Entity({ name: 'rm_ledger' })
@Index('rm_ledger_scope_idx', ['countyCode', 'townshipCode', 'entryDate'])
export class RmLedgerEntity {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ type: 'text' })
  kind: 'allocation' | 'disbursement' | 'expenditure' | 'reversal';

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode: string;

  @Column({ name: 'township_code', type: 'text' })
  townshipCode: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'fiscal_year', type: 'integer' })
  fiscalYear: number;

  @Column({ name: 'entry_date', type: 'date' })
  entryDate: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintToNumber })
  amountFen: number;

  @Column({ name: 'allocation_id', type: 'uuid', nullable: true })
  allocationId: string | null;

  /** Reversals: the entry they (partly) reverse and its kind. */
  @Column({ name: 'original_entry_id', type: 'uuid', nullable: true })
  originalEntryId: string | null;

  @Column({ name: 'original_kind', type: 'text', nullable: true })
  originalKind: string | null;
}

/**
 * Seats delivered per project. The capacity service's `seats.delivered` is authoritative; the
 * projects service's acceptance is used until (or unless) it arrives. Never both: seats are not
 * counted twice.
 */
@Entity({ name: 'rm_seats' })
@Index('rm_seats_scope_idx', ['countyCode', 'townshipCode'])
export class RmSeatsEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode: string;

  @Column({ name: 'township_code', type: 'text' })
  townshipCode: string;

  @Column({ name: 'school_code', type: 'text' })
  schoolCode: string;

  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'text' })
  ownership: string;

  @Column({ name: 'delivered_seats', type: 'integer' })
  deliveredSeats: number;

  @Column({ name: 'delivered_on', type: 'date' })
  deliveredOn: string;

  /** 2 = capacity `seats.delivered`, 1 = projects acceptance. */
  @Column({ name: 'source_rank', type: 'integer' })
  sourceRank: number;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  seq: number;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;
}

/** Annual new-seat targets per township (or county: township `-`), level and ownership. */
@Entity({ name: 'rm_seat_target' })
@Index('rm_seat_target_scope_idx', ['countyCode', 'year'])
export class RmSeatTargetEntity {
  @PrimaryColumn({ name: 'county_code', type: 'text' })
  countyCode: string;

  /** `-` for a county-level target. */
  @PrimaryColumn({ name: 'township_code', type: 'text' })
  townshipCode: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ type: 'text' })
  level: string;

  @PrimaryColumn({ type: 'text' })
  ownership: string;

  @Column({ type: 'integer' })
  seats: number;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ name: 'set_on', type: 'date' })
  setOn: string;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  seq: number;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;
}

/** The latest enrolment report per school and term: class-size bands and seat gaps. */
@Entity({ name: 'rm_enrolment' })
@Index('rm_enrolment_scope_idx', ['countyCode', 'townshipCode'])
export class RmEnrolmentEntity {
  @PrimaryColumn({ name: 'school_code', type: 'text' })
  schoolCode: string;

  @PrimaryColumn({ type: 'text' })
  term: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode: string;

  @Column({ name: 'township_code', type: 'text' })
  townshipCode: string;

  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'text' })
  ownership: string;

  @Column({ name: 'reported_on', type: 'date' })
  reportedOn: string;

  @Column({ type: 'integer' })
  classes: number;

  @Column({ type: 'integer' })
  pupils: number;

  @Column({ name: 'large_classes', type: 'integer' })
  largeClasses: number;

  @Column({ name: 'very_large_classes', type: 'integer' })
  veryLargeClasses: number;

  @Column({ name: 'seat_gap_no_large_classes', type: 'integer' })
  seatGapNoLargeClasses: number;

  @Column({ name: 'seat_gap_standard_size', type: 'integer' })
  seatGapStandardSize: number;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  seq: number;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;
}

export const READ_MODEL_ENTITIES = [
  RmProjectEntity,
  RmPhaseEventEntity,
  RmProgressEntity,
  RmLedgerEntity,
  RmSeatsEntity,
  RmSeatTargetEntity,
  RmEnrolmentEntity,
];

/** Truncated and rebuilt by `rebuild`, in this order. */
export const READ_MODEL_TABLES = ['rm_project', 'rm_phase_event', 'rm_progress', 'rm_ledger', 'rm_seats', 'rm_seat_target', 'rm_enrolment'] as const;
