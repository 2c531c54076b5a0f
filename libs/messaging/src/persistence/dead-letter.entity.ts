import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * A consumer's record of what it sent to the dead-letter topic. Kept in the consumer's own
 * database so listing and replay work even when the broker has lost the dead-letter topic.
 */
@Entity({ name: 'dead_letter' })
@Unique('dead_letter_source_key', ['consumer', 'topic', 'partition', 'offset'])
export class DeadLetterEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  consumer: string;

  @Column({ name: 'event_id', type: 'text', nullable: true })
  eventId: string | null;

  @Column({ name: 'event_type', type: 'text', nullable: true })
  eventType: string | null;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'integer' })
  partition: number;

  @Column({ name: 'offset', type: 'bigint' })
  offset: string;

  @Column({ name: 'message_key', type: 'text', nullable: true })
  messageKey: string | null;

  @Column({ type: 'jsonb' })
  headers: Record<string, string>;

  @Column({ type: 'text', nullable: true })
  payload: string | null;

  @Column({ type: 'text' })
  error: string;

  @Column({ type: 'integer' })
  attempts: number;

  @CreateDateColumn({ name: 'failed_at', type: 'timestamptz' })
  failedAt: Date;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt: Date | null;
}
