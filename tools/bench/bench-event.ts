import { EventDefinition } from '@xiaojian/contracts';
import { EventHandlers } from '@xiaojian/messaging';
import { z } from 'zod';

export const PIPELINE_TOPIC = { name: 'xiaojian.bench.pipeline', partitions: 4, description: 'benchmark' };
export const DLQ_TOPIC = { name: 'xiaojian.bench.dlq', partitions: 1, description: 'benchmark dead letters' };

export const benchEvent: EventDefinition<z.ZodObject<{ aggregateId: z.ZodString; seq: z.ZodNumber; note: z.ZodString }>> = {
  type: 'cn.xiaojian.bench.progress.v1',
  producer: 'projects',
  topic: PIPELINE_TOPIC,
  schema: z.object({ aggregateId: z.string(), seq: z.number().int(), note: z.string() }),
  subjectOf: (data) => data.aggregateId,
  summary: 'benchmark event',
};

/** A projection-style handler: the run of events the consumer applies together, in one write. */
export const benchHandlers = () =>
  new EventHandlers().onBatch(benchEvent, async (events, { manager }) => {
    await manager.query(
      `INSERT INTO bench_applied (event_id, aggregate_id, seq, event_time, applied_at)
       SELECT e.id, e.aggregate_id, e.seq, e.time, clock_timestamp()
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[]) AS e(id, aggregate_id, seq, time)`,
      [events.map((e) => e.id), events.map((e) => e.data.aggregateId), events.map((e) => e.data.seq), events.map((e) => e.time)],
    );
  });
