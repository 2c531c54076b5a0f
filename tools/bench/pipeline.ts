/**
 * npm run bench:pipeline [-- --events N]
 *
 * Pushes N events through outbox → relay → broker → idempotent inbox consumer → PostgreSQL, and in
 * the same run, on the same broker, the raw kafkajs produce+consume of the same messages. Prints
 * throughput and end-to-end latency percentiles; the last line is `pipeline/raw ratio: <number>`.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { toKafkaRecord, TOPIC_CATALOGUE } from '@xiaojian/contracts';
import { startLocalStack } from '@xiaojian/local-infra';
import { createKafka, createProducer, MESSAGING_ENTITIES, MessagingTables1764000000000, OutboxRelay, OutboxWriter } from '@xiaojian/messaging';
import { benchEvent, DLQ_TOPIC, PIPELINE_TOPIC } from './bench-event';

/** Idle poll of the relay: larger batches under load for a little latency (services default to 50 ms). */
const RELAY_POLL_MS = 100;
const RAW_TOPIC = { name: 'xiaojian.bench.raw', partitions: 4, description: 'benchmark baseline' };

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

/** The consuming service runs in a process of its own, as it does in production. */
async function startConsumerProcess(databaseUrl: string, brokers: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'consumer.process.ts'), databaseUrl, brokers.join(','), `bench-${randomUUID()}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('joined') && resolve());
    child.once('exit', (code) => reject(new Error(`benchmark consumer exited (${code})`)));
  });
  return child;
}

async function pipeline(kafka: Kafka, dataSource: DataSource, databaseUrl: string, brokers: string[], count: number, data: ReturnType<typeof payloads>) {
  const producer = createProducer(kafka);
  await producer.connect();
  const consumer = await startConsumerProcess(databaseUrl, brokers);
  const relay = new OutboxRelay({ service: 'bench', dataSource, producer, batchSize: 500, pollIntervalMs: RELAY_POLL_MS });
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
  consumer.kill('SIGTERM');
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

    console.log(`events: ${count} (~${Buffer.byteLength(records[0].value)} B body, ${aggregates} aggregates, 4 partitions, relay poll ${RELAY_POLL_MS} ms, consumer in its own process), PostgreSQL ${(await dataSource.query('SHOW server_version'))[0].server_version}, local librdkafka mock broker`);
    const baseline = await raw(kafka, count, records);
    console.log(`raw kafkajs produce+consume: ${fmt(baseline.rate)} events/s (${baseline.seconds.toFixed(2)} s)`);
    const result = await pipeline(kafka, dataSource, stack.postgres.url('bench'), stack.kafka.brokers, count, data);
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
