import { type DynamicModule, type FactoryProvider, type ModuleMetadata, Module } from '@nestjs/common';
import { HEALTH_CHECKS } from './health.constants';
import { HealthController } from './health.controller';
import type { HealthCheck } from './health-check';

export interface HealthModuleOptions {
  checks: HealthCheck[];
}

export interface HealthModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...deps: any[]) => HealthModuleOptions | Promise<HealthModuleOptions>;
}

/**
 * `GET /health` (liveness) and `GET /health/ready` (readiness). Needs `PlatformModule` (logger).
 *
 * ```ts
 * HealthModule.forRootAsync({
 *   inject: [DataSource, REDIS],
 *   useFactory: (ds: DataSource, redis: Redis) => ({ checks: [postgresCheck(ds), redisWriteCheck(redis)] }),
 * })
 * ```
 */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: HEALTH_CHECKS, useValue: options.checks }],
    };
  }

  static forRootAsync(options: HealthModuleAsyncOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: options.imports ?? [],
      controllers: [HealthController],
      providers: [
        {
          provide: HEALTH_CHECKS,
          inject: options.inject ?? [],
          useFactory: async (...deps: unknown[]) => (await options.useFactory(...deps)).checks,
        },
      ],
    };
  }
}
