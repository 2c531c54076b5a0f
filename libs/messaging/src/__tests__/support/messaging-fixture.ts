import { randomUUID } from 'node:crypto';
import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createTestDatabase, testKafkaBrokers } from '@xiaojian/testing';
import { EventDefinition, KafkaRecord, toKafkaRecord, TopicSpec } from '@xiaojian/contracts';
import {
  createKafka,
  createProducer,
  EventHandlers,
  InboxConsumer,
  InboxConsumerOptions,
  MessagingLogger,
  MessagingMetrics,
  OutboxRelay,
  OutboxWriter,
} from '../../index';
import { Registry } from 'prom-client';
import { sequencedEvent, SequencedData, sequencedSchema } from './sequenced-event';
import { openDataSource } from './test-database';

const AUTO_CREATED_PARTITIONS = 4;

/**
 * The local mock broker has no CreateTopics, but creates an unknown topic (4 partitions) on a
 * metadata request that allows it; a subscribe issues one.
 */
async function createTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const creator = kafka.consumer({ groupId: `topic-creator-${randomUUID()}`, allowAutoTopicCreation: true });
  await creator.connect();
  await creator.subscribe({ topics });
  await creator.disconnect();
}

/** Set XJ_TEST_LOG=1 to see what the consumers do. */
function testLogger(name: string): MessagingLogger | undefined {
  if (!process.env.XJ_TEST_LOG) return undefined;
  const line = (level: string) => (obj: object, msg?: string) => process.stderr.write(`[${name}] ${level} ${msg ?? ''} ${JSON.stringify(obj)}\n`);
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

/** One test's world: its own database, topics, metrics registry and Kafka clients. */
export class MessagingFixture {
  readonly registry = new Registry();
  readonly metrics = new MessagingMetrics(this.registry);
  readonly writer = new OutboxWriter('test');
  readonly topic: TopicSpec;
  readonly deadLetterTopic: TopicSpec;
  readonly event: EventDefinition<typeof sequencedSchema>;
  private readonly cleanups: (() => Promise<unknown>)[] = [];

  private constructor(
    readonly dataSource: DataSource,
    readonly databaseUrl: string,
    readonly kafka: Kafka,
    readonly producer: Producer,
    suffix: string,
  ) {
    this.topic = { name: `xiaojian.test.${suffix}`, partitions: AUTO_CREATED_PARTITIONS, description: 'test' };
    this.deadLetterTopic = { name: `xiaojian.test.${suffix}.dlq`, partitions: 1, description: 'test dead letters' };
    this.event = sequencedEvent(this.topic.name, AUTO_CREATED_PARTITIONS);
  }

  static async create(name: string): Promise<MessagingFixture> {
    const database = await createTestDatabase(name);
    const dataSource = await openDataSource(database.url);
    const kafka = createKafka({ clientId: `test-${name}`, brokers: testKafkaBrokers() });
    const producer = createProducer(kafka);
    await producer.connect();
    const fixture = new MessagingFixture(dataSource, database.url, kafka, producer, `${name}.${randomUUID().slice(0, 8)}`);
    await createTopics(kafka, [fixture.topic.name, fixture.deadLetterTopic.name]);
    fixture.cleanups.push(() => producer.disconnect(), () => dataSource.destroy(), () => database.drop());
    return fixture;
  }

  /** Writes `count` events per aggregate through the outbox, each in its own business transaction. */
  async record(events: SequencedData[]): Promise<void> {
    for (const data of events) {
      await this.dataSource.transaction((manager) => this.writer.record(manager, this.event, data));
    }
  }

  /** A record of the test event as it travels on the topic, bypassing the outbox (and its validation). */
  rawRecord(data: { aggregateId: string; seq: number; poison?: boolean }): KafkaRecord {
    return toKafkaRecord({
      id: randomUUID(),
      type: this.event.type,
      source: '/xiaojian/test',
      specversion: '1.0',
      time: new Date().toISOString(),
      subject: data.aggregateId,
      data,
    });
  }

  relay(options: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}): OutboxRelay {
    const relay = new OutboxRelay({ service: `test-${this.topic.name}`, dataSource: this.dataSource, producer: this.producer, metrics: this.metrics, ...options });
    this.cleanups.unshift(() => relay.stop());
    return relay;
  }

  /** A consumer whose handler records every application in `applied` (doubles would show). */
  consumer({ group = `group-${this.topic.name}`, tag = group, ...options }: Partial<InboxConsumerOptions> & { group?: string; tag?: string } = {}): InboxConsumer {
    const handlers = new EventHandlers().on(this.event, async (event, { manager }) => {
      if (event.data.poison) throw new Error(`poison event ${event.data.aggregateId}/${event.data.seq}`);
      await manager.query('INSERT INTO applied (aggregate_id, seq, event_id, applied_by) VALUES ($1, $2, $3, $4)', [
        event.data.aggregateId,
        event.data.seq,
        event.id,
        tag,
      ]);
    });
    const consumer = new InboxConsumer({
      name: group,
      kafka: this.kafka,
      producer: this.producer,
      dataSource: this.dataSource,
      topics: [this.topic],
      deadLetterTopic: this.deadLetterTopic,
      handlers,
      metrics: this.metrics,
      logger: testLogger(tag),
      retryBackoffMs: 20,
      maxAttempts: 3,
      ...options,
    });
    this.cleanups.unshift(() => consumer.stop());
    return consumer;
  }

  async applied(): Promise<{ aggregate_id: string; seq: number; event_id: string; applied_by: string }[]> {
    return this.dataSource.query('SELECT aggregate_id, seq, event_id, applied_by FROM applied ORDER BY id');
  }

  async counter(name: string, labels: Record<string, string> = {}): Promise<number> {
    const metric = await this.registry.getSingleMetric(name)?.get();
    return (metric?.values ?? [])
      .filter((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value))
      .reduce((sum, v) => sum + v.value, 0);
  }

  /** Polls until `probe` returns true or the timeout passes; fails with the last observed value. */
  async waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let value = await probe();
    while (!done(value)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 100));
      value = await probe();
    }
    return value;
  }

  async close(): Promise<void> {
    for (const cleanup of this.cleanups) await cleanup().catch(() => undefined);
  }
}
