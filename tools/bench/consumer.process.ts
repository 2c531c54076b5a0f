/**
 * The benchmark's consuming service, in its own process as in production:
 *   argv: <databaseUrl> <brokers> <group>
 * Prints "joined" once it owns its partitions; stops on SIGTERM.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createKafka, createProducer, InboxConsumer, MESSAGING_ENTITIES } from '@xiaojian/messaging';
import { benchHandlers, DLQ_TOPIC, PIPELINE_TOPIC } from './bench-event';

async function main() {
  const [databaseUrl, brokers, group] = process.argv.slice(2);
  const dataSource = await new DataSource({ type: 'postgres', url: databaseUrl, entities: MESSAGING_ENTITIES, extra: { max: 10 } }).initialize();
  const kafka = createKafka({ clientId: 'bench-consumer', brokers: brokers.split(',') });
  const producer = createProducer(kafka);
  await producer.connect();
  const consumer = new InboxConsumer({ name: group, kafka, producer, dataSource, topics: [PIPELINE_TOPIC], deadLetterTopic: DLQ_TOPIC, handlers: benchHandlers() });
  await consumer.start();
  await consumer.joined;
  process.stdout.write('joined\n');
  process.once('SIGTERM', async () => {
    await consumer.stop();
    await producer.disconnect();
    await dataSource.destroy();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
