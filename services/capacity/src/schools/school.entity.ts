import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Ownership, SchoolLevel } from '../domain';

export const SCHOOL_STATUSES = ['open', 'merged', 'closed'] as const;
export type SchoolStatus = (typeof SCHOOL_STATUSES)[number];

/** A school, with the parts its seat capacity is computed from (see domain/capacity.ts). */
@Entity('school')
@Index('uq_school_county_code', ['countyCode', 'code'], { unique: true })
@Index('ix_school_township', ['townshipCode'])
export class SchoolEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6 })
  countyCode: string;

  @Column({ name: 'township_code', type: 'varchar', length: 9 })
  townshipCode: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: SchoolLevel;

  @Column({ type: 'varchar', length: 24 })
  ownership: Ownership;

  @Column({ type: 'varchar', length: 8 })
  status: SchoolStatus;

  @Column({ name: 'declared_capacity', type: 'integer', nullable: true })
  declaredCapacity: number | null;

  /** Classes × standard class size of the latest enrolment report; null before any report. */
  @Column({ name: 'class_capacity', type: 'integer', nullable: true })
  classCapacity: number | null;

  /** Seats delivered by accepted projects, ever. */
  @Column({ name: 'delivered_seats', type: 'integer', default: 0 })
  deliveredSeats: number;

  /** Seats delivered since the baseline (declaration or latest report) was set. */
  @Column({ name: 'delivered_since_baseline', type: 'integer', default: 0 })
  deliveredSinceBaseline: number;

  /** Current seat capacity = baseline + deliveredSinceBaseline. */
  @Column({ type: 'integer', default: 0 })
  capacity: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
