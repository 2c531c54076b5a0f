import { Module } from '@nestjs/common';
import { BulletinController } from './bulletins/bulletin.controller';
import { BulletinRepository } from './bulletins/bulletin.repository';
import { BulletinService } from './bulletins/bulletin.service';
import { DeliveryRepository } from './delivery/delivery.repository';
import { DELIVERY_TRANSPORTS, deliveryTransports, DeliveryService } from './delivery/delivery.service';
import { PLATFORM_CONFIG } from '@xiaojian/platform';
import { DivisionController } from './divisions/division.controller';
import { DivisionRepository } from './divisions/division.repository';
import { DivisionService } from './divisions/division.service';
import { EventLogService } from './events/event-log.service';
import { ReportingEventHandlers } from './events/event.handlers';
import { Projector } from './events/projector';
import { FiguresController } from './figures/figures.controller';
import { FiguresService } from './figures/figures.service';
import { BulletinQueues } from './queues/bulletin-queues';
import { QueueDashboard } from './queues/queue-dashboard';
import { QueueWorkers } from './queues/queue-workers';
import { FactsRepository } from './read-models/facts.repository';
import { SubscriberController } from './subscribers/subscriber.controller';
import { SubscriberService } from './subscribers/subscriber.service';

/** Event log and read models, figures, bulletins, division names, subscribers, delivery and the queues. */
@Module({
  controllers: [FiguresController, BulletinController, SubscriberController, DivisionController],
  providers: [
    Projector,
    EventLogService,
    ReportingEventHandlers,
    FactsRepository,
    FiguresService,
    BulletinRepository,
    BulletinService,
    SubscriberService,
    DivisionRepository,
    DivisionService,
    DeliveryRepository,
    DeliveryService,
    { provide: DELIVERY_TRANSPORTS, inject: [PLATFORM_CONFIG], useFactory: deliveryTransports },
    BulletinQueues,
    QueueWorkers,
    QueueDashboard,
  ],
})
export class ReportingModule {}
