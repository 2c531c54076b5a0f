import { ServiceDatabase } from '@xiaojian/service-kit';
import { EnrolmentReportEntity } from '../enrolment/enrolment-report.entity';
import { CapacityChangeEntity } from '../schools/capacity-change.entity';
import { SchoolEntity } from '../schools/school.entity';
import { ProjectSeatsEntity } from '../seats/project-seats.entity';
import { SeatDeliveryEntity } from '../seats/seat-delivery.entity';
import { SeatLedgerEntryEntity } from '../seats/seat-ledger-entry.entity';
import { SeatTargetEntity } from '../targets/seat-target.entity';
import { CapacitySchema1764000000300 } from './migrations/1764000000300-capacity-schema';

/** The capacity service's tables: entities and the migrations that create them, in order. */
export const capacityDatabase: ServiceDatabase = {
  entities: [
    SchoolEntity,
    CapacityChangeEntity,
    ProjectSeatsEntity,
    SeatLedgerEntryEntity,
    SeatDeliveryEntity,
    EnrolmentReportEntity,
    SeatTargetEntity,
  ],
  migrations: [CapacitySchema1764000000300],
};
