import { randomUUID } from 'node:crypto';
import { MessagingFixture } from './support/messaging-fixture';

describe('graceful stop (what SIGTERM runs)', () => {
  let fixture: MessagingFixture;
  beforeEach(async () => {
    fixture = await MessagingFixture.create('graceful');
  });
  afterEach(() => fixture.close());

  it('finishes the events in flight, commits their offsets, and leaves nothing for the next instance to redo', async () => {
    const aggregateId = randomUUID();
    await fixture.record(Array.from({ length: 5 }, (_, i) => ({ aggregateId, seq: i + 1 })));
    await fixture.relay().drain();

    let entered!: () => void;
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    const slow = fixture.consumer({ group: 'graceful-group', tag: 'slow' });
    // Slow down the transaction in flight: the stop must wait for it rather than abandon it.
    const original = (slow as unknown as { invoke: (...args: unknown[]) => Promise<void> }).invoke.bind(slow);
    (slow as unknown as { invoke: (...args: unknown[]) => Promise<void> }).invoke = async (...args: unknown[]) => {
      entered();
      await new Promise((r) => setTimeout(r, 1500));
      return original(...args);
    };
    await slow.start();
    await handlerEntered;
    await slow.stop();

    const applied = await fixture.applied();
    expect(applied.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);

    // The next instance of the group starts after the committed offset: nothing is applied twice
    // and nothing is even redelivered.
    const next = fixture.consumer({ group: 'graceful-group', tag: 'next' });
    await next.start();
    await next.joined;
    await new Promise((r) => setTimeout(r, 1500));
    expect(await fixture.counter('xj_consumer_duplicates_skipped_total')).toBe(0);
    expect(await fixture.applied()).toHaveLength(5);
  }, 60000);
});
