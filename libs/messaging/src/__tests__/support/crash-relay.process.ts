/**
 * Child process for the crash tests: commits a business change with its event, then starts the
 * relay and kills itself with SIGKILL at the requested point — no cleanup, no graceful anything.
 *   argv: <databaseUrl> <brokers> <topic> <aggregateId> <before-publish|after-publish>
 */
import 'reflect-metadata';
import { createKafka, createProducer, OutboxRelay, OutboxWriter } from '../../index';
import { openDataSource } from './test-database';
import { sequencedEvent } from './sequenced-event';

async function main() {
  const [databaseUrl, brokers, topic, aggregateId, crashPoint] = process.argv.slice(2);
  const dataSource = await openDataSource(databaseUrl);
  await dataSource.transaction((manager) =>
    new OutboxWriter('test').record(manager, sequencedEvent(topic), { aggregateId, seq: 1 }),
  );
  const producer = createProducer(createKafka({ clientId: 'crash-relay', brokers: brokers.split(',') }));
  await producer.connect();
  const die = () => {
    process.kill(process.pid, 'SIGKILL');
  };
  const relay = new OutboxRelay({
    service: `test-${topic}`,
    dataSource,
    producer,
    hooks: crashPoint === 'before-publish' ? { beforePublish: die } : { afterPublish: die },
  });
  await relay.drain();
  process.exit(3); // not reached: the hook kills the process first
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
