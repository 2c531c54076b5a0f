import { Kafka, logLevel as KafkaLogLevel, Partitioners, Producer } from 'kafkajs';
import { TopicSpec } from '@xiaojian/contracts';
import { errorMessage, MessagingLogger, silentLogger } from '../logger';

export interface KafkaClientOptions {
  clientId: string;
  brokers: string[];
  logger?: MessagingLogger;
}

const levelNames: Record<number, 'error' | 'warn' | 'info'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
};

export function createKafka({ clientId, brokers, logger = silentLogger }: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId,
    brokers,
    retry: { initialRetryTime: 100, retries: 8 },
    logLevel: KafkaLogLevel.WARN,
    logCreator: () => ({ level, log }) => {
      const { message, ...extra } = log;
      const method = levelNames[level] ?? 'info';
      logger[method]({ component: 'kafkajs', ...extra }, message);
    },
  });
}

/**
 * One in-flight request per connection keeps a retried batch from overtaking the next one, so
 * per-key order survives broker retries. kafkajs' idempotent mode would add broker-side dedupe;
 * it is off because the local mock broker cannot serve it, and the inbox dedupes anyway.
 */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    allowAutoTopicCreation: false,
    maxInFlightRequests: 1,
    idempotent: false,
    // murmur2 on the key, as the Java client: a key maps to the same partition from any producer.
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/**
 * Creates missing catalogue topics where the broker supports it (real Kafka). The local mock
 * broker has no CreateTopics; its launcher pre-creates the catalogue, so failure here is only
 * logged and the metadata check decides.
 */
export async function provisionTopics(kafka: Kafka, topics: readonly TopicSpec[], logger: MessagingLogger = silentLogger): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: topics.map((t) => ({ topic: t.name, numPartitions: t.partitions })),
      });
    } catch (error) {
      logger.info({ err: errorMessage(error) }, 'broker did not create topics; expecting them to be provisioned already');
    }
    const metadata = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.name) });
    for (const topic of topics) {
      const found = metadata.topics.find((t) => t.name === topic.name);
      if (!found) throw new Error(`topic ${topic.name} does not exist on the broker and could not be created`);
      if (found.partitions.length !== topic.partitions) {
        logger.warn({ topic: topic.name, expected: topic.partitions, actual: found.partitions.length }, 'topic has a different partition count than the catalogue');
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/** Readiness: the broker answers a metadata request for the given topic within the timeout. */
export function kafkaCheck(kafka: Kafka, topic: string): () => Promise<void> {
  const admin = kafka.admin();
  let connected: Promise<void> | null = null;
  return async () => {
    connected ??= admin.connect().catch((error) => {
      connected = null;
      throw error;
    });
    await connected;
    await admin.fetchTopicMetadata({ topics: [topic] });
  };
}
