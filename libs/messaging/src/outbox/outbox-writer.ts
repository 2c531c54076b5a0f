import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloudEvent, EventData, EventDefinition, toKafkaRecord, validateEventData } from '@xiaojian/contracts';
import { OutboxEventEntity } from '../persistence/outbox-event.entity';

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
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox: ${definition.type} must be recorded inside the transaction of the change it announces`);
    }
    const valid = validateEventData(definition, data);
    const event: CloudEvent<EventData<D>> = {
      id: options.eventId ?? randomUUID(),
      type: definition.type,
      source: this.source,
      specversion: '1.0',
      time: (options.time ?? new Date()).toISOString(),
      subject: definition.subjectOf(valid),
      correlationId: options.correlationId ?? this.currentCorrelationId(),
      data: valid,
    };
    const record = toKafkaRecord(event);
    await manager.insert(OutboxEventEntity, {
      eventId: event.id,
      topic: definition.topic.name,
      messageKey: record.key,
      eventType: event.type,
      headers: record.headers,
      payload: valid as object,
    });
    return event;
  }
}
