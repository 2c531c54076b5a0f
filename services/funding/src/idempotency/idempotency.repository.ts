import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

export const IDEMPOTENCY_UNIQUE_INDEX = 'uq_idempotency_record_user_key';

/** All database access to `idempotency_record`. */
@Injectable()
export class IdempotencyRepository {
  find(manager: EntityManager, userId: string, idempotencyKey: string): Promise<IdempotencyRecordEntity | null> {
    return manager.findOneBy(IdempotencyRecordEntity, { userId, idempotencyKey });
  }

  async insert(manager: EntityManager, record: IdempotencyRecordEntity): Promise<void> {
    await manager.insert(IdempotencyRecordEntity, record as never);
  }
}

/** A concurrent request with the same user and key committed first. */
export function isIdempotencyConflict(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' && driverError.constraint === IDEMPOTENCY_UNIQUE_INDEX;
}
