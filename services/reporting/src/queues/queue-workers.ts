import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import IORedis, { Redis } from 'ioredis';
import { shanghaiMonth } from '@xiaojian/domain-kernel';
import { InjectConfig, InjectLogger, PlatformLogger } from '@xiaojian/platform';
import { BulletinService, RunResult } from '../bulletins/bulletin.service';
import type { ReportingConfig } from '../config';
import { DeliveryService } from '../delivery/delivery.service';
import { FactsRepository } from '../read-models/facts.repository';
import { BulletinQueues } from './bulletin-queues';
import { DELIVERY_QUEUE, DeliverJobData, GENERATION_QUEUE, MONTH_END_JOB, RUN_JOB, RunJobData } from './queue.constants';

/**
 * The queue workers, in this process unless BULLMQ_WORKERS=false (then a worker instance of the
 * same service runs them). Generation runs one job at a time; deliveries a few in parallel.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    @InjectConfig() private readonly config: ReportingConfig,
    private readonly bulletins: BulletinService,
    private readonly deliveries: DeliveryService,
    private readonly queues: BulletinQueues,
    private readonly facts: FactsRepository,
    @InjectLogger() private readonly logger: PlatformLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.BULLMQ_WORKERS) return;
    const connection = () => {
      const redis = new IORedis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
      this.connections.push(redis);
      return redis;
    };
    const prefix = this.config.BULLMQ_PREFIX;
    const generation = new Worker(GENERATION_QUEUE, (job) => this.generate(job), { connection: connection(), prefix, concurrency: 1 });
    const delivery = new Worker<DeliverJobData>(DELIVERY_QUEUE, (job) => this.deliveries.process(job), { connection: connection(), prefix, concurrency: 4 });
    for (const worker of [generation, delivery]) {
      worker.on('failed', (job, error) => this.logger.warn({ queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: error.message }, 'job failed'));
      worker.on('error', (error) => this.logger.error({ queue: worker.name, err: error.message }, 'worker error'));
      this.workers.push(worker);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all(this.connections.map((redis) => redis.quit().catch(() => redis.disconnect())));
  }

  private async generate(job: Job): Promise<unknown> {
    if (job.name === MONTH_END_JOB) {
      // The month the schedule fired in (Asia/Shanghai), whenever the job is picked up.
      const scheduledFor = (job.opts as { prevMillis?: number }).prevMillis ?? job.timestamp + (job.opts.delay ?? 0);
      const firedAt = new Date(scheduledFor);
      const month = shanghaiMonth(firedAt);
      const counties = await this.facts.knownCounties();
      for (const county of counties) await this.queues.triggerRun(county, month);
      return { month, counties };
    }
    if (job.name === RUN_JOB) {
      const { countyCode, month } = job.data as RunJobData;
      const result: RunResult = await this.bulletins.generate(countyCode, month);
      const deliveries = await this.deliveries.scheduleRun(countyCode, month);
      return { ...result, deliveriesQueued: deliveries };
    }
    throw new Error(`unknown job ${job.name}`);
  }
}
