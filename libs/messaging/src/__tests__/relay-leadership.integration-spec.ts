import { randomUUID } from 'node:crypto';
import { outboxStats } from '../index';
import { MessagingFixture } from './support/messaging-fixture';

describe('outbox relay with two instances', () => {
  let fixture: MessagingFixture;
  beforeEach(async () => {
    fixture = await MessagingFixture.create('leader');
  });
  afterEach(() => fixture.close());

  it('lets one instance publish at a time and fails over when the leader stops', async () => {
    const aggregateId = randomUUID();
    const first = fixture.relay({ standbyIntervalMs: 100 });
    const second = fixture.relay({ standbyIntervalMs: 100 });
    first.start();
    await fixture.waitFor(async () => first.isLeader, Boolean);
    second.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(second.isLeader).toBe(false);

    await fixture.record([{ aggregateId, seq: 1 }]);
    await fixture.waitFor(() => outboxStats(fixture.dataSource), (s) => s.pending === 0);

    await first.stop();
    await fixture.waitFor(async () => second.isLeader, Boolean);
    await fixture.record([{ aggregateId, seq: 2 }]);
    await fixture.waitFor(() => outboxStats(fixture.dataSource), (s) => s.pending === 0 && s.published === 2);

    await fixture.consumer().start();
    const rows = await fixture.waitFor(() => fixture.applied(), (r) => r.length === 2);
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
  });

  it('purges published events past retention and keeps pending ones', async () => {
    const aggregateId = randomUUID();
    await fixture.record([{ aggregateId, seq: 1 }]);
    const publisher = fixture.relay();
    await publisher.drain();
    await publisher.stop();
    await fixture.dataSource.query(`UPDATE outbox_event SET published_at = now() - interval '40 days'`);
    await fixture.record([{ aggregateId, seq: 2 }]);
    const relay = fixture.relay({ retentionMs: 30 * 24 * 3600 * 1000, purgeIntervalMs: 0, hooks: { beforePublish: () => { throw new Error('broker down'); } } });
    relay.start();
    await fixture.waitFor(() => outboxStats(fixture.dataSource), (s) => s.published === 0);
    expect((await outboxStats(fixture.dataSource)).pending).toBe(1);
    // The broker outage shows on /metrics as backlog.
    expect(await fixture.waitFor(() => fixture.counter('xj_outbox_backlog'), (n) => n === 1)).toBe(1);
  });
});
