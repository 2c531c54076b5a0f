import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who receives a township's (or, with no township, the county summary's) bulletins, and how. */
@Entity({ name: 'subscriber' })
@Index('subscriber_scope_idx', ['countyCode', 'townshipCode'])
export class SubscriberEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode: string;

  /** null: receives the county summary. */
  @Column({ name: 'township_code', type: 'text', nullable: true })
  townshipCode: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: 'webhook' | 'email';

  /** Webhook URL or e-mail address. */
  @Column({ type: 'text' })
  target: string;

  /** HMAC secret of a webhook; never returned by the API. */
  @Column({ type: 'text', nullable: true })
  secret: string | null;

  @Column({ type: 'text' })
  format: 'html' | 'pdf' | 'md' | 'json';

  @Column({ type: 'text' })
  language: 'zh-CN' | 'en';

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
