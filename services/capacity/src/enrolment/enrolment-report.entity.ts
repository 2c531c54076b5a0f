import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { GradeEnrolment } from '../domain';
import { SchoolEntity } from '../schools/school.entity';

/**
 * A school's enrolment for one term. A correction adds the next revision; earlier revisions stay
 * as the record of what was reported.
 */
@Entity('enrolment_report')
@Index('uq_enrolment_report_school_term_revision', ['schoolId', 'term', 'revision'], { unique: true })
export class EnrolmentReportEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_enrolment_report_school' })
  school?: SchoolEntity;

  /** e.g. 2025-autumn */
  @Column({ type: 'varchar', length: 12 })
  term: string;

  /** 1 for the first report of the term, then 2, 3, … for corrections. */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'correction_reason', type: 'text', nullable: true })
  correctionReason: string | null;

  @Column({ name: 'reported_on', type: 'date' })
  reportedOn: string;

  @Column({ type: 'jsonb' })
  grades: GradeEnrolment[];

  @Column({ type: 'integer' })
  classes: number;

  @Column({ type: 'integer' })
  pupils: number;

  /** Classes × standard class size. */
  @Column({ name: 'class_capacity', type: 'integer' })
  classCapacity: number;

  @Column({ name: 'band_normal', type: 'integer' })
  bandNormal: number;

  @Column({ name: 'band_large_ish', type: 'integer' })
  bandLargeIsh: number;

  @Column({ name: 'band_large', type: 'integer' })
  bandLarge: number;

  @Column({ name: 'band_very_large', type: 'integer' })
  bandVeryLarge: number;

  @Column({ name: 'seat_gap_no_large', type: 'integer' })
  seatGapNoLarge: number;

  @Column({ name: 'seat_gap_standard', type: 'integer' })
  seatGapStandard: number;

  @Column({ name: 'reported_by', type: 'varchar', length: 200 })
  reportedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
