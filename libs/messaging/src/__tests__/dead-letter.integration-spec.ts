import { randomUUID } from 'node:crypto';
import { KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_HEADERS, listDeadLetters, replayDeadLetters, textHeaders } from '../index';
import { MessagingFixture } from './support/messaging-fixture';

async function readDeadLetters(fixture: MessagingFixture, expected: number): Promise<KafkaMessage[]> {
  const messages: KafkaMessage[] = [];
  const reader = fixture.kafka.consumer({ groupId: `dlq-reader-${randomUUID()}`, sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topics: [fixture.deadLetterTopic.name], fromBeginning: true });
  await reader.run({ eachMessage: async ({ message }) => void messages.push(message) });
  try {
    await fixture.waitFor(async () => messages.length, (n) => n >= expected);
  } finally {
    await reader.disconnect();
  }
  return messages;
}

describe('dead letters: poison events do not block the partition', () => {
  let fixture: MessagingFixture;
  beforeEach(async () => {
    fixture = await MessagingFixture.create('dlq');
  });
  afterEach(() => fixture.close());

  // All events share one aggregate id (the key), so they sit on one partition, behind each other.
  it('sends a malformed event and an always-failing event to the dead-letter topic and keeps going', async () => {
    const aggregateId = randomUUID();
    const malformed = fixture.rawRecord({ aggregateId, seq: -1 });
    await fixture.producer.send({ topic: fixture.topic.name, messages: [malformed] });
    await fixture.record([
      { aggregateId, seq: 1 },
      { aggregateId, seq: 2, poison: true },
      { aggregateId, seq: 3 },
    ]);
    fixture.relay().start();
    await fixture.consumer().start();

    const rows = await fixture.waitFor(() => fixture.applied(), (r) => r.length === 2);
    expect(rows.map((r) => r.seq)).toEqual([1, 3]);

    const letters = await readDeadLetters(fixture, 2);
    const headers = letters.map((m) => textHeaders(m.headers));
    expect(headers[0]).toMatchObject({
      [DEAD_LETTER_HEADERS.reason]: 'invalid',
      [DEAD_LETTER_HEADERS.topic]: fixture.topic.name,
      [DEAD_LETTER_HEADERS.offset]: '0',
      [DEAD_LETTER_HEADERS.attempts]: '1',
    });
    expect(headers[0][DEAD_LETTER_HEADERS.error]).toContain('seq');
    expect(headers[1]).toMatchObject({
      [DEAD_LETTER_HEADERS.reason]: 'handler_failed',
      [DEAD_LETTER_HEADERS.offset]: '2',
      [DEAD_LETTER_HEADERS.attempts]: '3',
      [DEAD_LETTER_HEADERS.partition]: headers[0][DEAD_LETTER_HEADERS.partition],
    });
    expect(headers[1][DEAD_LETTER_HEADERS.error]).toContain('poison event');
    expect(headers[1].ce_type).toBe(fixture.event.type);
    expect(await fixture.counter('xj_consumer_dead_lettered_total')).toBe(2);
    expect(await fixture.counter('xj_consumer_handler_retries_total')).toBe(2);
  });

  it('lists dead letters and replays them to the original topic once the cause is fixed', async () => {
    const aggregateId = randomUUID();
    await fixture.record([{ aggregateId, seq: 1, poison: true }]);
    fixture.relay().start();
    const failing = fixture.consumer({ maxAttempts: 1 });
    await failing.start();
    const [letter] = await fixture.waitFor(() => listDeadLetters(fixture.dataSource), (l) => l.length === 1);
    expect(letter).toMatchObject({ topic: fixture.topic.name, attempts: 1, eventType: fixture.event.type });
    await failing.stop();

    // The "fix": the message itself is unchanged, so flip the handler's verdict by rewriting the
    // stored body (operators would deploy a fixed handler instead).
    await fixture.dataSource.query(`UPDATE dead_letter SET payload = regexp_replace(payload, '"poison":\\s*true', '"poison": false')`);
    expect(await replayDeadLetters(fixture.dataSource, fixture.producer, 'all')).toBe(1);
    expect(await listDeadLetters(fixture.dataSource)).toHaveLength(0);

    await fixture.consumer().start();
    const rows = await fixture.waitFor(() => fixture.applied(), (r) => r.length === 1);
    expect(rows[0]).toMatchObject({ aggregate_id: aggregateId, seq: 1, event_id: letter.eventId });
  });
});
