/**
 * npm run bench:pipeline [-- --events N]
 *
 * Pushes N events through outbox → relay → broker → idempotent inbox consumer → PostgreSQL, and in
 * the same run, on the same broker, the raw kafkajs produce+consume of the same messages. Prints
 * throughput and end-to-end latency percentiles; the last line is `pipeline/raw ratio: <number>`.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { EventDefinition, toKafkaRecord, TOPIC_CATALOGUE } from '@xiaojian/contracts';
import { startLocalStack } from '@xiaojian/local-infra';
import {
  createKafka,
  createProducer,
  EventHandlers,
  InboxConsumer,
  MESSAGING_ENTITIES,
  MessagingTables1764000000000,
  OutboxRelay,
  OutboxWriter,
} from '@xiaojian/messaging';

const PIPELINE_TOPIC = { name: 'xiaojian.bench.pipeline', partitions: 4, description: 'benchmark' };
const RAW_TOPIC = { name: 'xiaojian.bench.raw', partitions: 4, description: 'benchmark baseline' };
const DLQ_TOPIC = { name: 'xiaojian.bench.dlq', partitions: 1, description: 'benchmark dead letters' };

const benchEvent: EventDefinition<z.ZodObject<{ aggregateId: z.ZodString; seq: z.ZodNumber; note: z.ZodString }>> = {
  type: 'cn.xiaojian.bench.progress.v1',
  producer: 'projects',
  topic: PIPELINE_TOPIC,
  schema: z.object({ aggregateId: z.string(), seq: z.number().int(), note: z.string() }),
  subjectOf: (data) => data.aggregateId,
  summary: 'benchmark event',
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (n: number) => n.toFixed(1);

function payloads(count: number, aggregates: number) {
  const ids = Array.from({ length: aggregates }, () => randomUUID());
  // ~300-byte events, like a progress report.
  const note = '本月完成主体结构施工，外墙装饰进行中。'.repeat(4);
  return Array.from({ length: count }, (_, i) => ({ aggregateId: ids[i % aggregates], seq: Math.floor(i / aggregates) + 1, note }));
}

async function raw(kafka: Kafka, count: number, records: ReturnType<typeof toKafkaRecord>[]) {
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 100 });
  let received = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  let joined!: () => void;
  const hasJoined = new Promise<void>((resolve) => (joined = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.connect();
  await consumer.subscribe({ topics: [RAW_TOPIC.name], fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      received += batch.messages.length;
      if (received >= count) done();
    },
  });
  await hasJoined;
  const producer = createProducer(kafka);
  await producer.connect();
  const started = process.hrtime.bigint();
  for (let i = 0; i < records.length; i += 500) {
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic: RAW_TOPIC.name, messages: records.slice(i, i + 500) }] });
  }
  await finished;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return { seconds, rate: count / seconds };
}

async function pipeline(kafka: Kafka, dataSource: DataSource, count: number, data: ReturnType<typeof payloads>) {
  const producer = createProducer(kafka);
  await producer.connect();
  // A projection-style handler: the run of events the consumer applies together in one write.
  const handlers = new EventHandlers().onBatch(benchEvent, async (events, { manager }) => {
    await manager.query(
      `INSERT INTO bench_applied (event_id, aggregate_id, seq, event_time, applied_at)
       SELECT e.id, e.aggregate_id, e.seq, e.time, clock_timestamp()
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[]) AS e(id, aggregate_id, seq, time)`,
      [events.map((e) => e.id), events.map((e) => e.data.aggregateId), events.map((e) => e.data.seq), events.map((e) => e.time)],
    );
  });
  const consumer = new InboxConsumer({ name: `bench-${randomUUID()}`, kafka, producer, dataSource, topics: [PIPELINE_TOPIC], deadLetterTopic: DLQ_TOPIC, handlers });
  await consumer.start();
  await consumer.joined;
  const relay = new OutboxRelay({ service: 'bench', dataSource, producer, batchSize: 500, pollIntervalMs: 20 });
  relay.start();
  const writer = new OutboxWriter('bench');

  const started = process.hrtime.bigint();
  // Business transactions of 50 events each (a realistic import / bulk write).
  for (let i = 0; i < data.length; i += 50) {
    await dataSource.transaction((manager) => writer.recordMany(manager, benchEvent, data.slice(i, i + 50)));
  }
  const written = Number(process.hrtime.bigint() - started) / 1e9;
  let published = 0;
  for (;;) {
    if (!published) {
      const [{ pending }] = await dataSource.query('SELECT count(*)::int AS pending FROM outbox_event WHERE published_at IS NULL');
      if (pending === 0) published = Number(process.hrtime.bigint() - started) / 1e9;
    }
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM bench_applied');
    if (n >= count) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const latencies: number[] = (
    await dataSource.query('SELECT extract(epoch FROM applied_at - event_time) * 1000 AS ms FROM bench_applied ORDER BY 1')
  ).map((r: { ms: string }) => Number(r.ms));
  const [{ doubled }] = await dataSource.query('SELECT count(*) - count(DISTINCT event_id) AS doubled FROM bench_applied');
  await consumer.stop();
  await relay.stop();
  await producer.disconnect();
  return { seconds, rate: count / seconds, latencies, doubled: Number(doubled), written, published };
}

async function main() {
  const { values } = parseArgs({ options: { events: { type: 'string', default: '20000' }, aggregates: { type: 'string', default: '500' } } });
  const count = Number(values.events);
  const aggregates = Number(values.aggregates);
  if (!Number.isInteger(count) || count <= 0) throw new Error('--events must be a positive integer');
  const dir = mkdtempSync(join(tmpdir(), 'xiaojian-bench-'));
  chmodSync(dir, 0o711);
  const stack = await startLocalStack({ dir, durable: false, topics: [...TOPIC_CATALOGUE, PIPELINE_TOPIC, RAW_TOPIC, DLQ_TOPIC] });
  try {
    await stack.postgres.createDatabase('bench');
    const dataSource = await new DataSource({
      type: 'postgres',
      url: stack.postgres.url('bench'),
      entities: MESSAGING_ENTITIES,
      migrations: [MessagingTables1764000000000],
      extra: { max: 10 },
    }).initialize();
    await dataSource.runMigrations();
    await dataSource.query(
      'CREATE TABLE bench_applied (event_id uuid PRIMARY KEY, aggregate_id text NOT NULL, seq int NOT NULL, event_time timestamptz NOT NULL, applied_at timestamptz NOT NULL)',
    );
    const kafka = createKafka({ clientId: 'bench', brokers: stack.kafka.brokers });
    const data = payloads(count, aggregates);
    const records = data.map((item) =>
      toKafkaRecord({ id: randomUUID(), type: benchEvent.type, source: '/xiaojian/bench', specversion: '1.0', time: new Date().toISOString(), subject: item.aggregateId, data: item }),
    );

    console.log(`events: ${count} (~${Buffer.byteLength(records[0].value)} B body, ${aggregates} aggregates, 4 partitions), PostgreSQL ${(await dataSource.query('SHOW server_version'))[0].server_version}, local librdkafka mock broker`);
    const baseline = await raw(kafka, count, records);
    console.log(`raw kafkajs produce+consume: ${fmt(baseline.rate)} events/s (${baseline.seconds.toFixed(2)} s)`);
    const result = await pipeline(kafka, dataSource, count, data);
    const sorted = result.latencies;
    console.log(`pipeline outbox→relay→broker→inbox→PostgreSQL: ${fmt(result.rate)} events/s (${result.seconds.toFixed(2)} s), applied twice: ${result.doubled}`);
    console.log(`  outbox written after ${result.written.toFixed(2)} s, all published after ${result.published.toFixed(2)} s, all applied after ${result.seconds.toFixed(2)} s`);
    console.log(`pipeline end-to-end latency ms: p50 ${fmt(percentile(sorted, 50))}  p95 ${fmt(percentile(sorted, 95))}  p99 ${fmt(percentile(sorted, 99))}  max ${fmt(sorted[sorted.length - 1])}`);
    await dataSource.destroy();
    console.log(`pipeline/raw ratio: ${(result.rate / baseline.rate).toFixed(3)}`);
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
