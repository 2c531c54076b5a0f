import { DynamicModule, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TOPICS } from '@xiaojian/contracts';
import { redisWriteCheck } from '@xiaojian/platform';
import { ServiceCoreModule } from '@xiaojian/service-kit';
import { ReportingConfig } from './config';
import { reportingDatabase } from './database/database';
import { REDIS } from './queues/queue.constants';
import { RedisModule } from './queues/redis.module';
import { ReportingModule } from './reporting.module';

export const REPORTING_SERVICE = {
  service: 'reporting',
  defaultPort: 3004,
  title: '校建 · 统计通报服务 (reporting)',
  description: '由事件构建的统计口径、仪表盘与月度进度通报。Read models, dashboards and monthly bulletins.',
} as const;

@Module({})
export class AppModule {
  static forRoot(config: ReportingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: 'reporting',
          config,
          database: reportingDatabase,
          consumes: { topics: [TOPICS.projects, TOPICS.funding, TOPICS.capacity], deadLetterTopic: TOPICS.reportingDeadLetter },
          extraHealthChecks: { inject: [REDIS], useFactory: (redis: Redis) => [redisWriteCheck(redis)] },
        }),
        RedisModule,
        ReportingModule,
      ],
    };
  }
}
