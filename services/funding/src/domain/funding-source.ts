import { FUNDING_SOURCES, type FundingSource } from '@xiaojian/contracts';

export { FUNDING_SOURCES, FUNDING_SOURCE_LABELS, type Bilingual as Label, type FundingSource } from '@xiaojian/contracts';

export function isFundingSource(value: unknown): value is FundingSource {
  return typeof value === 'string' && (FUNDING_SOURCES as readonly string[]).includes(value);
}
