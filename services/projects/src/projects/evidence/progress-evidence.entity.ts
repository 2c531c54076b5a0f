import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProjectEntity } from '../project.entity';

/** A photo or document backing one month's progress; the bytes live in PostgreSQL (bytea). */
@Entity({ name: 'project_progress_evidence' })
@Index('project_progress_evidence_month_idx', ['projectId', 'month'])
export class ProgressEvidenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_progress_evidence_project_fk' })
  project?: ProjectEntity;

  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** Detected from the file's bytes, not from the name or the client's header. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** Lower-case hex SHA-256 of the content. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content?: Buffer;

  @Column({ name: 'uploaded_by_id', type: 'text' })
  uploadedById: string;

  @Column({ name: 'uploaded_by_name', type: 'text' })
  uploadedByName: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
