import { z } from 'zod';
import { boolean, durationMs, positiveInt, redisUrl } from '@xiaojian/platform';
import { serviceConfigShape } from '@xiaojian/service-kit';

export const reportingConfigSchema = z.object({
  ...serviceConfigShape,
  REDIS_URL: redisUrl(),
  /** Key prefix of every BullMQ queue; tests give each service instance its own. */
  BULLMQ_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'not a simple prefix' })
    .default('xiaojian')
    .describe('letters, digits, _ or - (default xiaojian)'),
  /** Run the queue workers in this process (false: API only; a worker instance runs them). */
  BULLMQ_WORKERS: boolean(true),
  /** When the month-end bulletin run fires (BullMQ cron with seconds, in BULLETIN_TZ). */
  BULLETIN_CRON: z.string().min(9).default('0 30 23 L * *').describe('a cron pattern with seconds (default "0 30 23 L * *": 23:30 on the last day of the month)'),
  BULLETIN_TZ: z.string().min(1).default('Asia/Shanghai').describe('an IANA time zone (default Asia/Shanghai)'),
  /** Schedule the month-end repeatable job at start-up. */
  BULLETIN_SCHEDULE_ENABLED: boolean(true),
  DELIVERY_ATTEMPTS: positiveInt(5),
  DELIVERY_BACKOFF_MS: durationMs(30_000),
  QUEUE_KEEP_COMPLETED: durationMs(7 * 24 * 3600 * 1000),
  QUEUE_KEEP_FAILED: durationMs(30 * 24 * 3600 * 1000),
  /** SMTP server for e-mail subscribers, e.g. smtp://user:pass@mail.example.cn:587; e-mail delivery fails permanently without it. */
  SMTP_URL: z.string().url().optional().describe('an smtp:// or smtps:// URL'),
  SMTP_FROM: z.string().min(3).default('校建通报 <bulletin@xiaojian.local>').describe('a From address'),
  WEBHOOK_TIMEOUT_MS: durationMs(10_000),
  /** Base URL of this service as subscribers reach it, for the links in deliveries. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3004').describe('an http(s) URL (default http://localhost:3004)'),
});

export type ReportingConfig = z.output<typeof reportingConfigSchema>;
