import { z } from 'zod';
import { byteSize, kafkaBrokers, logLevel, port, postgresUrl } from './config-fields';

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * The variables every service reads. Spread it into the service's own schema:
 * `z.object({ ...baseServiceConfigShape, REDIS_URL: redisUrl() })`.
 *
 * PORT has no default here: `bootstrapService` falls back to the service's `defaultPort`.
 */
export const baseServiceConfigShape = {
  SERVICE_NAME: z.string().min(1).optional().describe('a service name for logs and metrics'),
  PORT: port(),
  DATABASE_URL: postgresUrl(),
  KAFKA_BROKERS: kafkaBrokers(),
  JWT_SECRET: z
    .string()
    .min(16, { error: 'shorter than 16 characters' })
    .describe('a secret of at least 16 characters used to sign HS256 tokens'),
  LOG_LEVEL: logLevel('info'),
  LOG_FORMAT: z.enum(LOG_FORMATS, { error: 'not a log format' }).default('json').describe('json or pretty (default json)'),
  HTTP_BODY_LIMIT: byteSize('1mb'),
};

export const baseServiceConfigSchema = z.object(baseServiceConfigShape);
export type BaseServiceConfig = z.output<typeof baseServiceConfigSchema>;
