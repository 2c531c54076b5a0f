import { randomUUID } from 'node:crypto';
import { republishOutboxRange } from '../index';
import { MessagingFixture } from './support/messaging-fixture';

describe('inbox: redelivered events are applied once', () => {
  let fixture: MessagingFixture;
  beforeEach(async () => {
    fixture = await MessagingFixture.create('dedupe');
  });
  afterEach(() => fixture.close());

  it('applies the same event delivered three times exactly once', async () => {
    const aggregateId = randomUUID();
    const record = fixture.rawRecord({ aggregateId, seq: 1 });
    // Three deliveries: two in one batch, one after the consumer has committed past the first two.
    await fixture.producer.send({ topic: fixture.topic.name, messages: [record, record] });
    await fixture.consumer().start();
    await fixture.waitFor(() => fixture.counter('xj_consumer_duplicates_skipped_total'), (n) => n === 1);
    await fixture.producer.send({ topic: fixture.topic.name, messages: [record] });
    await fixture.waitFor(() => fixture.counter('xj_consumer_duplicates_skipped_total'), (n) => n === 2);

    expect(await fixture.applied()).toHaveLength(1);
    expect(await fixture.counter('xj_consumer_handled_total')).toBe(1);
  });

  it('skips a whole republished range (recovery after broker data loss) and applies only new events', async () => {
    const aggregateId = randomUUID();
    await fixture.record([1, 2, 3].map((seq) => ({ aggregateId, seq })));
    const relay = fixture.relay();
    relay.start();
    await fixture.consumer().start();
    await fixture.waitFor(() => fixture.applied(), (rows) => rows.length === 3);

    expect(await republishOutboxRange(fixture.dataSource, { fromSeq: '1' })).toBe(3);
    await fixture.record([{ aggregateId, seq: 4 }]);
    await fixture.waitFor(() => fixture.counter('xj_consumer_duplicates_skipped_total'), (n) => n === 3);
    const rows = await fixture.waitFor(() => fixture.applied(), (r) => r.length === 4);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });
});
