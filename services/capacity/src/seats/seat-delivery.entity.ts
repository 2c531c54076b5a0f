import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SchoolEntity } from '../schools/school.entity';

/**
 * One row per accepted project whose seats were added to its school. The primary key is the
 * project id, so a second acceptance of the same project — even under another event id, past the
 * inbox — inserts nothing and changes nothing.
 */
@Entity('seat_delivery')
export class SeatDeliveryEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_seat_delivery_school' })
  school?: SchoolEntity;

  @Column({ name: 'delivered_seats', type: 'integer' })
  deliveredSeats: number;

  @Column({ name: 'acceptance_date', type: 'date' })
  acceptanceDate: string;

  @Column({ name: 'event_id', type: 'varchar', length: 100 })
  eventId: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
