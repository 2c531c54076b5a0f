import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SchoolEntity } from './school.entity';

export const CAPACITY_CAUSES = ['seats_delivered', 'enrolment_report', 'declared'] as const;
export type CapacityCause = (typeof CAPACITY_CAUSES)[number];

/** Every change of a school's capacity, with its cause: the history figures as of a date read. */
@Entity('capacity_change')
@Index('uq_capacity_change_school_seq', ['schoolId', 'seq'], { unique: true })
export class CapacityChangeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_capacity_change_school' })
  school?: SchoolEntity;

  /** 1, 2, … per school, in the order the changes were made. */
  @Column({ type: 'integer' })
  seq: number;

  /** Business date the change takes effect (Asia/Shanghai). */
  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'previous_capacity', type: 'integer' })
  previousCapacity: number;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'varchar', length: 20 })
  cause: CapacityCause;

  @Column({ name: 'cause_id', type: 'varchar', length: 100 })
  causeId: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
