import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Ownership, SchoolLevel } from '../domain';

/** An annual new-seat target for a township, or for a whole county (township_code null). */
@Entity('seat_target')
@Index('uq_seat_target_township', ['townshipCode', 'year', 'level', 'ownership'], { unique: true, where: 'township_code IS NOT NULL' })
@Index('uq_seat_target_county', ['countyCode', 'year', 'level', 'ownership'], { unique: true, where: 'township_code IS NULL' })
export class SeatTargetEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6 })
  countyCode: string;

  @Column({ name: 'township_code', type: 'varchar', length: 9, nullable: true })
  townshipCode: string | null;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 16 })
  level: SchoolLevel;

  @Column({ type: 'varchar', length: 24 })
  ownership: Ownership;

  @Column({ type: 'integer' })
  seats: number;

  @Column({ name: 'set_by', type: 'varchar', length: 200 })
  setBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
