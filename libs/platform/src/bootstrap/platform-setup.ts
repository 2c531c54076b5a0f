import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { correlationMiddleware } from '../context/correlation';
import { mapBodyParserError } from '../errors/problem-catalog';
import type { ErrorRequestHandler } from '../http/http.types';
import { createHttpLogger } from '../logging/http-logger.middleware';
import { PLATFORM_LOGGER } from '../logging/logging.constants';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { API_PREFIX, PLATFORM_CONFIG, UNPREFIXED_ROUTES } from './platform.constants';
import type { PlatformConfig } from './platform.module';

export const DEFAULT_BODY_LIMIT = '1mb';

/**
 * The global HTTP setup shared by `bootstrapService` and `createTestApp`. The app must be
 * created with `bodyParser: false` (the JSON parser is registered here, after the correlation
 * middleware, so parse errors carry a correlation id and become problems). Call before `init()`.
 *
 * Order: correlation id → request log → metrics → JSON body (limit) → body error mapping.
 */
export function applyPlatformSetup(app: INestApplication): void {
  let logger: Logger;
  let config: PlatformConfig;
  try {
    logger = app.get<Logger>(PLATFORM_LOGGER);
    config = app.get<PlatformConfig>(PLATFORM_CONFIG);
  } catch {
    throw new Error('applyPlatformSetup: import PlatformModule.forRoot({ service, config }) in the root module');
  }
  const limit = config.HTTP_BODY_LIMIT ?? DEFAULT_BODY_LIMIT;
  const express = app as NestExpressApplication;

  app.useLogger(app.get(NestLoggerAdapter));
  express.disable('x-powered-by');
  app.use(correlationMiddleware);
  app.use(createHttpLogger(logger));
  app.use(httpMetricsMiddleware());
  express.useBodyParser('json', { limit });
  const bodyErrors: ErrorRequestHandler = (err, _req, _res, next) => next(mapBodyParserError(err, limit));
  app.use(bodyErrors);
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
}
