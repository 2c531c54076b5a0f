import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { InjectConfig, InjectLogger, PlatformLogger } from '@xiaojian/platform';
import type { ReportingConfig } from '../config';
import type { BulletinFormat } from '../bulletins/bulletin-document';
import { DivisionService } from '../divisions/division.service';
import { BulletinQueues } from '../queues/bulletin-queues';
import type { DeliverJobData } from '../queues/queue.constants';
import { DeliveryRepository } from './delivery.repository';
import { BulletinDeliveryRequest, DeliveryOutcome } from './transports/delivery-outcome';
import { EmailTransport } from './transports/email.transport';
import { WebhookTransport } from './transports/webhook.transport';

const FORMATS: BulletinFormat[] = ['html', 'pdf', 'md', 'json'];

/** The transports a delivery uses; `email` is null when SMTP_URL is not configured. */
export interface DeliveryTransports {
  webhook: Pick<WebhookTransport, 'deliver'>;
  email: Pick<EmailTransport, 'deliver' | 'close'> | null;
}
export const DELIVERY_TRANSPORTS = Symbol('DELIVERY_TRANSPORTS');

export function deliveryTransports(config: ReportingConfig): DeliveryTransports {
  return {
    webhook: new WebhookTransport({ timeoutMs: config.WEBHOOK_TIMEOUT_MS }),
    email: config.SMTP_URL ? new EmailTransport({ smtpUrl: config.SMTP_URL, from: config.SMTP_FROM }) : null,
  };
}

/**
 * Schedules and performs deliveries. Each (bulletin, subscriber) is one row and one BullMQ job
 * `deliver:<bulletinId>:<subscriberId>`: retried with exponential backoff while the failure is
 * retryable, failed at once when it is not; each subscriber's job is independent of the others.
 */
@Injectable()
export class DeliveryService implements OnApplicationShutdown {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly queues: BulletinQueues,
    @InjectConfig() private readonly config: ReportingConfig,
    @InjectLogger() private readonly logger: PlatformLogger,
    @Inject(DELIVERY_TRANSPORTS) private readonly transports: DeliveryTransports,
    private readonly divisions: DivisionService,
  ) {}

  onApplicationShutdown(): void {
    this.transports.email?.close();
  }

  /** Creates the run's deliveries (once) and queues every one still pending. */
  async scheduleRun(countyCode: string, month: string): Promise<number> {
    await this.deliveries.createForRun(countyCode, month);
    const pending = await this.deliveries.pendingOfRun(countyCode, month);
    for (const item of pending) await this.queues.enqueueDelivery(item);
    return pending.length;
  }

  /** The `bulletin-delivery` job. */
  async process(job: Job<DeliverJobData>): Promise<{ status: string }> {
    const { deliveryId } = job.data;
    const work = await this.deliveries.work(deliveryId);
    if (!work) return { status: 'missing' };
    if (work.delivery.status === 'sent') return { status: 'already-sent' };
    const attempts = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    const { bulletin, subscriber } = work;
    if (!subscriber.active) {
      await this.deliveries.markAttemptFailed(deliveryId, attempts, 'failed', '订阅已停用 (subscriber deactivated)');
      return { status: 'skipped' };
    }

    const base = this.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    const request: BulletinDeliveryRequest = {
      deliveryId,
      bulletinId: bulletin.id,
      bulletin: bulletin.document,
      contentHash: bulletin.contentHash,
      links: Object.fromEntries(FORMATS.map((format) => [format, `${base}/api/v1/bulletins/${bulletin.id}/content?format=${format}`])),
      divisionNames: await this.divisions.namesOfCounty(bulletin.countyCode),
    };
    let outcome: DeliveryOutcome;
    if (subscriber.kind === 'webhook') {
      outcome = await this.transports.webhook.deliver({ url: subscriber.target, secret: subscriber.secret ?? '', payload: subscriber.format, lang: subscriber.language }, request);
    } else if (this.transports.email) {
      outcome = await this.transports.email.deliver({ to: subscriber.target, lang: subscriber.language }, request);
    } else {
      outcome = {
        ok: false, transport: 'email', deliveryId, retryable: false, reason: 'invalid_target', durationMs: 0,
        message: '未配置邮件服务器（SMTP_URL），无法发送邮件通报 (SMTP_URL is not configured)',
      };
    }

    if (outcome.ok) {
      await this.deliveries.markSent(deliveryId, attempts);
      this.logger.info({ deliveryId, subscriberId: subscriber.id, bulletinId: bulletin.id, attempts }, 'bulletin delivered');
      return { status: 'sent' };
    }
    const final = !outcome.retryable || attempts >= maxAttempts;
    await this.deliveries.markAttemptFailed(deliveryId, attempts, final ? 'failed' : 'pending', outcome.message);
    this.logger.warn({ deliveryId, subscriberId: subscriber.id, attempts, retryable: outcome.retryable, reason: outcome.reason }, 'bulletin delivery failed');
    throw outcome.retryable ? new Error(outcome.message) : new UnrecoverableError(outcome.message);
  }
}
