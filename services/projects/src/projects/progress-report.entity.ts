import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './column-transformers';
import { ProjectEntity } from './project.entity';

/**
 * One monthly progress report (形象进度). A month has one original report; corrections add rows
 * with a higher revision (history is kept), and the highest revision is the month's effective value.
 */
@Entity({ name: 'project_progress_report' })
@Index('project_progress_report_revision_key', ['projectId', 'month', 'revision'], { unique: true })
@Index('project_progress_report_original_key', ['projectId', 'month'], { unique: true, where: '"correction" = false' })
export class ProgressReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_progress_report_project_fk' })
  project?: ProjectEntity;

  /** YYYY-MM (Asia/Shanghai). */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numberTransformer })
  percent: number;

  /** The effective percent this report replaced or followed (same month, else the latest earlier month). */
  @Column({ name: 'previous_percent', type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: numberTransformer })
  previousPercent: number | null;

  @Column({ type: 'text' })
  narrative: string;

  @Column({ type: 'boolean' })
  correction: boolean;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'reported_on', type: 'date' })
  reportedOn: string;

  @Column({ name: 'reported_by_id', type: 'text' })
  reportedById: string;

  @Column({ name: 'reported_by_name', type: 'text' })
  reportedByName: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
