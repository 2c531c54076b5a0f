import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { InjectLogger, PlatformLogger, runWithCorrelation } from '@xiaojian/platform';
import { BatchEventHandler, EventHandler, EventHandlers } from '../consumer/event-handlers';
import { InboxConsumer } from '../consumer/inbox-consumer';
import { provisionTopics } from '../kafka/kafka-client';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { OutboxRelay } from '../outbox/outbox-relay';
import { EVENT_HANDLER_METADATA, EventHandlerMetadata } from './on-event.decorator';
import { KAFKA, KAFKA_PRODUCER, MESSAGING_OPTIONS, MessagingModuleOptions } from './messaging.tokens';

/** Starts the relay and the consumer once every module is ready; stops them first on SIGTERM. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay: OutboxRelay | null = null;
  private consumer: InboxConsumer | null = null;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectLogger() private readonly logger: PlatformLogger,
    private readonly metrics: MessagingMetrics,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  get consumerHealthy(): boolean {
    return this.consumer?.healthy ?? true;
  }

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.collectHandlers();
    await this.producer.connect();
    if (this.options.provisionTopics?.length) {
      await provisionTopics(this.kafka, this.options.provisionTopics, this.logger.child({ component: 'topics' })).catch((error) =>
        this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'topic check failed; continuing'),
      );
    }
    this.relay = new OutboxRelay({
      service: this.options.service,
      dataSource: this.dataSource,
      producer: this.producer,
      metrics: this.metrics,
      logger: this.logger.child({ component: 'outbox-relay' }),
      ...this.options.relay,
    });
    this.relay.start();
    if (this.options.consumer) {
      const { group, ...consumerOptions } = this.options.consumer;
      this.consumer = new InboxConsumer({
        name: group ?? this.options.service,
        kafka: this.kafka,
        producer: this.producer,
        dataSource: this.dataSource,
        handlers,
        metrics: this.metrics,
        logger: this.logger.child({ component: 'consumer' }),
        runInContext: (event, fn) => runWithCorrelation(event.correlationId ?? event.id, fn),
        ...consumerOptions,
      });
      await this.consumer.start();
    }
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const started = Date.now();
    this.logger.info({ signal }, 'shutting down messaging: stop fetching, finish and commit in-flight events');
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.producer.disconnect();
    this.logger.info({ ms: Date.now() - started }, 'messaging stopped');
  }

  private collectHandlers(): EventHandlers {
    const handlers = new EventHandlers();
    const topics = new Set(this.options.consumer?.topics.map((t) => t.name) ?? []);
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const metadata: EventHandlerMetadata | undefined = Reflect.getMetadata(EVENT_HANDLER_METADATA, prototype[method]);
        if (!metadata) continue;
        const { definition } = metadata;
        if (!topics.has(definition.topic.name)) {
          throw new Error(`${wrapper.name}.${method} handles ${definition.type}, but ${this.options.service} does not subscribe to ${definition.topic.name}`);
        }
        const handle = (instance[method] as EventHandler & BatchEventHandler).bind(instance);
        if (metadata.batch) handlers.onBatch(definition, handle);
        else handlers.on(definition, handle);
      }
    }
    if (this.options.consumer && handlers.types.length === 0) {
      throw new Error(`${this.options.service} subscribes to events but registers no @OnEvent handler`);
    }
    return handlers;
  }
}
