import { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent, decodeKafkaRecord, DecodeResult, TopicSpec } from '@xiaojian/contracts';
import { errorMessage, MessagingLogger, silentLogger, sleep } from '../logger';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { EventHandlers } from './event-handlers';
import { DEAD_LETTER_HEADERS, DeadLetterReason, recordDeadLetter } from './dead-letters';

export interface ConsumerTuning {
  sessionTimeout: number;
  heartbeatInterval: number;
  maxWaitTimeInMs: number;
  partitionsConsumedConcurrently: number;
}

export const DEFAULT_CONSUMER_TUNING: ConsumerTuning = {
  sessionTimeout: 6000,
  heartbeatInterval: 500,
  maxWaitTimeInMs: 100,
  partitionsConsumedConcurrently: 2,
};

export interface InboxConsumerOptions {
  /** Consumer group id and inbox key; one per service (e.g. `reporting`). */
  name: string;
  kafka: Kafka;
  /** Used to publish dead letters. */
  producer: Producer;
  dataSource: DataSource;
  topics: readonly TopicSpec[];
  deadLetterTopic: TopicSpec;
  handlers: EventHandlers;
  maxAttempts?: number;
  retryBackoffMs?: number;
  /** Consecutive events applied in one transaction on the fast path. */
  chunkSize?: number;
  fromBeginning?: boolean;
  tuning?: Partial<ConsumerTuning>;
  /** Runs a handler inside the event's correlation context (logging). */
  runInContext?: (event: CloudEvent, fn: () => Promise<void>) => Promise<void>;
  logger?: MessagingLogger;
  metrics?: MessagingMetrics;
}

interface Item {
  message: KafkaMessage;
  decoded: DecodeResult;
}
type Applicable = Item & { decoded: Extract<DecodeResult, { kind: 'ok' }> };

interface Position {
  topic: string;
  partition: number;
}

/**
 * Applies each event exactly once in effect: the handler's writes and an inbox row keyed by the
 * event id commit in one transaction, and the offset is committed only after that. Redeliveries
 * find the inbox row and are skipped. Consecutive events are applied in one transaction (fast
 * path); if any handler fails, that run is replayed one event at a time with bounded retries, and
 * an event that still fails (or is malformed) goes to the dead-letter topic so the partition keeps
 * moving.
 *
 * Two instances are safe: the consumer group gives each partition to one instance, and during a
 * rebalance overlap the inbox primary key serialises the two (the second insert waits for the
 * first transaction and then skips), so an event is never applied twice nor overtaken.
 */
export class InboxConsumer {
  private consumer: Consumer | null = null;
  private readonly logger: MessagingLogger;
  private readonly maxAttempts: number;
  private readonly retryBackoffMs: number;
  private readonly chunkSize: number;
  private readonly tuning: ConsumerTuning;
  private crashed: Error | null = null;
  private running = false;
  private relaunchAttempts = 0;
  private markJoined: () => void = () => undefined;
  /** Resolves when the consumer first joins its group (partitions assigned). */
  readonly joined = new Promise<void>((resolve) => (this.markJoined = resolve));

  constructor(private readonly options: InboxConsumerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBackoffMs = options.retryBackoffMs ?? 200;
    this.chunkSize = options.chunkSize ?? 500;
    this.tuning = { ...DEFAULT_CONSUMER_TUNING, ...options.tuning };
  }

  get name(): string {
    return this.options.name;
  }

  /** False from a crash until the restarted consumer has joined its group; readiness reports it. */
  get healthy(): boolean {
    return this.crashed === null;
  }

  async start(): Promise<void> {
    this.running = true;
    await this.launch();
  }

  private async launch(): Promise<void> {
    const consumer = this.options.kafka.consumer({
      groupId: this.options.name,
      sessionTimeout: this.tuning.sessionTimeout,
      heartbeatInterval: this.tuning.heartbeatInterval,
      maxWaitTimeInMs: this.tuning.maxWaitTimeInMs,
      allowAutoTopicCreation: false,
      retry: { restartOnFailure: async () => true },
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.logger.error({ err: errorMessage(payload.error), restart: payload.restart }, 'consumer crashed');
      // kafkajs restarts only after retriable errors; a stopped consumer silently loses freshness,
      // so after any other crash start a fresh one (offsets and the inbox make that safe).
      if (!payload.restart && this.consumer === consumer) {
        this.crashed = payload.error;
        this.relaunchLater(consumer);
      }
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.crashed = null;
      this.markJoined();
      this.logger.info({ memberId: payload.memberId, assignment: payload.memberAssignment }, 'consumer joined its group');
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics.map((t) => t.name), fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.tuning.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  private relaunchLater(crashed: Consumer): void {
    this.relaunchAttempts += 1;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(this.relaunchAttempts, 6));
    setTimeout(async () => {
      if (!this.running || this.consumer !== crashed) return;
      await crashed.disconnect().catch(() => undefined);
      try {
        await this.launch();
        this.relaunchAttempts = 0;
      } catch (error) {
        this.logger.error({ err: errorMessage(error), delayMs: delay }, 'restarting the consumer failed; trying again');
        this.relaunchLater(this.consumer ?? crashed);
      }
    }, delay).unref();
  }

  /** Stops fetching, lets the transaction in flight finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    this.running = false;
    // disconnect() waits for the batch in flight, which still commits through this consumer.
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  private async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const position = { topic: batch.topic, partition: batch.partition };
    const items: Item[] = batch.messages.map((message) => ({
      message,
      decoded: decodeKafkaRecord(message.headers ?? {}, message.value, this.options.handlers.definitionOf),
    }));
    const done = async (item: Item) => {
      resolveOffset(item.message.offset);
      // The payload's commit goes straight to the group, also while stopping (consumer.commitOffsets
      // silently drops commits once stop() has begun, which would redeliver the batch in flight).
      await commitOffsetsIfNecessary({
        topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: (BigInt(item.message.offset) + 1n).toString() }] }],
      });
      this.options.metrics?.consumerLag.set(
        { consumer: this.name, topic: batch.topic, partition: String(batch.partition) },
        Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(item.message.offset) - 1n)),
      );
      await heartbeat();
    };

    try {
      let index = 0;
      while (index < items.length) {
        if (!isRunning() || isStale()) return;
        const item = items[index];
        if (item.decoded.kind !== 'ok') {
          await this.handleUnapplicable(position, item);
          await done(item);
          index += 1;
          continue;
        }
        let end = index;
        while (end < items.length && end - index < this.chunkSize && items[end].decoded.kind === 'ok') end += 1;
        const run = items.slice(index, end) as Applicable[];
        if (await this.tryApplyTogether(position, run)) {
          await done(run[run.length - 1]);
        } else {
          for (const single of run) {
            if (!isRunning() || isStale()) return;
            await this.applyAlone(position, single, heartbeat);
            await done(single);
          }
        }
        index = end;
      }
    } catch (error) {
      // Losing the partitions mid-batch is normal: what was applied is in the inbox, and the next
      // owner resumes from the last committed offset and skips it. kafkajs rejoins on its own.
      if (isRebalanceError(error)) {
        this.logger.info({ ...position, reason: errorMessage(error) }, 'partition reassigned mid-batch; leaving the rest to its next owner');
        return;
      }
      throw error;
    }
  }

  private async handleUnapplicable(position: Position, item: Item): Promise<void> {
    const decoded = item.decoded;
    if (decoded.kind === 'unknown_type') {
      this.options.metrics?.unknownTypes.inc({ consumer: this.name, type: decoded.type });
      this.logger.warn({ type: decoded.type, eventId: decoded.id }, 'ignoring an event type this consumer does not know');
      return;
    }
    if (decoded.kind === 'invalid') {
      await this.deadLetter(position, item, 'invalid', decoded.reason, 1);
    }
  }

  /** The fast path; false when a handler failed and the run must be replayed one by one. */
  private async tryApplyTogether(position: Position, run: Applicable[]): Promise<boolean> {
    try {
      await this.applyTogether(position, run);
      return true;
    } catch (error) {
      this.logger.warn({ err: errorMessage(error), events: run.length }, 'a handler failed; applying the run one event at a time');
      return false;
    }
  }

  private async applyTogether(position: Position, run: Applicable[]): Promise<void> {
    const handled = run.filter((item) => this.options.handlers.get(item.decoded.event.type));
    if (handled.length === 0) return;
    let applied: Applicable[] = [];
    let duplicates: Applicable[] = [];
    await this.options.dataSource.transaction(async (manager) => {
      const claimed = await this.claim(manager, position, handled);
      applied = [];
      duplicates = [];
      for (const item of handled) (claimed.delete(item.decoded.event.id) ? applied : duplicates).push(item);
      await this.invoke(manager, position, applied);
    });
    this.count(applied, duplicates);
  }

  private async applyAlone(position: Position, item: Applicable, heartbeat: () => Promise<void>): Promise<void> {
    if (!this.options.handlers.get(item.decoded.event.type)) return;
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      try {
        let duplicate = false;
        await this.options.dataSource.transaction(async (manager) => {
          const claimed = await this.claim(manager, position, [item]);
          duplicate = claimed.size === 0;
          if (!duplicate) await this.invoke(manager, position, [item]);
        });
        this.count(duplicate ? [] : [item], duplicate ? [item] : []);
        return;
      } catch (error) {
        lastError = error;
        if (attempt < this.maxAttempts) {
          this.options.metrics?.handlerRetries.inc({ consumer: this.name, type: item.decoded.event.type });
          await sleep(Math.min(5000, this.retryBackoffMs * 2 ** (attempt - 1)));
          await heartbeat();
        }
      }
    }
    await this.deadLetter(position, item, 'handler_failed', errorMessage(lastError), this.maxAttempts);
  }

  /** Inserts inbox rows for the run; returns the ids that were new (not yet applied). */
  private async claim(manager: EntityManager, position: Position, items: Applicable[]): Promise<Set<string>> {
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO inbox_message (consumer, event_id, event_type, topic, partition, "offset")
       SELECT $1, e.id, e.type, $2, $3, e.off
         FROM unnest($4::text[], $5::text[], $6::bigint[]) WITH ORDINALITY AS e(id, type, off, ord)
        ORDER BY e.ord
       ON CONFLICT (consumer, event_id) DO NOTHING
       RETURNING event_id`,
      [
        this.name,
        position.topic,
        position.partition,
        items.map((i) => i.decoded.event.id),
        items.map((i) => i.decoded.event.type),
        items.map((i) => i.message.offset),
      ],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  /** Runs handlers in event order; consecutive events for one batch handler go in one call. */
  private async invoke(manager: EntityManager, position: Position, items: Applicable[]): Promise<void> {
    let index = 0;
    while (index < items.length) {
      const event = items[index].decoded.event;
      const handler = this.options.handlers.get(event.type)!;
      if (handler.kind === 'each') {
        const call = () => handler.handle(event, { manager, ...position, offset: items[index].message.offset });
        await (this.options.runInContext ? this.options.runInContext(event, call) : call());
        index += 1;
        continue;
      }
      let end = index + 1;
      while (end < items.length && items[end].decoded.event.type === event.type) end += 1;
      const events = items.slice(index, end).map((item) => item.decoded.event);
      const call = () => handler.handle(events, { manager, ...position });
      await (this.options.runInContext ? this.options.runInContext(event, call) : call());
      index = end;
    }
  }

  private count(applied: Applicable[], duplicates: Applicable[]): void {
    const metrics = this.options.metrics;
    if (!metrics) return;
    const now = Date.now();
    for (const item of applied) {
      metrics.handled.inc({ consumer: this.name, type: item.decoded.event.type });
      metrics.endToEndLatency.observe({ consumer: this.name }, (now - Date.parse(item.decoded.event.time)) / 1000);
    }
    for (const item of duplicates) metrics.duplicatesSkipped.inc({ consumer: this.name, type: item.decoded.event.type });
  }

  private async deadLetter(position: Position, item: Item, reason: DeadLetterReason, error: string, attempts: number): Promise<void> {
    const headers: Record<string, string> = {
      ...textHeaders(item.message.headers),
      [DEAD_LETTER_HEADERS.reason]: reason,
      [DEAD_LETTER_HEADERS.error]: error.slice(0, 2000),
      [DEAD_LETTER_HEADERS.topic]: position.topic,
      [DEAD_LETTER_HEADERS.partition]: String(position.partition),
      [DEAD_LETTER_HEADERS.offset]: item.message.offset,
      [DEAD_LETTER_HEADERS.attempts]: String(attempts),
      [DEAD_LETTER_HEADERS.consumer]: this.name,
      [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
    };
    await this.options.producer.send({
      topic: this.options.deadLetterTopic.name,
      acks: -1,
      messages: [{ key: item.message.key, value: item.message.value, headers }],
    });
    await recordDeadLetter(this.options.dataSource, {
      consumer: this.name,
      eventId: (item.decoded.kind === 'ok' ? item.decoded.event.id : item.decoded.id) ?? null,
      eventType: (item.decoded.kind === 'ok' ? item.decoded.event.type : item.decoded.type) ?? null,
      topic: position.topic,
      partition: position.partition,
      offset: item.message.offset,
      messageKey: item.message.key?.toString() ?? null,
      headers: textHeaders(item.message.headers),
      payload: item.message.value?.toString() ?? null,
      error,
      attempts,
    });
    this.options.metrics?.deadLettered.inc({ consumer: this.name, reason });
    this.logger.error({ ...position, offset: item.message.offset, reason, error, attempts }, 'event sent to the dead-letter topic');
  }
}

const REBALANCE_ERRORS = new Set(['REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION', 'NOT_COORDINATOR_FOR_GROUP', 'UNKNOWN_MEMBER_ID']);

/** kafkajs wraps protocol errors (KafkaJSNonRetriableError …); the type sits on the cause. */
function isRebalanceError(error: unknown): boolean {
  for (let e = error as { type?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth += 1) {
    if (REBALANCE_ERRORS.has(e.type ?? '')) return true;
  }
  return false;
}

export function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}
