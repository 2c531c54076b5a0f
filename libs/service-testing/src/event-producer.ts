import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { CloudEvent, EventData, EventDefinition, toKafkaRecord, validateEventData } from '@xiaojian/contracts';
import { createKafka, createProducer } from '@xiaojian/messaging';
import { testKafkaBrokers } from '@xiaojian/testing';

/**
 * Publishes contract-valid events straight to the broker, as another service would; for testing
 * consumers. `publish` returns the event so a test can deliver the very same one again.
 */
export class TestEventProducer {
  private constructor(private readonly producer: Producer) {}

  static async connect(): Promise<TestEventProducer> {
    const producer = createProducer(createKafka({ clientId: `test-producer-${randomUUID().slice(0, 8)}`, brokers: testKafkaBrokers() }));
    await producer.connect();
    return new TestEventProducer(producer);
  }

  event<D extends EventDefinition>(definition: D, data: EventData<D>, options: { id?: string; time?: Date; source?: string } = {}): CloudEvent<EventData<D>> {
    const valid = validateEventData(definition, data);
    return {
      id: options.id ?? randomUUID(),
      type: definition.type,
      source: options.source ?? `/xiaojian/${definition.producer}`,
      specversion: '1.0',
      time: (options.time ?? new Date()).toISOString(),
      subject: definition.subjectOf(valid),
      data: valid,
    };
  }

  async send(definition: EventDefinition, events: CloudEvent[]): Promise<void> {
    await this.producer.send({ topic: definition.topic.name, acks: -1, messages: events.map(toKafkaRecord) });
  }

  async publish<D extends EventDefinition>(definition: D, data: EventData<D>, options: { id?: string; time?: Date } = {}): Promise<CloudEvent<EventData<D>>> {
    const event = this.event(definition, data, options);
    await this.send(definition, [event]);
    return event;
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
