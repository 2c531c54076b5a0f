import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per event, written in the same transaction as the change it announces. Rows stay after
 * publishing (until the retention purge) as the service's durable event log.
 */
@Entity({ name: 'outbox_event' })
@Index('outbox_event_pending_idx', ['seq'], { where: '"published_at" IS NULL' })
export class OutboxEventEntity {
  /** Commit-ordered sequence: the relay publishes in this order, so per-key order is kept. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq: string;

  @Index('outbox_event_event_id_key', { unique: true })
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ type: 'jsonb' })
  headers: Record<string, string>;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Index('outbox_event_published_at_idx')
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
