import { Module } from '@nestjs/common';
import { CapacityConfig, standardClassSizes } from './config';
import { EnrolmentController } from './enrolment/enrolment.controller';
import { EnrolmentRepository } from './enrolment/enrolment.repository';
import { EnrolmentService } from './enrolment/enrolment.service';
import { FiguresController } from './figures/figures.controller';
import { FiguresService } from './figures/figures.service';
import { CapacityLedger } from './schools/capacity-ledger.service';
import { SchoolsController } from './schools/schools.controller';
import { SchoolsRepository } from './schools/schools.repository';
import { SchoolsService } from './schools/schools.service';
import { SeatPipelineHandlers } from './seats/seat-pipeline.handlers';
import { SeatPipelineService } from './seats/seat-pipeline.service';
import { SeatsRepository } from './seats/seats.repository';
import { STANDARD_CLASS_SIZES } from './shared/standard-sizes';
import { TargetsController } from './targets/targets.controller';
import { TargetsRepository } from './targets/targets.repository';
import { TargetsService } from './targets/targets.service';
import { PLATFORM_CONFIG } from '@xiaojian/platform';

/** Repositories: every database access of the service. */
@Module({
  providers: [
    SchoolsRepository,
    SeatsRepository,
    EnrolmentRepository,
    TargetsRepository,
    CapacityLedger,
    { provide: STANDARD_CLASS_SIZES, inject: [PLATFORM_CONFIG], useFactory: (config: CapacityConfig) => standardClassSizes(config) },
  ],
  exports: [SchoolsRepository, SeatsRepository, EnrolmentRepository, TargetsRepository, CapacityLedger, STANDARD_CLASS_SIZES],
})
export class PersistenceModule {}

@Module({ imports: [PersistenceModule], controllers: [SchoolsController], providers: [SchoolsService], exports: [SchoolsService] })
export class SchoolsModule {}

@Module({ imports: [PersistenceModule, SchoolsModule], providers: [SeatPipelineService, SeatPipelineHandlers] })
export class SeatsModule {}

@Module({ imports: [PersistenceModule], controllers: [EnrolmentController], providers: [EnrolmentService] })
export class EnrolmentModule {}

@Module({ imports: [PersistenceModule], controllers: [TargetsController], providers: [TargetsService] })
export class TargetsModule {}

@Module({ imports: [PersistenceModule], controllers: [FiguresController], providers: [FiguresService] })
export class FiguresModule {}

export const CAPACITY_FEATURE_MODULES = [SchoolsModule, SeatsModule, EnrolmentModule, TargetsModule, FiguresModule];
