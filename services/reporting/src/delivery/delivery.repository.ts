import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BulletinEntity } from '../bulletins/bulletin.entity';
import type { SubscriberEntity } from '../subscribers/subscriber.entity';
import { DeliveryEntity, DeliveryStatus } from './delivery.entity';

export interface DeliveryWork {
  delivery: DeliveryEntity;
  bulletin: BulletinEntity;
  subscriber: SubscriberEntity;
}

/** All access to the `delivery` table. */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One delivery per (latest bulletin of the run, active subscriber of its township — or of the
   * county summary); existing rows are kept, so nothing is ever scheduled twice.
   */
  async createForRun(countyCode: string, month: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO delivery (id, bulletin_id, subscriber_id, status, attempts, created_at, updated_at)
       SELECT gen_random_uuid(), b.id, s.id, 'pending', 0, now(), now()
       FROM bulletin b
       JOIN subscriber s ON s.active AND s.county_code = b.county_code AND s.township_code IS NOT DISTINCT FROM b.township_code
       WHERE b.county_code = $1 AND b.month = $2
         AND b.version = (SELECT max(v.version) FROM bulletin v WHERE v.scope_code = b.scope_code AND v.month = b.month)
       ON CONFLICT (bulletin_id, subscriber_id) DO NOTHING`,
      [countyCode, month],
    );
  }

  async pendingOfRun(countyCode: string, month: string): Promise<{ deliveryId: string; bulletinId: string; subscriberId: string }[]> {
    const rows: { id: string; bulletin_id: string; subscriber_id: string }[] = await this.dataSource.query(
      `SELECT d.id, d.bulletin_id, d.subscriber_id FROM delivery d JOIN bulletin b ON b.id = d.bulletin_id
       WHERE b.county_code = $1 AND b.month = $2 AND d.status = 'pending' ORDER BY d.created_at, d.id`,
      [countyCode, month],
    );
    return rows.map((r) => ({ deliveryId: r.id, bulletinId: r.bulletin_id, subscriberId: r.subscriber_id }));
  }

  async work(deliveryId: string): Promise<DeliveryWork | null> {
    const delivery = await this.dataSource.getRepository(DeliveryEntity).findOne({ where: { id: deliveryId }, relations: { bulletin: true, subscriber: true } });
    if (!delivery || !delivery.bulletin || !delivery.subscriber) return null;
    const { bulletin, subscriber } = delivery;
    return { delivery, bulletin, subscriber };
  }

  async markSent(deliveryId: string, attempts: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE delivery SET status = 'sent', attempts = $2, last_error = NULL, delivered_at = now(), updated_at = now() WHERE id = $1 AND status <> 'sent'`,
      [deliveryId, attempts],
    );
  }

  async markAttemptFailed(deliveryId: string, attempts: number, status: DeliveryStatus, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE delivery SET status = $3, attempts = $2, last_error = $4, updated_at = now() WHERE id = $1 AND status <> 'sent'`,
      [deliveryId, attempts, status, error.slice(0, 2000)],
    );
  }

  async list(filter: { bulletinId?: string; subscriberId?: string }): Promise<DeliveryEntity[]> {
    return this.dataSource.getRepository(DeliveryEntity).find({
      where: { ...(filter.bulletinId ? { bulletinId: filter.bulletinId } : {}), ...(filter.subscriberId ? { subscriberId: filter.subscriberId } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
