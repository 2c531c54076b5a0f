import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The first successful response to a money-moving request sent with an `Idempotency-Key`,
 * written in the same transaction as the ledger entry. Unique per user and key.
 */
@Entity({ name: 'idempotency_record' })
@Index('uq_idempotency_record_user_key', ['userId', 'idempotencyKey'], { unique: true })
export class IdempotencyRecordEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 200 })
  userId!: string;

  /** Which operation the key was used for (allocation, disbursement, …). */
  @Column({ type: 'varchar', length: 32 })
  operation!: string;

  /** SHA-256 of the operation and the canonical request body. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ name: 'status_code', type: 'integer' })
  statusCode!: number;

  @Column({ name: 'response_body', type: 'jsonb' })
  responseBody!: unknown;

  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  entryId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
