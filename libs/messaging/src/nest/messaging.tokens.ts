import { TopicSpec } from '@xiaojian/contracts';
import { ConsumerTuning } from '../consumer/inbox-consumer';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');

export interface MessagingModuleOptions {
  service: string;
  brokers: string[];
  /** Present for services that consume events; the consumer group and inbox key are the service name. */
  consumer?: {
    /** Defaults to the service name. */
    group?: string;
    topics: readonly TopicSpec[];
    deadLetterTopic: TopicSpec;
    maxAttempts?: number;
    tuning?: Partial<ConsumerTuning>;
  };
  relay?: { batchSize?: number; pollIntervalMs?: number; retentionMs?: number };
  /** Topics to create at start-up where the broker supports it. */
  provisionTopics?: readonly TopicSpec[];
}
