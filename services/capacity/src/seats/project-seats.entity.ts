import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Ownership, ProjectSeatStatus, SchoolLevel } from '../domain';

/** A project's current place in the seat pipeline (the reducer's state, one row per project). */
@Entity('project_seats')
@Index('ix_project_seats_county', ['countyCode'])
export class ProjectSeatsEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'school_code', type: 'varchar', length: 64 })
  schoolCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6 })
  countyCode: string;

  @Column({ name: 'township_code', type: 'varchar', length: 9 })
  townshipCode: string;

  @Column({ type: 'varchar', length: 16 })
  level: SchoolLevel;

  @Column({ type: 'varchar', length: 24 })
  ownership: Ownership;

  @Column({ type: 'varchar', length: 12 })
  status: ProjectSeatStatus;

  @Column({ name: 'planned_seats', type: 'integer' })
  plannedSeats: number;

  @Column({ name: 'delivered_seats', type: 'integer' })
  deliveredSeats: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
