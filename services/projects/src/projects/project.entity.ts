import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MainLinePhase, Ownership, ProjectKind, ProjectPhase, SchoolLevel, SuspendablePhase } from '../domain';
import { numberTransformer } from './column-transformers';

/** One school construction project: its planned figures, current phase and latest progress. */
@Entity({ name: 'project' })
@Index('project_county_code_key', ['countyCode', 'code'], { unique: true })
@Index('project_township_idx', ['townshipCode'])
@Index('project_county_phase_idx', ['countyCode', 'phase'])
export class ProjectEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** 项目编号, unique per county. */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: ProjectKind;

  @Column({ name: 'school_code', type: 'text' })
  schoolCode: string;

  @Column({ name: 'school_name', type: 'text' })
  schoolName: string;

  @Column({ name: 'school_level', type: 'text' })
  schoolLevel: SchoolLevel;

  @Column({ type: 'text' })
  ownership: Ownership;

  @Column({ name: 'county_code', type: 'varchar', length: 6 })
  countyCode: string;

  @Column({ name: 'township_code', type: 'varchar', length: 9 })
  townshipCode: string;

  @Column({ name: 'planned_investment_fen', type: 'bigint', transformer: numberTransformer })
  plannedInvestmentFen: number;

  /** m², at most two decimals. */
  @Column({ name: 'planned_floor_area', type: 'numeric', precision: 12, scale: 2, transformer: numberTransformer })
  plannedFloorArea: number;

  @Column({ name: 'planned_seats', type: 'integer' })
  plannedSeats: number;

  @Column({ name: 'planned_start_date', type: 'date' })
  plannedStartDate: string;

  @Column({ name: 'planned_completion_date', type: 'date' })
  plannedCompletionDate: string;

  @Column({ name: 'programme_year', type: 'integer' })
  programmeYear: number;

  @Column({ name: 'programme_name', type: 'text', default: '' })
  programmeName: string;

  @Column({ type: 'text', default: '' })
  notes: string;

  /** Planned date per main-line phase (under_construction/completed mirror the planned start/completion dates). */
  @Column({ name: 'planned_milestones', type: 'jsonb' })
  plannedMilestones: Partial<Record<MainLinePhase, string>>;

  @Column({ type: 'text' })
  phase: ProjectPhase;

  /** Business date of the latest transition (or of 立项). */
  @Column({ name: 'phase_since', type: 'date' })
  phaseSince: string;

  @Column({ name: 'suspended_from', type: 'text', nullable: true })
  suspendedFrom: SuspendablePhase | null;

  /** 立项日期: the business date the project was registered as approved. */
  @Column({ name: 'registered_on', type: 'date' })
  registeredOn: string;

  @Column({ type: 'text', nullable: true })
  contractor: string | null;

  @Column({ name: 'contract_amount_fen', type: 'bigint', nullable: true, transformer: numberTransformer })
  contractAmountFen: number | null;

  @Column({ name: 'actual_start_date', type: 'date', nullable: true })
  actualStartDate: string | null;

  @Column({ name: 'acceptance_date', type: 'date', nullable: true })
  acceptanceDate: string | null;

  @Column({ name: 'delivered_seats', type: 'integer', nullable: true })
  deliveredSeats: number | null;

  @Column({ name: 'delivered_floor_area', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numberTransformer })
  deliveredFloorArea: number | null;

  @Column({ name: 'final_cost_fen', type: 'bigint', nullable: true, transformer: numberTransformer })
  finalCostFen: number | null;

  /** The effective progress of the latest reported month. */
  @Column({ name: 'latest_progress_month', type: 'varchar', length: 7, nullable: true })
  latestProgressMonth: string | null;

  @Column({ name: 'latest_progress_percent', type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: numberTransformer })
  latestProgressPercent: number | null;

  /** Optimistic concurrency: bumped by every change; the ETag is derived from it. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_by_id', type: 'text' })
  createdById: string;

  @Column({ name: 'created_by_name', type: 'text' })
  createdByName: string;

  @Column({ name: 'updated_by_id', type: 'text' })
  updatedById: string;

  @Column({ name: 'updated_by_name', type: 'text' })
  updatedByName: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
