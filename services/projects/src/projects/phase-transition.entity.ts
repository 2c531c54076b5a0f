import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ProjectPhase, TransitionKind } from '../domain';
import { numberTransformer } from './column-transformers';
import { ProjectEntity } from './project.entity';

/** One lifecycle move of a project, with who made it, its business date and the data it recorded. */
@Entity({ name: 'project_phase_transition' })
@Index('project_phase_transition_sequence_key', ['projectId', 'sequence'], { unique: true })
export class PhaseTransitionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_phase_transition_project_fk' })
  project?: ProjectEntity;

  /** 1, 2, … within the project. */
  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'text' })
  kind: TransitionKind;

  @Column({ name: 'from_phase', type: 'text' })
  fromPhase: ProjectPhase;

  @Column({ name: 'to_phase', type: 'text' })
  toPhase: ProjectPhase;

  @Column({ name: 'business_date', type: 'date' })
  businessDate: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

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

  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
