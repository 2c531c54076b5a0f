import { Counter, Gauge, Histogram, Registry, register as defaultRegistry } from 'prom-client';

type MetricCtor<M> = new (config: any) => M;

function metric<M>(registry: Registry, Ctor: MetricCtor<M>, config: { name: string; help: string; labelNames?: string[]; buckets?: number[] }): M {
  return (registry.getSingleMetric(config.name) as M | undefined) ?? new Ctor({ ...config, registers: [registry] });
}

/** Counters and gauges of the outbox relay and the consumers, exposed on the service's /metrics. */
export class MessagingMetrics {
  readonly published: Counter<'service' | 'topic'>;
  readonly publishFailures: Counter<'service'>;
  readonly outboxBacklog: Gauge<'service'>;
  readonly outboxOldestPendingSeconds: Gauge<'service'>;
  readonly relayLeader: Gauge<'service'>;
  readonly handled: Counter<'consumer' | 'type'>;
  readonly duplicatesSkipped: Counter<'consumer' | 'type'>;
  readonly deadLettered: Counter<'consumer' | 'reason'>;
  readonly unknownTypes: Counter<'consumer' | 'type'>;
  readonly handlerRetries: Counter<'consumer' | 'type'>;
  readonly consumerLag: Gauge<'consumer' | 'topic' | 'partition'>;
  readonly endToEndLatency: Histogram<'consumer'>;

  constructor(readonly registry: Registry = defaultRegistry) {
    this.published = metric(registry, Counter, { name: 'xj_outbox_published_total', help: 'Events published by the outbox relay', labelNames: ['service', 'topic'] });
    this.publishFailures = metric(registry, Counter, { name: 'xj_outbox_publish_failures_total', help: 'Failed publish attempts of the outbox relay', labelNames: ['service'] });
    this.outboxBacklog = metric(registry, Gauge, { name: 'xj_outbox_backlog', help: 'Outbox events not yet published', labelNames: ['service'] });
    this.outboxOldestPendingSeconds = metric(registry, Gauge, { name: 'xj_outbox_oldest_pending_seconds', help: 'Age of the oldest unpublished outbox event', labelNames: ['service'] });
    this.relayLeader = metric(registry, Gauge, { name: 'xj_outbox_relay_leader', help: '1 when this instance holds the relay lock', labelNames: ['service'] });
    this.handled = metric(registry, Counter, { name: 'xj_consumer_handled_total', help: 'Events applied by a consumer', labelNames: ['consumer', 'type'] });
    this.duplicatesSkipped = metric(registry, Counter, { name: 'xj_consumer_duplicates_skipped_total', help: 'Redelivered events skipped by the inbox', labelNames: ['consumer', 'type'] });
    this.deadLettered = metric(registry, Counter, { name: 'xj_consumer_dead_lettered_total', help: 'Events sent to the dead-letter topic', labelNames: ['consumer', 'reason'] });
    this.unknownTypes = metric(registry, Counter, { name: 'xj_consumer_unknown_types_total', help: 'Events of a type this consumer does not know, ignored', labelNames: ['consumer', 'type'] });
    this.handlerRetries = metric(registry, Counter, { name: 'xj_consumer_handler_retries_total', help: 'Handler attempts that failed and were retried', labelNames: ['consumer', 'type'] });
    this.consumerLag = metric(registry, Gauge, { name: 'xj_consumer_lag', help: 'Messages between the last applied offset and the partition end', labelNames: ['consumer', 'topic', 'partition'] });
    this.endToEndLatency = metric(registry, Histogram, {
      name: 'xj_consumer_event_age_seconds',
      help: 'Time from the event (commit) time to its application',
      labelNames: ['consumer'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
  }
}
