import { DataSource } from 'typeorm';

export interface RepublishRange {
  fromSeq?: string;
  toSeq?: string;
  /** Inclusive lower bound on the event's creation time. */
  since?: Date;
  /** Exclusive upper bound on the event's creation time. */
  until?: Date;
}

/**
 * Marks a range of already-published events as pending again so the relay re-sends them, in
 * their original order and with their original ids (consumers skip what they already applied).
 * This is the recovery path when the broker lost data.
 */
export async function republishOutboxRange(dataSource: DataSource, range: RepublishRange): Promise<number> {
  const conditions: string[] = ['published_at IS NOT NULL'];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (range.fromSeq) add('seq >= ?', range.fromSeq);
  if (range.toSeq) add('seq <= ?', range.toSeq);
  if (range.since) add('created_at >= ?', range.since);
  if (range.until) add('created_at < ?', range.until);
  if (params.length === 0) throw new Error('republish needs a range: --from-seq/--to-seq or --since/--until');
  const [, count] = await dataSource.query(`UPDATE outbox_event SET published_at = NULL WHERE ${conditions.join(' AND ')}`, params);
  return count as number;
}

export interface OutboxStats {
  pending: number;
  published: number;
  oldestPendingAt: Date | null;
  lastSeq: string | null;
}

export async function outboxStats(dataSource: DataSource): Promise<OutboxStats> {
  const [row] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS pending,
            count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published,
            min(created_at) FILTER (WHERE published_at IS NULL) AS oldest_pending_at,
            max(seq)::text AS last_seq
       FROM outbox_event`,
  );
  return { pending: row.pending, published: row.published, oldestPendingAt: row.oldest_pending_at, lastSeq: row.last_seq };
}
