import { randomUUID } from 'node:crypto';
import { MessagingFixture } from './support/messaging-fixture';

const AGGREGATES = 100;
const EVENTS_PER_AGGREGATE = 100;
const TOTAL = AGGREGATES * EVENTS_PER_AGGREGATE;

describe('two consumer instances and a rebalance mid-stream', () => {
  let fixture: MessagingFixture;
  beforeAll(async () => {
    fixture = await MessagingFixture.create('rebalance');
  });
  afterAll(() => fixture.close());

  it(`applies ${TOTAL} events over 4 partitions in per-aggregate order, none lost, none doubled`, async () => {
    const aggregates = Array.from({ length: AGGREGATES }, () => randomUUID());
    // Interleave aggregates so every partition carries many keys; bulk-write the outbox (the
    // business transactions are not what this test is about).
    const rows = Array.from({ length: EVENTS_PER_AGGREGATE }, (_, i) => aggregates.map((aggregateId) => ({ aggregateId, seq: i + 1 }))).flat();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await fixture.dataSource.query(
        `INSERT INTO outbox_event (event_id, topic, message_key, event_type, headers, payload)
         SELECT v.id, $1, v.key, $2,
                jsonb_build_object('ce_id', v.id::text, 'ce_type', $2::text, 'ce_source', '/xiaojian/test', 'ce_specversion', '1.0',
                  'ce_time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'ce_subject', v.key,
                  'content-type', 'application/json'),
                v.payload
           FROM unnest($3::uuid[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS v(id, key, payload, ord)
          ORDER BY v.ord`,
        [fixture.topic.name, fixture.event.type, chunk.map(() => randomUUID()), chunk.map((r) => r.aggregateId), chunk.map((r) => JSON.stringify(r))],
      );
    }

    const first = fixture.consumer({ group: 'rebalance-group', tag: 'first' });
    const second = fixture.consumer({ group: 'rebalance-group', tag: 'second' });
    await Promise.all([first.start(), second.start()]);
    fixture.relay({ batchSize: 500 }).start();

    // Stop one instance once a fair share is applied: its partitions move to the other.
    await fixture.waitFor(async () => (await fixture.dataSource.query('SELECT count(*)::int AS n FROM applied'))[0].n, (n) => n >= TOTAL / 4);
    await first.stop();

    await fixture.waitFor(async () => (await fixture.dataSource.query('SELECT count(*)::int AS n FROM applied'))[0].n, (n) => n >= TOTAL, 120000);
    await new Promise((r) => setTimeout(r, 1500)); // anything doubled would arrive now

    const [{ n, distinct }] = await fixture.dataSource.query('SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct FROM applied');
    expect(n).toBe(TOTAL);
    expect(distinct).toBe(TOTAL);
    const outOfOrder = await fixture.dataSource.query(
      `SELECT aggregate_id FROM (
         SELECT aggregate_id, seq, row_number() OVER (PARTITION BY aggregate_id ORDER BY id) AS position FROM applied) t
        WHERE seq <> position LIMIT 5`,
    );
    expect(outOfOrder).toEqual([]);
    const byInstance = await fixture.dataSource.query('SELECT applied_by, count(*)::int AS n FROM applied GROUP BY applied_by ORDER BY applied_by');
    expect(byInstance.map((r: { applied_by: string }) => r.applied_by)).toEqual(['first', 'second']);
  }, 180000);
});
