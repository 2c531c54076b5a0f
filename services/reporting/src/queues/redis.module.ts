import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis } from 'ioredis';
import { PLATFORM_CONFIG } from '@xiaojian/platform';
import type { ReportingConfig } from '../config';
import { REDIS } from './queue.constants';

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One Redis connection for queue producers and the readiness check (global: the health module injects it). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: ReportingConfig) => new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null }),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
