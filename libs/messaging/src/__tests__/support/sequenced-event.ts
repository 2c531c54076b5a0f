import { z } from 'zod';
import { EventDefinition } from '@xiaojian/contracts';

export const sequencedSchema = z.object({
  aggregateId: z.uuid(),
  seq: z.number().int().positive(),
  /** Makes the test handler throw on every attempt (a poison event). */
  poison: z.boolean().optional(),
});

export type SequencedData = z.infer<typeof sequencedSchema>;

/** A test-only contract on a topic of the test's own, so suites never see each other's events. */
export function sequencedEvent(topic: string, partitions = 4): EventDefinition<typeof sequencedSchema> {
  return {
    type: 'cn.xiaojian.test.sequenced.v1',
    producer: 'projects',
    topic: { name: topic, partitions, description: 'test' },
    schema: sequencedSchema,
    subjectOf: (data) => data.aggregateId,
    summary: 'test event carrying a per-aggregate sequence number',
  };
}
