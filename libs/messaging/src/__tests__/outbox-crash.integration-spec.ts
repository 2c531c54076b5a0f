import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { testKafkaBrokers } from '@xiaojian/testing';
import { MessagingFixture } from './support/messaging-fixture';

const workspaceRoot = join(__dirname, '..', '..', '..', '..');

function runCrashingRelay(fixture: MessagingFixture, aggregateId: string, crashPoint: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'support', 'crash-relay.process.ts'), fixture.databaseUrl, testKafkaBrokers().join(','), fixture.topic.name, aggregateId, crashPoint],
      { cwd: workspaceRoot, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('outbox: a crash between the database commit and the broker', () => {
  let fixture: MessagingFixture;
  beforeEach(async () => {
    fixture = await MessagingFixture.create('crash');
  });
  afterEach(() => fixture.close());

  it('killed after the commit and before publishing: after a restart the event is delivered and applied once', async () => {
    const aggregateId = randomUUID();
    expect(await runCrashingRelay(fixture, aggregateId, 'before-publish')).toBe('SIGKILL');

    const [pending] = await fixture.dataSource.query('SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL');
    expect(pending.n).toBe(1);

    fixture.relay().start();
    await fixture.consumer().start();
    const applied = await fixture.waitFor(() => fixture.applied(), (rows) => rows.length >= 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await fixture.applied()).toEqual([expect.objectContaining({ aggregate_id: aggregateId, seq: 1 })]);
    expect(applied).toHaveLength(1);
  });

  it('killed after the broker ack and before marking: the event is published twice and applied once', async () => {
    const aggregateId = randomUUID();
    expect(await runCrashingRelay(fixture, aggregateId, 'after-publish')).toBe('SIGKILL');

    const [pending] = await fixture.dataSource.query('SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL');
    expect(pending.n).toBe(1);

    fixture.relay().start();
    await fixture.consumer().start();
    await fixture.waitFor(() => fixture.counter('xj_consumer_duplicates_skipped_total'), (n) => n === 1);
    expect(await fixture.counter('xj_consumer_handled_total')).toBe(1);
    const rows = await fixture.applied();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ aggregate_id: aggregateId, seq: 1 });
    const [published] = await fixture.dataSource.query('SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NOT NULL');
    expect(published.n).toBe(1);
  });
});
