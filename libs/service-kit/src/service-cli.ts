import { DataSource, DataSourceOptions } from 'typeorm';
import { TOPIC_CATALOGUE } from '@xiaojian/contracts';
import { createKafka, createProducer, MESSAGING_CLI_USAGE, MessagingLogger, provisionTopics, runMessagingCli } from '@xiaojian/messaging';
import { kafkaBrokers, loadConfig, postgresUrl } from '@xiaojian/platform';
import { z } from 'zod';
import { postgresOptions, ServiceDatabase } from './database';

const consoleLogger: MessagingLogger = {
  info: (obj, msg) => console.log(msg ?? '', JSON.stringify(obj)),
  warn: (obj, msg) => console.warn(msg ?? '', JSON.stringify(obj)),
  error: (obj, msg) => console.error(msg ?? '', JSON.stringify(obj)),
};

const cliConfig = z.object({ DATABASE_URL: postgresUrl(), KAFKA_BROKERS: kafkaBrokers().optional() });

/**
 * A service's operator commands: `migrate`, `migrate:revert`, `migrate:status`, and the
 * messaging commands (outbox republish, dead letters). Reads DATABASE_URL (and KAFKA_BROKERS
 * for commands that publish).
 */
export async function runServiceCli(service: string, database: ServiceDatabase, argv = process.argv.slice(2)): Promise<void> {
  const [command, ...args] = argv;
  if (!command) {
    console.log(`usage: ${service} <command>\n  migrate | migrate:revert | migrate:status | kafka:provision\n${MESSAGING_CLI_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (command === 'kafka:provision') {
    const { KAFKA_BROKERS } = loadConfig(z.object({ KAFKA_BROKERS: kafkaBrokers() }));
    await provisionTopics(createKafka({ clientId: `${service}-cli`, brokers: KAFKA_BROKERS }), TOPIC_CATALOGUE, consoleLogger);
    console.log(`topics ready: ${TOPIC_CATALOGUE.map((t) => `${t.name} (${t.partitions})`).join(', ')}`);
    return;
  }
  const config = loadConfig(cliConfig);
  const options: DataSourceOptions = { ...postgresOptions(config.DATABASE_URL, database, 2), logging: ['error'] };
  const dataSource = await new DataSource(options).initialize();
  try {
    if (command === 'migrate') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : `${service}: database is up to date`);
    } else if (command === 'migrate:revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log(`${service}: reverted the last migration`);
    } else if (command === 'migrate:status') {
      console.log((await dataSource.showMigrations()) ? `${service}: migrations pending` : `${service}: database is up to date`);
    } else {
      let producer: Awaited<ReturnType<typeof createProducer>> | null = null;
      process.exitCode = await runMessagingCli(command, args, {
        dataSource,
        print: (line) => console.log(line),
        producer: async () => {
          if (!config.KAFKA_BROKERS) throw new Error('KAFKA_BROKERS is required for this command');
          producer = createProducer(createKafka({ clientId: `${service}-cli`, brokers: config.KAFKA_BROKERS }));
          await producer.connect();
          return producer;
        },
      });
      await (producer as { disconnect(): Promise<void> } | null)?.disconnect();
    }
  } finally {
    await dataSource.destroy();
  }
}
