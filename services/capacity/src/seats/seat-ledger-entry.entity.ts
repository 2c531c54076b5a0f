import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Ownership, SchoolLevel, SeatEventType } from '../domain';

/**
 * Every project event that changed the seat pipeline, in arrival order per project: replaying the
 * entries dated up to a day gives the pipeline as of that day.
 */
@Entity('seat_ledger_entry')
@Index('uq_seat_ledger_project_seq', ['projectId', 'seq'], { unique: true })
@Index('ix_seat_ledger_county_date', ['countyCode', 'businessDate'])
export class SeatLedgerEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  /** 1, 2, … per project. */
  @Column({ type: 'integer' })
  seq: number;

  /** The CloudEvent that caused it. */
  @Column({ name: 'event_id', type: 'varchar', length: 100 })
  eventId: string;

  @Column({ type: 'varchar', length: 20 })
  type: SeatEventType;

  @Column({ name: 'business_date', type: 'date' })
  businessDate: string;

  @Column({ name: 'planned_seats', type: 'integer', nullable: true })
  plannedSeats: number | null;

  @Column({ name: 'delivered_seats', type: 'integer', nullable: true })
  deliveredSeats: number | null;

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

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
