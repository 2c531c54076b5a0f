import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloudEvent, EventData, EventDefinition, toKafkaRecord, validateEventData } from '@xiaojian/contracts';

export interface RecordOptions {
  /** Defaults to a new uuid; pass one to make a retried command produce the same event id. */
  eventId?: string;
  correlationId?: string;
  time?: Date;
}

/**
 * Writes an event into the outbox through the caller's transaction, so the change and its
 * announcement commit (or roll back) together. Payloads are validated against the contract here,
 * at the producing end, before anything is stored.
 */
export class OutboxWriter {
  constructor(
    private readonly service: string,
    private readonly currentCorrelationId: () => string | undefined = () => undefined,
  ) {}

  get source(): string {
    return `/xiaojian/${this.service}`;
  }

  async record<D extends EventDefinition>(
    manager: EntityManager,
    definition: D,
    data: EventData<D>,
    options: RecordOptions = {},
  ): Promise<CloudEvent<EventData<D>>> {
    const [event] = await this.recordMany(manager, definition, [data], options.eventId ? [options.eventId] : undefined, options);
    return event;
  }

  /** Several events of one type in one INSERT (bulk writes such as imports); same guarantees. */
  async recordMany<D extends EventDefinition>(
    manager: EntityManager,
    definition: D,
    items: EventData<D>[],
    eventIds?: string[],
    options: Omit<RecordOptions, 'eventId'> = {},
  ): Promise<CloudEvent<EventData<D>>[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox: ${definition.type} must be recorded inside the transaction of the change it announces`);
    }
    if (items.length === 0) return [];
    const time = (options.time ?? new Date()).toISOString();
    const correlationId = options.correlationId ?? this.currentCorrelationId();
    const events = items.map((data, index): CloudEvent<EventData<D>> => {
      const valid = validateEventData(definition, data);
      return {
        id: eventIds?.[index] ?? randomUUID(),
        type: definition.type,
        source: this.source,
        specversion: '1.0',
        time,
        subject: definition.subjectOf(valid),
        correlationId,
        data: valid,
      };
    });
    const records = events.map(toKafkaRecord);
    // One statement however many events: bulk writes stay one round trip.
    await manager.query(
      `INSERT INTO outbox_event (event_id, topic, message_key, event_type, headers, payload)
       SELECT e.id, $1, e.key, $2, e.headers, e.payload
         FROM unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS e(id, key, headers, payload, ord)
        ORDER BY e.ord`,
      [
        definition.topic.name,
        definition.type,
        events.map((event) => event.id),
        records.map((record) => record.key),
        records.map((record) => JSON.stringify(record.headers)),
        records.map((record) => record.value),
      ],
    );
    return events;
  }
}
