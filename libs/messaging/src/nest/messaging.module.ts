import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Kafka } from 'kafkajs';
import { currentCorrelationId, metricsRegistry, PLATFORM_LOGGER, PlatformLogger } from '@xiaojian/platform';
import { createKafka, createProducer } from '../kafka/kafka-client';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { OutboxWriter } from '../outbox/outbox-writer';
import { MessagingLifecycle } from './messaging.lifecycle';
import { KAFKA, KAFKA_PRODUCER, MESSAGING_OPTIONS, MessagingModuleOptions } from './messaging.tokens';

export interface MessagingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: unknown[];
  useFactory: (...args: any[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
}

/** Outbox writer, relay and (optionally) the inbox consumer of one service, wired into Nest. */
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: (options.inject ?? []) as never[], useFactory: options.useFactory },
        {
          provide: KAFKA,
          inject: [MESSAGING_OPTIONS, PLATFORM_LOGGER],
          useFactory: (o: MessagingModuleOptions, logger: PlatformLogger) =>
            createKafka({ clientId: o.service, brokers: o.brokers, logger: logger.child({ component: 'kafkajs' }) }),
        },
        { provide: KAFKA_PRODUCER, inject: [KAFKA], useFactory: (kafka: Kafka) => createProducer(kafka) },
        { provide: OutboxWriter, inject: [MESSAGING_OPTIONS], useFactory: (o: MessagingModuleOptions) => new OutboxWriter(o.service, currentCorrelationId) },
        { provide: MessagingMetrics, useFactory: () => new MessagingMetrics(metricsRegistry) },
        MessagingLifecycle,
      ],
      exports: [OutboxWriter, KAFKA, KAFKA_PRODUCER, MessagingMetrics, MessagingLifecycle],
    };
  }
}
