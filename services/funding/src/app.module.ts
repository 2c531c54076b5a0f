import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@xiaojian/contracts';
import { ServiceCoreModule } from '@xiaojian/service-kit';
import { FundingConfig } from './config';
import { fundingDatabase } from './database/database';
import { LedgerModule } from './ledger/ledger.module';
import { ProjectsModule } from './projects/projects.module';

export const FUNDING_SERVICE = {
  service: 'funding',
  defaultPort: 3002,
  title: '校建 · 资金服务 (funding)',
  description: '资金下达、拨付、支出与支出率。Allocations, disbursements, expenditures and spending rates.',
} as const;

@Module({})
export class AppModule {
  static forRoot(config: FundingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: 'funding',
          config,
          database: fundingDatabase,
          consumes: { topics: [TOPICS.projects], deadLetterTopic: TOPICS.fundingDeadLetter },
        }),
        ProjectsModule,
        LedgerModule.forRoot({ scheduleCurve: config.FUNDING_SCHEDULE_CURVE }),
      ],
    };
  }
}
