import { ServiceDatabase } from '@xiaojian/service-kit';
import { ReportingSchema1764000000400 } from './migrations/1764000000400-ReportingSchema';
import { DivisionNames1764000000410 } from './migrations/1764000000410-DivisionNames';
import { BulletinEntity } from '../bulletins/bulletin.entity';
import { DeliveryEntity } from '../delivery/delivery.entity';
import { DivisionEntity } from '../divisions/division.entity';
import { ReportingEventEntity } from '../events/reporting-event.entity';
import { READ_MODEL_ENTITIES } from '../read-models/read-model.entities';
import { SubscriberEntity } from '../subscribers/subscriber.entity';

/** The reporting service's tables: entities and the migrations that create them, in order. */
export const reportingDatabase: ServiceDatabase = {
  entities: [ReportingEventEntity, ...READ_MODEL_ENTITIES, BulletinEntity, SubscriberEntity, DeliveryEntity, DivisionEntity],
  migrations: [ReportingSchema1764000000400, DivisionNames1764000000410],
};
