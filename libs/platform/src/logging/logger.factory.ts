import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/config-fields';
import type { LogFormat } from '../config/base-service-config';
import { currentCorrelationId } from '../context/correlation';
import { DEFAULT_COMPONENT } from './logging.constants';
import { prettyStream } from './pretty.stream';

export type PlatformLogger = Logger;

export interface CreateLoggerOptions {
  service: string;
  level?: LogLevel;
  format?: LogFormat;
  /** Where JSON lines go; defaults to stdout. Tests pass a capturing stream. */
  destination?: DestinationStream;
}

interface BoundKeys {
  component: boolean;
  correlationId: boolean;
}

// Bindings of a logger never change, so which keys a child already binds is worked out once.
const boundKeysCache = new WeakMap<Logger, BoundKeys>();

function boundKeys(logger: Logger): BoundKeys {
  let keys = boundKeysCache.get(logger);
  if (!keys) {
    const bindings = logger.bindings();
    keys = { component: 'component' in bindings, correlationId: 'correlationId' in bindings };
    boundKeysCache.set(logger, keys);
  }
  return keys;
}

/**
 * The one logger of a service: JSON lines with `service`, `component` (default `app`; libraries
 * use `logger.child({ component })`) and the `correlationId` of the current context.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const destination = options.destination ?? (options.format === 'pretty' ? prettyStream() : undefined);
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'], censor: '[redacted]' },
      mixin(_merge, _level, logger) {
        // Keys a child binds itself are not repeated (pino would print them twice).
        const bound = boundKeys(logger);
        const extra: Record<string, unknown> = {};
        if (!bound.component) extra.component = DEFAULT_COMPONENT;
        if (!bound.correlationId) {
          const correlationId = currentCorrelationId();
          if (correlationId) extra.correlationId = correlationId;
        }
        return extra;
      },
    },
    // Synchronous stdout: the last lines before a crash are not lost in a buffer.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
