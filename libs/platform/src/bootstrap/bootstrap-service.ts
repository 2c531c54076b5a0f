import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { PLATFORM_LOGGER } from '../logging/logging.constants';
import { API_PREFIX, DOCS_PATH, PLATFORM_CONFIG } from './platform.constants';
import type { PlatformConfig } from './platform.module';
import { applyPlatformSetup } from './platform-setup';
import { setupSwagger } from './swagger.setup';

export interface BootstrapServiceOptions {
  /** The root module; it must import `PlatformModule.forRoot(...)`. */
  module: Type<unknown> | DynamicModule;
  service: string;
  /** Used when config PORT is unset. */
  defaultPort: number;
  /** OpenAPI title and (zh) description. */
  title: string;
  description: string;
  version?: string;
}

/**
 * Creates, configures and starts a service's HTTP app: platform logger, correlation ids,
 * request logs, metrics, JSON body limit, problem+json errors, auth, `api/v1` prefix (health,
 * metrics and docs outside it), Swagger at `/api/docs`, graceful shutdown.
 */
export async function bootstrapService(options: BootstrapServiceOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(options.module, { bufferLogs: true, bodyParser: false });
  applyPlatformSetup(app);
  app.enableShutdownHooks();
  setupSwagger(app, { title: options.title, description: options.description, version: options.version });

  const config = app.get<PlatformConfig>(PLATFORM_CONFIG);
  const logger = app.get<Logger>(PLATFORM_LOGGER).child({ component: 'bootstrap' });
  const port = config.PORT ?? options.defaultPort;
  await app.listen(port, '0.0.0.0');
  logger.info(
    { port },
    `${options.service} listening on http://localhost:${port}/${API_PREFIX} (docs: http://localhost:${port}/${DOCS_PATH})`,
  );
  return app;
}
