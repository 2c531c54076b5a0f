import { join } from 'node:path';
import { KafkaMock, KafkaTopic, startKafkaMock } from './kafka';
import { PostgresServer, startPostgres } from './postgres';
import { RedisServer, startRedis } from './redis';

export interface LocalStackOptions {
  /** Root of the stack's files: PostgreSQL in dir/postgres, Redis in dir/redis. */
  dir: string;
  topics: readonly KafkaTopic[];
  /** Default true. false: no fsync in PostgreSQL, no persistence in Redis (tests). */
  durable?: boolean;
  log?: (line: string) => void;
}

export interface LocalStack {
  postgres: PostgresServer;
  redis: RedisServer;
  kafka: KafkaMock;
  /** Stops all three; tries every one even if another fails, then reports all failures. */
  stop(): Promise<void>;
}

async function stopAll(services: { stop(): Promise<void> }[]): Promise<void> {
  const failures = (await Promise.allSettled(services.map((service) => service.stop())))
    .filter((result): result is PromiseRejectedResult => result.status === 'rejected')
    .map((result) => result.reason);
  if (failures.length > 0) throw new AggregateError(failures, `stopping the local stack failed: ${failures.map(String).join('; ')}`);
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const durable = options.durable ?? true;
  const [postgres, redis, kafka] = await Promise.allSettled([
    startPostgres({ dataDir: join(options.dir, 'postgres'), durable, log: options.log }),
    startRedis({ dir: join(options.dir, 'redis'), persistent: durable, log: options.log }),
    startKafkaMock({ topics: options.topics, log: options.log }),
  ]);
  if (postgres.status === 'rejected' || redis.status === 'rejected' || kafka.status === 'rejected') {
    const started = [postgres, redis, kafka].flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    await stopAll(started).catch(() => undefined); // the start-up failure below is the error that matters
    const reasons = [postgres, redis, kafka].flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    throw new Error(`starting the local stack failed:\n${reasons.join('\n')}`);
  }
  const services = [postgres.value, redis.value, kafka.value];
  let stopping: Promise<void> | undefined;
  return {
    postgres: postgres.value,
    redis: redis.value,
    kafka: kafka.value,
    stop: () => (stopping ??= stopAll(services)),
  };
}
