import { z } from 'zod';
import { businessDate, fundingSource, jurisdiction, positiveFen, uuid } from './common';

/** Every ledger event carries enough to rebuild all figures: project, jurisdiction, source, year. */
const ledgerEntry = {
  entryId: uuid,
  projectId: uuid,
  ...jurisdiction,
  source: fundingSource,
  fiscalYear: z.number().int().min(2000).max(2100),
  date: businessDate,
  amountFen: positiveFen,
  recordedBy: z.string(),
};

export const allocationRecordedV1 = z.object({
  ...ledgerEntry,
  documentNumber: z.string().min(1).max(100),
});

export const disbursementRecordedV1 = z.object({
  ...ledgerEntry,
  allocationId: uuid,
});

export const expenditureRecordedV1 = z.object({
  ...ledgerEntry,
  disbursementId: uuid.nullable(),
  payee: z.string().min(1).max(200),
  voucherNumber: z.string().min(1).max(100),
  purpose: z.string().max(500),
});

export const entryReversedV1 = z.object({
  ...ledgerEntry,
  originalEntryId: uuid,
  originalKind: z.enum(['allocation', 'disbursement', 'expenditure']),
  reason: z.string().min(1),
});
