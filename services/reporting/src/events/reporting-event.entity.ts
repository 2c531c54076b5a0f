import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The event log: every event the reporting service applied, once, in arrival order (`seq`), with
 * the business date it counts on. Read models are a function of this table (see `rebuild`).
 */
@Entity({ name: 'reporting_event' })
@Index('reporting_event_replay_idx', ['businessDate', 'seq'])
@Index('reporting_event_county_idx', ['countyCode', 'businessDate'])
@Index('reporting_event_project_idx', ['projectId'])
export class ReportingEventEntity {
  /** Arrival order (bigint, as a string). */
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'seq' })
  seq: string;

  @Index('reporting_event_event_id_key', { unique: true })
  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'event_time', type: 'timestamptz' })
  eventTime: Date;

  /** The Asia/Shanghai date the event counts on (registeredOn, businessDate, month end, …). */
  @Column({ name: 'business_date', type: 'date' })
  businessDate: string;

  @Column({ name: 'county_code', type: 'text', nullable: true })
  countyCode: string | null;

  @Column({ name: 'township_code', type: 'text', nullable: true })
  townshipCode: string | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
