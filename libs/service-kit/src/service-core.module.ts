import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TOPIC_CATALOGUE, TopicSpec } from '@xiaojian/contracts';
import { KAFKA, kafkaCheck, MessagingLifecycle, MessagingModule } from '@xiaojian/messaging';
import { HealthCheck, HealthModule, PlatformModule, postgresCheck } from '@xiaojian/platform';
import { postgresOptions, ServiceDatabase } from './database';
import { ServiceConfig } from './service-config';

export interface ServiceCoreOptions {
  service: 'projects' | 'funding' | 'capacity' | 'reporting';
  config: ServiceConfig;
  database: ServiceDatabase;
  /** Topics this service consumes, and its dead-letter topic. */
  consumes?: { topics: readonly TopicSpec[]; deadLetterTopic: TopicSpec };
  /** Extra readiness checks (e.g. Redis), resolved from DI. */
  extraHealthChecks?: { inject: unknown[]; useFactory: (...deps: any[]) => HealthCheck[] };
}

/**
 * What every service stands on: platform (config, logs, auth, errors, metrics), its database,
 * the outbox relay and inbox consumer, and health checks of each dependency.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot(options: ServiceCoreOptions): DynamicModule {
    const { config, service } = options;
    const extra = options.extraHealthChecks ?? { inject: [], useFactory: () => [] };
    return {
      module: ServiceCoreModule,
      imports: [
        PlatformModule.forRoot({ service, config }),
        TypeOrmModule.forRoot({
          ...postgresOptions(config.DATABASE_URL, options.database, config.DATABASE_POOL_SIZE),
          migrationsRun: config.DB_MIGRATE_ON_START,
        }),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            service,
            brokers: config.KAFKA_BROKERS,
            provisionTopics: config.KAFKA_PROVISION_TOPICS ? TOPIC_CATALOGUE : [],
            relay: {
              batchSize: config.OUTBOX_BATCH_SIZE,
              pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
              retentionMs: config.OUTBOX_RETENTION,
            },
            consumer: options.consumes && {
              ...options.consumes,
              group: config.KAFKA_CONSUMER_GROUP,
              maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
              tuning: {
                sessionTimeout: config.KAFKA_SESSION_TIMEOUT_MS,
                heartbeatInterval: config.KAFKA_HEARTBEAT_INTERVAL_MS,
                maxWaitTimeInMs: config.KAFKA_MAX_WAIT_MS,
              },
            },
          }),
        }),
        HealthModule.forRootAsync({
          inject: [getDataSourceToken(), KAFKA, MessagingLifecycle, ...extra.inject] as never[],
          useFactory: (dataSource: DataSource, kafka: Kafka, messaging: MessagingLifecycle, ...deps: unknown[]) => ({
            checks: [
              postgresCheck(dataSource),
              { name: 'kafka', check: kafkaCheck(kafka, (options.consumes?.topics[0] ?? TOPIC_CATALOGUE[0]).name) },
              ...(options.consumes
                ? [
                    {
                      name: 'consumer',
                      check: async () => {
                        if (!messaging.consumerHealthy) throw new Error('the event consumer crashed and is not restarting');
                      },
                    },
                  ]
                : []),
              ...extra.useFactory(...deps),
            ],
          }),
        }),
      ],
    };
  }
}
