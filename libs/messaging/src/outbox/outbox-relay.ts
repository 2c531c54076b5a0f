import { Producer } from 'kafkajs';
import { DataSource, QueryRunner } from 'typeorm';
import { errorMessage, MessagingLogger, silentLogger, sleep } from '../logger';
import { MessagingMetrics } from '../metrics/messaging-metrics';

export interface PendingOutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  /** The JSON body as stored; read as text so it is published without a parse/serialise round. */
  payload: string;
}

/** Test seams: fault injection around the publish step (crash tests kill the process here). */
export interface OutboxRelayHooks {
  beforePublish?(rows: PendingOutboxRow[]): Promise<void> | void;
  afterPublish?(rows: PendingOutboxRow[]): Promise<void> | void;
}

export interface OutboxRelayOptions {
  service: string;
  dataSource: DataSource;
  producer: Producer;
  batchSize?: number;
  pollIntervalMs?: number;
  /** How long an instance that is not the leader waits before trying to take the lock again. */
  standbyIntervalMs?: number;
  /** Published events older than this are purged; 0 keeps them forever. */
  retentionMs?: number;
  purgeIntervalMs?: number;
  logger?: MessagingLogger;
  metrics?: MessagingMetrics;
  hooks?: OutboxRelayHooks;
}

/**
 * Publishes outbox rows in commit (seq) order, in batches, and marks them published.
 *
 * Only one instance per service relays at a time: the leader holds a PostgreSQL advisory lock on
 * a dedicated connection and runs all its relay queries on that same connection, so losing the
 * connection loses both the lock and the ability to mark rows. A standby takes over on the next
 * try. A crash between the broker's ack and the mark re-publishes the batch; consumers dedupe.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly standbyIntervalMs: number;
  private readonly retentionMs: number;
  private readonly purgeIntervalMs: number;
  private readonly logger: MessagingLogger;
  private runner: QueryRunner | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private lastPurge = 0;
  private lastMeasure = 0;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.standbyIntervalMs = options.standbyIntervalMs ?? 2000;
    this.retentionMs = options.retentionMs ?? 30 * 24 * 3600 * 1000;
    this.purgeIntervalMs = options.purgeIntervalMs ?? 3600 * 1000;
    this.logger = options.logger ?? silentLogger;
  }

  get isLeader(): boolean {
    return this.runner !== null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, releases the lock and returns. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.loop = null;
    await this.stepDown();
  }

  /** Publishes everything pending now; used by tests, the benchmark and the CLI. Returns the count. */
  async drain(): Promise<number> {
    if (!(await this.ensureLeadership())) throw new Error(`outbox relay of ${this.options.service} is not the leader`);
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published === 0) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.ensureLeadership())) {
          await sleep(this.standbyIntervalMs);
          continue;
        }
        await this.purgeIfDue();
        await this.measureBacklogIfDue(); // before publishing: a broker outage must show as backlog
        const published = await this.publishBatch();
        this.failures = 0;
        if (published < this.batchSize) await sleep(this.pollIntervalMs);
      } catch (error) {
        this.failures += 1;
        this.options.metrics?.publishFailures.inc({ service: this.options.service });
        const backoff = Math.min(5000, 100 * 2 ** Math.min(this.failures, 6));
        this.logger.error({ err: errorMessage(error), backoffMs: backoff }, 'outbox relay failed; will retry the same events');
        if (this.runner && !(await this.connectionAlive())) await this.stepDown();
        await sleep(backoff);
      }
    }
  }

  private async ensureLeadership(): Promise<boolean> {
    if (this.runner) return true;
    const runner = this.options.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.lockName]);
      if (!locked) {
        await runner.release();
        return false;
      }
    } catch (error) {
      await runner.release().catch(() => undefined);
      throw error;
    }
    this.runner = runner;
    this.options.metrics?.relayLeader.set({ service: this.options.service }, 1);
    this.logger.info({ lock: this.lockName }, 'outbox relay is the leader');
    return true;
  }

  private get lockName(): string {
    return `xiaojian:outbox-relay:${this.options.service}`;
  }

  private async publishBatch(): Promise<number> {
    const runner = this.runner!;
    const rows: PendingOutboxRow[] = await runner.query(
      `SELECT seq, topic, message_key, headers, payload::text AS payload FROM outbox_event
        WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.batchSize],
    );
    if (rows.length === 0) return 0;

    await this.options.hooks?.beforePublish?.(rows);
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({ key: row.message_key, value: row.payload, headers: row.headers });
      byTopic.set(row.topic, messages);
    }
    await this.options.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    await this.options.hooks?.afterPublish?.(rows);

    await runner.query('UPDATE outbox_event SET published_at = now() WHERE seq = ANY($1::bigint[])', [rows.map((r) => r.seq)]);
    for (const [topic, messages] of byTopic) {
      this.options.metrics?.published.inc({ service: this.options.service, topic }, messages.length);
    }
    return rows.length;
  }

  /** Outbox backlog and the age of its oldest event, for /metrics; at most once a second. */
  private async measureBacklogIfDue(): Promise<void> {
    const metrics = this.options.metrics;
    if (!metrics || Date.now() - this.lastMeasure < 1000) return;
    this.lastMeasure = Date.now();
    const [row] = await this.runner!.query(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at)) AS oldest
         FROM outbox_event WHERE published_at IS NULL`,
    );
    metrics.outboxBacklog.set({ service: this.options.service }, row.pending);
    metrics.outboxOldestPendingSeconds.set({ service: this.options.service }, Number(row.oldest ?? 0));
  }

  private async purgeIfDue(): Promise<void> {
    if (this.retentionMs <= 0 || Date.now() - this.lastPurge < this.purgeIntervalMs) return;
    this.lastPurge = Date.now();
    const cutoff = new Date(Date.now() - this.retentionMs);
    const result = await this.runner!.query(
      `DELETE FROM outbox_event WHERE seq IN (
         SELECT seq FROM outbox_event WHERE published_at < $1 ORDER BY seq LIMIT 10000)`,
      [cutoff],
    );
    const purged = Array.isArray(result) ? result[1] : 0;
    if (purged) this.logger.info({ purged, cutoff }, 'purged published outbox events past retention');
  }

  private async connectionAlive(): Promise<boolean> {
    try {
      await this.runner!.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async stepDown(): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    this.runner = null;
    this.options.metrics?.relayLeader.set({ service: this.options.service }, 0);
    try {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [this.lockName]);
    } catch {
      // The connection is gone, and the lock with it.
    }
    await runner.release().catch(() => undefined);
  }
}
