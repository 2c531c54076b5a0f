import { ServiceDatabase } from '@xiaojian/service-kit';
import { IdempotencyRecordEntity } from '../idempotency/idempotency-record.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { FundingProjectEntity } from '../projects/funding-project.entity';
import { FundingSchema1764000000200 } from './migrations/1764000000200-FundingSchema';

/** The funding service's tables: entities and the migrations that create them, in order. */
export const fundingDatabase: ServiceDatabase = {
  entities: [FundingProjectEntity, LedgerEntryEntity, IdempotencyRecordEntity],
  migrations: [FundingSchema1764000000200],
};
