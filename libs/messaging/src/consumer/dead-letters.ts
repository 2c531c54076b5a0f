import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { DataSource, IsNull } from 'typeorm';
import { DeadLetterEntity } from '../persistence/dead-letter.entity';

export type DeadLetterReason = 'invalid' | 'handler_failed';

/** Headers added to a dead letter, next to the original message's own headers. */
export const DEAD_LETTER_HEADERS = {
  reason: 'x-dlq-reason',
  error: 'x-dlq-error',
  topic: 'x-dlq-original-topic',
  partition: 'x-dlq-original-partition',
  offset: 'x-dlq-original-offset',
  attempts: 'x-dlq-attempts',
  consumer: 'x-dlq-consumer',
  failedAt: 'x-dlq-failed-at',
} as const;

export type NewDeadLetter = Omit<DeadLetterEntity, 'id' | 'failedAt' | 'replayedAt'>;

export async function recordDeadLetter(dataSource: DataSource, letter: NewDeadLetter): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(DeadLetterEntity)
    .values({ ...letter, id: randomUUID() })
    .orIgnore()
    .execute();
}

export async function listDeadLetters(dataSource: DataSource, options: { includeReplayed?: boolean } = {}): Promise<DeadLetterEntity[]> {
  return dataSource.getRepository(DeadLetterEntity).find({
    where: options.includeReplayed ? {} : { replayedAt: IsNull() },
    order: { failedAt: 'ASC' },
  });
}

/**
 * Sends dead letters back to their original topic with their original key, body and headers
 * (so the same event id), and marks them replayed. The consumer applies them as if new; if the
 * cause is not fixed they come back as new dead letters.
 */
export async function replayDeadLetters(dataSource: DataSource, producer: Producer, ids: string[] | 'all'): Promise<number> {
  const pending = await listDeadLetters(dataSource);
  const chosen = ids === 'all' ? pending : pending.filter((letter) => ids.includes(letter.id));
  if (ids !== 'all') {
    const missing = ids.filter((id) => !chosen.some((letter) => letter.id === id));
    if (missing.length) throw new Error(`no unreplayed dead letter with id ${missing.join(', ')}`);
  }
  for (const letter of chosen) {
    await producer.send({
      topic: letter.topic,
      acks: -1,
      messages: [{ key: letter.messageKey, value: letter.payload, headers: letter.headers }],
    });
    await dataSource.getRepository(DeadLetterEntity).update({ id: letter.id }, { replayedAt: new Date() });
  }
  return chosen.length;
}
