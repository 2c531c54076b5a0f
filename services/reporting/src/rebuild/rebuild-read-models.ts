import { DataSource } from 'typeorm';
import { Projector } from '../events/projector';
import { READ_MODEL_TABLES } from '../read-models/read-model.entities';

export interface RebuildResult {
  events: number;
  durationMs: number;
}

/**
 * Rebuilds every read model from the event log: truncates them and replays `reporting_event` in
 * order of (business date, arrival), in one transaction — readers see the old models until it
 * commits, and the log is locked against appends meanwhile (the consumer waits, then continues).
 */
export async function rebuildReadModels(
  dataSource: DataSource,
  options: { projector?: Projector; print?: (line: string) => void; batchSize?: number } = {},
): Promise<RebuildResult> {
  const projector = options.projector ?? new Projector();
  const print = options.print ?? (() => undefined);
  const batchSize = options.batchSize ?? 1000;
  const started = Date.now();
  let applied = 0;
  await dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE reporting_event IN SHARE MODE');
    const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM reporting_event');
    print(`rebuild: truncating ${READ_MODEL_TABLES.join(', ')}; replaying ${count} events`);
    await manager.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`);
    let after: { date: string; seq: string } = { date: '0001-01-01', seq: '0' };
    let nextReport = Math.max(1, Math.ceil(count / 20));
    for (;;) {
      const rows: { seq: string; event_id: string; type: string; business_date: string; payload: Record<string, unknown> }[] = await manager.query(
        `SELECT seq, event_id, type, business_date::text AS business_date, payload FROM reporting_event
         WHERE (business_date, seq) > ($1::date, $2::bigint) ORDER BY business_date, seq LIMIT $3`,
        [after.date, after.seq, batchSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        await projector.apply(manager, { seq: Number(row.seq), eventId: row.event_id, type: row.type, businessDate: row.business_date, payload: row.payload });
        applied += 1;
        if (applied >= nextReport || applied === count) {
          print(`rebuild: ${applied}/${count} events (${count ? Math.floor((applied * 100) / count) : 100} %), business date ${row.business_date}`);
          nextReport += Math.max(1, Math.ceil(count / 20));
        }
      }
      const last = rows[rows.length - 1];
      after = { date: last.business_date, seq: last.seq };
    }
  });
  const durationMs = Date.now() - started;
  print(`rebuild: done, ${applied} events in ${durationMs} ms`);
  return { events: applied, durationMs };
}
