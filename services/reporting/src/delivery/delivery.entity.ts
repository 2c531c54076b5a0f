import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { BulletinEntity } from '../bulletins/bulletin.entity';
import { SubscriberEntity } from '../subscribers/subscriber.entity';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** One bulletin to one subscriber: created once, so a month triggered twice never sends twice. */
@Entity({ name: 'delivery' })
@Unique('delivery_bulletin_subscriber_key', ['bulletinId', 'subscriberId'])
@Index('delivery_subscriber_idx', ['subscriberId'])
export class DeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'bulletin_id', type: 'uuid' })
  bulletinId: string;

  @Column({ name: 'subscriber_id', type: 'uuid' })
  subscriberId: string;

  @ManyToOne(() => BulletinEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bulletin_id' })
  bulletin?: BulletinEntity;

  @ManyToOne(() => SubscriberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscriber_id' })
  subscriber?: SubscriberEntity;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
