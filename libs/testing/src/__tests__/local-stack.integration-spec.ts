import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { Client } from 'pg';
import { postgresUrl, startKafkaMock } from '@xiaojian/local-infra';
import { createTestDatabase, TEST_TOPIC, testInfra, testKafkaBrokers } from '../test-infra';

// Without these the mock broker takes ~30 s to form a group instead of ~8 s.
const FAST_CONSUMER = { sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 100 };

interface Received {
  key: string;
  seq: number;
  partition: number;
  offset: string;
}

function kafkaClient(clientId: string, brokers: string[]): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, retry: { initialRetryTime: 100, retries: 10 } });
}

function plainProducer(kafka: Kafka): Producer {
  // The mock reports controller id 0, which breaks kafkajs' idempotent producer.
  return kafka.producer({ idempotent: false, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
}

/** Runs the consumer until `expected` messages of this run arrived; resolves them in arrival order. */
async function consumeRun(consumer: Consumer, topic: string, runId: string, expected: number): Promise<Received[]> {
  const received: Received[] = [];
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const value = JSON.parse(message.value?.toString() ?? '{}') as { runId?: string; seq?: number };
          // Other test files share the catalogue topics; only this run's messages count.
          if (value.runId !== runId) return;
          received.push({ key: message.key?.toString() ?? '', seq: value.seq ?? -1, partition, offset: message.offset });
          if (received.length === expected) resolve();
        },
      })
      .catch(reject);
  });
  return received;
}

function seqsByKey(messages: Received[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (const { key, seq } of messages) byKey.set(key, [...(byKey.get(key) ?? []), seq]);
  return byKey;
}

describe('local stack', () => {
  it('serves PostgreSQL: create a database, create a table, insert and select', async () => {
    const database = await createTestDatabase('local_stack');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE school (id serial PRIMARY KEY, name text NOT NULL, seats int NOT NULL)');
      await client.query('INSERT INTO school (name, seats) VALUES ($1, $2), ($3, $4)', ['城关第一小学', 1200, 'Hillside Primary', 450]);
      const { rows } = await client.query('SELECT name, seats FROM school ORDER BY id');
      expect(rows).toEqual([
        { name: '城关第一小学', seats: 1200 },
        { name: 'Hillside Primary', seats: 450 },
      ]);
    } finally {
      await client.end();
      await database.drop();
    }

    const admin = new Client({ connectionString: postgresUrl(testInfra().postgres, 'postgres') });
    await admin.connect();
    try {
      const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_database WHERE datname = $1', [database.name]);
      expect(rows[0].n).toBe(0);
    } finally {
      await admin.end();
    }
  });

  it('serves Redis', async () => {
    const redis = new Redis(testInfra().redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const key = `local-stack:${randomUUID()}`;
      await redis.set(key, 'ready', 'EX', 60);
      expect(await redis.get(key)).toBe('ready');
      expect(await redis.exists(`${key}:missing`)).toBe(0);
    } finally {
      redis.disconnect();
    }
  });

  it('delivers keyed messages in order to a consumer group, which resumes from its committed offsets', async () => {
    const runId = randomUUID().slice(0, 8);
    const topic = TEST_TOPIC.name;
    const keys = Array.from({ length: 10 }, (_, i) => `school-${runId}-${i}`);
    const kafka = kafkaClient(`local-stack-${runId}`, testKafkaBrokers());
    const producer = plainProducer(kafka);
    const groupId = `local-stack-${runId}`;
    const produce = async (fromSeq: number, toSeq: number) => {
      for (let seq = fromSeq; seq < toSeq; seq += 5) {
        const messages = [];
        for (let s = seq; s < Math.min(seq + 5, toSeq); s++) {
          messages.push(...keys.map((key) => ({ key, value: JSON.stringify({ runId, seq: s }) })));
        }
        await producer.send({ topic, messages });
      }
    };

    await producer.connect();
    try {
      await produce(0, 20);

      const first = kafka.consumer({ groupId, ...FAST_CONSUMER });
      await first.connect();
      const received = await consumeRun(first, topic, runId, 200);
      const nextOffsets = new Map<number, bigint>();
      for (const { partition, offset } of received) {
        const next = BigInt(offset) + 1n;
        if (next > (nextOffsets.get(partition) ?? 0n)) nextOffsets.set(partition, next);
      }
      await first.commitOffsets([...nextOffsets].map(([partition, offset]) => ({ topic, partition, offset: String(offset) })));
      await first.disconnect();

      expect(received).toHaveLength(200);
      expect(nextOffsets.size).toBeGreaterThan(1); // keys spread over several partitions
      const firstSeqs = seqsByKey(received);
      expect([...firstSeqs.keys()].sort()).toEqual([...keys].sort());
      for (const key of keys) expect(firstSeqs.get(key)).toEqual(Array.from({ length: 20 }, (_, i) => i));

      await produce(20, 22);
      const second = kafka.consumer({ groupId, ...FAST_CONSUMER });
      await second.connect();
      try {
        const resumed = await consumeRun(second, topic, runId, 20);
        const resumedSeqs = seqsByKey(resumed);
        for (const key of keys) expect(resumedSeqs.get(key)).toEqual([20, 21]);
      } finally {
        await second.disconnect();
      }
    } finally {
      await producer.disconnect();
    }
  });

  it('restarts the Kafka mock empty, on the same ports, and keeps accepting produce', async () => {
    const topic = { name: `local-stack.restart.${randomUUID().slice(0, 8)}`, partitions: 2 };
    const mock = await startKafkaMock({ topics: [topic], brokers: 2 });
    try {
      const brokersBefore = [...mock.brokers];
      const producer = plainProducer(kafkaClient('local-stack-restart', mock.brokers));
      await producer.connect();
      try {
        const send = async (partition: number, value: string) =>
          (await producer.send({ topic: topic.name, messages: [{ partition, value }] }))[0].baseOffset;
        expect([await send(0, 'a'), await send(0, 'b'), await send(1, 'c')]).toEqual(['0', '1', '0']);

        await mock.restart();

        expect(mock.brokers).toEqual(brokersBefore);
        // The same producer reconnects; offsets starting again at 0 show the partitions are empty.
        expect([await send(0, 'd'), await send(1, 'e'), await send(0, 'f')]).toEqual(['0', '0', '1']);
      } finally {
        await producer.disconnect();
      }
    } finally {
      await mock.stop();
    }
  });
});
