import { type DynamicModule, Inject, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { DestinationStream, Logger } from 'pino';
import { AUTH_OPTIONS, type AuthOptions } from '../auth/auth.constants';
import { AuthGuard } from '../auth/auth.guard';
import type { LogLevel } from '../config/config-fields';
import type { LogFormat } from '../config/base-service-config';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createLogger } from '../logging/logger.factory';
import { PLATFORM_LOGGER } from '../logging/logging.constants';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import { MetricsModule } from '../metrics/metrics.module';
import { configureMetrics } from '../metrics/metrics.registry';
import { PLATFORM_CONFIG, PLATFORM_OPTIONS } from './platform.constants';

/** The variables the platform itself reads; `BaseServiceConfig` satisfies it. */
export interface PlatformConfig {
  JWT_SECRET: string;
  /** Overrides `service` in logs and metrics when set. */
  SERVICE_NAME?: string;
  PORT?: number;
  LOG_LEVEL?: LogLevel;
  LOG_FORMAT?: LogFormat;
  HTTP_BODY_LIMIT?: string;
}

export interface PlatformModuleOptions<C extends PlatformConfig = PlatformConfig> {
  /** `projects`, `funding`, `capacity`, `reporting`: the `service` field/label everywhere. */
  service: string;
  config: C;
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
}

/**
 * Cross-cutting providers for a service: config (`PLATFORM_CONFIG`), the logger
 * (`PLATFORM_LOGGER`, Nest adapter), the global auth guard and problem+json filter, and
 * `GET /metrics`. Global, so feature modules inject these without importing it.
 */
@Module({})
export class PlatformModule {
  constructor(@Inject(PLATFORM_OPTIONS) options: PlatformModuleOptions) {
    configureMetrics({ service: options.config.SERVICE_NAME ?? options.service });
  }

  static forRoot<C extends PlatformConfig>(options: PlatformModuleOptions<C>): DynamicModule {
    const { config } = options;
    const service = config.SERVICE_NAME ?? options.service;
    return {
      module: PlatformModule,
      global: true,
      imports: [MetricsModule],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: PLATFORM_CONFIG, useValue: config },
        {
          provide: PLATFORM_LOGGER,
          useFactory: (): Logger =>
            createLogger({ service, level: config.LOG_LEVEL, format: config.LOG_FORMAT, destination: options.logDestination }),
        },
        NestLoggerAdapter,
        { provide: AUTH_OPTIONS, useValue: { secret: config.JWT_SECRET } satisfies AuthOptions },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [PLATFORM_OPTIONS, PLATFORM_CONFIG, PLATFORM_LOGGER, NestLoggerAdapter, AUTH_OPTIONS],
    };
  }
}
