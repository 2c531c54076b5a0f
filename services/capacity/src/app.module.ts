import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@xiaojian/contracts';
import { ServiceCoreModule } from '@xiaojian/service-kit';
import { CAPACITY_FEATURE_MODULES } from './capacity.module';
import { CapacityConfig } from './config';
import { capacityDatabase } from './database/database';

export const CAPACITY_SERVICE = {
  service: 'capacity',
  defaultPort: 3003,
  title: '校建 · 学位服务 (capacity)',
  description: '学校、班级与学位：计划与交付、大班额台账。Schools, classes and seats.',
} as const;

@Module({})
export class AppModule {
  static forRoot(config: CapacityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: 'capacity',
          config,
          database: capacityDatabase,
          consumes: { topics: [TOPICS.projects], deadLetterTopic: TOPICS.capacityDeadLetter },
        }),
        ...CAPACITY_FEATURE_MODULES,
      ],
    };
  }
}
