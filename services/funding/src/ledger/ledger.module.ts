import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleCurve } from '../domain';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { ProjectsModule } from '../projects/projects.module';
import { LedgerController } from './ledger.controller';
import { LedgerReaderService, SCHEDULE_CURVE } from './ledger-reader.service';
import { LedgerWriterService } from './ledger-writer.service';
import { LedgerRepository } from './ledger.repository';
import { RatesController } from './rates.controller';

/** Allocations, disbursements, expenditures, reversals; balances, rates and exports. */
@Module({})
export class LedgerModule {
  static forRoot(options: { scheduleCurve: ScheduleCurve }): DynamicModule {
    return {
      module: LedgerModule,
      imports: [ProjectsModule],
      controllers: [LedgerController, RatesController],
      providers: [
        { provide: SCHEDULE_CURVE, useValue: options.scheduleCurve },
        LedgerRepository,
        IdempotencyRepository,
        LedgerWriterService,
        LedgerReaderService,
      ],
    };
  }
}
