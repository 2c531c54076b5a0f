import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { InjectConfig, InjectLogger, PlatformLogger } from '@xiaojian/platform';
import type { ReportingConfig } from '../config';
import {
  DELIVER_JOB, DELIVERY_QUEUE, DeliverJobData, deliverJobId, GENERATION_QUEUE, MONTH_END_JOB, MONTH_END_SCHEDULER, REDIS, RUN_JOB,
  RunJobData, runJobId,
} from './queue.constants';

export interface RunTrigger {
  jobId: string;
  /** false: the same run was already waiting or running; this trigger joined it. */
  enqueued: boolean;
  state: string;
}

/**
 * The two BullMQ queues (producer side). Jobs carry ids, never documents; finished jobs are kept
 * by age only. Ids are deterministic, so a repeated trigger is the same job.
 */
@Injectable()
export class BulletinQueues implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly generation: Queue<RunJobData | Record<string, never>>;
  readonly delivery: Queue<DeliverJobData>;

  constructor(
    @InjectConfig() private readonly config: ReportingConfig,
    @Inject(REDIS) redis: Redis,
    @InjectLogger() private readonly logger: PlatformLogger,
  ) {
    const keep: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
      removeOnComplete: { age: Math.ceil(config.QUEUE_KEEP_COMPLETED / 1000) },
      removeOnFail: { age: Math.ceil(config.QUEUE_KEEP_FAILED / 1000) },
    };
    this.generation = new Queue(GENERATION_QUEUE, {
      connection: redis,
      prefix: config.BULLMQ_PREFIX,
      defaultJobOptions: { ...keep, attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
    });
    this.delivery = new Queue(DELIVERY_QUEUE, {
      connection: redis,
      prefix: config.BULLMQ_PREFIX,
      defaultJobOptions: { ...keep, attempts: config.DELIVERY_ATTEMPTS, backoff: { type: 'exponential', delay: config.DELIVERY_BACKOFF_MS } },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.BULLETIN_SCHEDULE_ENABLED) return;
    // Idempotent: every instance upserts the same scheduler; BullMQ keeps one.
    await this.generation.upsertJobScheduler(
      MONTH_END_SCHEDULER,
      { pattern: this.config.BULLETIN_CRON, tz: this.config.BULLETIN_TZ },
      { name: MONTH_END_JOB, data: {} },
    );
    this.logger.info({ cron: this.config.BULLETIN_CRON, tz: this.config.BULLETIN_TZ }, 'month-end bulletin run scheduled');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.generation.close(), this.delivery.close()]);
  }

  /**
   * Queues the run of a county and month as job `run:<county>:<month>`. While that job waits or
   * runs, a second trigger joins it; once it has finished, a new trigger runs the month again
   * (a re-issue after late events issues version 2 only where figures changed).
   */
  async triggerRun(countyCode: string, month: string): Promise<RunTrigger> {
    const jobId = runJobId(countyCode, month);
    const existing = await this.generation.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return { jobId, enqueued: false, state };
      await existing.remove().catch(() => undefined);
    }
    const job = await this.generation.add(RUN_JOB, { countyCode, month }, { jobId });
    return { jobId, enqueued: true, state: await job.getState() };
  }

  async runState(countyCode: string, month: string): Promise<{ jobId: string; state: string; result: unknown; failedReason: string | null } | null> {
    const jobId = runJobId(countyCode, month);
    const job = await this.generation.getJob(jobId);
    if (!job) return null;
    return { jobId, state: await job.getState(), result: job.returnvalue ?? null, failedReason: job.failedReason ?? null };
  }

  async enqueueDelivery(data: DeliverJobData): Promise<void> {
    await this.delivery.add(DELIVER_JOB, data, { jobId: deliverJobId(data.bulletinId, data.subscriberId) });
  }
}
