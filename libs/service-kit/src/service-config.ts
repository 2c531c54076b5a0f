import { z } from 'zod';
import { baseServiceConfigShape, boolean, durationMs, positiveInt } from '@xiaojian/platform';

/** Variables every Xiaojian service reads, on top of the platform's. */
export const serviceConfigShape = {
  ...baseServiceConfigShape,
  DATABASE_POOL_SIZE: positiveInt(10),
  DB_MIGRATE_ON_START: boolean(false),
  OUTBOX_BATCH_SIZE: positiveInt(500),
  OUTBOX_POLL_INTERVAL_MS: durationMs(50),
  OUTBOX_RETENTION: durationMs(30 * 24 * 3600 * 1000),
  CONSUMER_MAX_ATTEMPTS: positiveInt(5),
  KAFKA_SESSION_TIMEOUT_MS: durationMs(6000),
  KAFKA_HEARTBEAT_INTERVAL_MS: durationMs(500),
  KAFKA_MAX_WAIT_MS: durationMs(100),
  KAFKA_PROVISION_TOPICS: boolean(true),
  /** Consumer group and inbox key; defaults to the service name (tests isolate with their own). */
  KAFKA_CONSUMER_GROUP: z.string().min(1).optional(),
};

export const serviceConfigSchema = z.object(serviceConfigShape);
export type ServiceConfig = z.output<typeof serviceConfigSchema>;
