import { EventData, Events } from '@xiaojian/contracts';
import { DomainIssue, Fen, Rate, formatWanYuan, formatYuan } from '@xiaojian/domain-kernel';
import { FUNDING_SOURCE_LABELS, FundingProject, FundingSource, LedgerEntry, isFundingSource } from '../domain';
import { FundingProjectEntity } from '../projects/funding-project.entity';
import { LedgerEntryEntity, LedgerKind } from './ledger-entry.entity';

export const KIND_LABELS: Readonly<Record<LedgerKind, { zh: string; en: string }>> = {
  allocation: { zh: '下达', en: 'Allocation' },
  disbursement: { zh: '拨付', en: 'Disbursement' },
  expenditure: { zh: '支出', en: 'Expenditure' },
  reversal: { zh: '冲销', en: 'Reversal' },
};

export const NO_ALLOCATION_LABEL = { zh: '无下达资金', en: 'no allocation' } as const;

export interface MoneyDto {
  fen: Fen;
  /** Yuan with two decimals, e.g. "1234.50". */
  yuan: string;
  /** 万元 with two decimals, rounded half-up, e.g. "0.12". */
  wanYuan: string;
}

export function money(fen: Fen): MoneyDto {
  return { fen, yuan: formatYuan(fen), wanYuan: formatWanYuan(fen) };
}

export type RateDto =
  | { kind: 'rate'; percent: string; value: number }
  | { kind: 'no_denominator'; percent: null; label: string; labelEn: string };

/** A rate for the API: "无下达资金" rather than 0 % or NaN when nothing is allocated. */
export function rateDto(rate: Rate): RateDto {
  return rate.kind === 'rate'
    ? { kind: 'rate', percent: rate.percent, value: rate.value }
    : { kind: 'no_denominator', percent: null, label: NO_ALLOCATION_LABEL.zh, labelEn: NO_ALLOCATION_LABEL.en };
}

export interface WarningDto {
  code: string;
  field?: string;
  message: string;
  messageEn: string;
}

export function warningDto(issue: DomainIssue): WarningDto {
  return { code: issue.code, ...(issue.field !== undefined && { field: issue.field }), message: issue.zh, messageEn: issue.en };
}

export function sourceLabel(source: string): string {
  return isFundingSource(source) ? FUNDING_SOURCE_LABELS[source].zh : source;
}

export interface LedgerEntryDto {
  id: string;
  kind: LedgerKind;
  kindLabel: string;
  projectId: string;
  projectCode: string | null;
  projectName: string | null;
  countyCode: string;
  townshipCode: string;
  source: string;
  sourceLabel: string;
  fiscalYear: number;
  date: string;
  /** Yuan, two decimals. */
  amount: string;
  amountFen: Fen;
  documentNumber: string | null;
  allocationId: string | null;
  payee: string | null;
  voucherNumber: string | null;
  purpose: string | null;
  originalId: string | null;
  originalKind: string | null;
  reason: string | null;
  recordedBy: string;
  recordedAt: string;
}

export function toEntryDto(row: LedgerEntryEntity, project?: Pick<FundingProjectEntity, 'code' | 'name'> | null): LedgerEntryDto {
  const p = project ?? row.project ?? null;
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: KIND_LABELS[row.kind].zh,
    projectId: row.projectId,
    projectCode: p?.code ?? null,
    projectName: p?.name ?? null,
    countyCode: row.countyCode,
    townshipCode: row.townshipCode,
    source: row.source,
    sourceLabel: sourceLabel(row.source),
    fiscalYear: row.fiscalYear,
    date: row.date,
    amount: formatYuan(row.amountFen),
    amountFen: row.amountFen,
    documentNumber: row.documentNumber,
    allocationId: row.allocationId,
    payee: row.payee,
    voucherNumber: row.voucherNumber,
    purpose: row.purpose,
    originalId: row.originalId,
    originalKind: row.originalKind,
    reason: row.reason,
    recordedBy: row.recordedBy,
    recordedAt: new Date(row.recordedAt).toISOString(),
  };
}

export function toFundingProject(project: FundingProjectEntity): FundingProject {
  return { id: project.id, townshipCode: project.townshipCode, cancelled: project.cancelled };
}

/** A stored row as the pure ledger rules see it. */
export function toDomainEntry(row: LedgerEntryEntity): LedgerEntry {
  const base = { id: row.id, date: row.date, amountFen: row.amountFen };
  switch (row.kind) {
    case 'allocation':
      return { ...base, kind: 'allocation', projectId: row.projectId, source: row.source as FundingSource, fiscalYear: row.fiscalYear,
        documentNumber: row.documentNumber ?? '' };
    case 'disbursement':
      return { ...base, kind: 'disbursement', allocationId: row.allocationId! };
    case 'expenditure':
      return { ...base, kind: 'expenditure', projectId: row.projectId, payee: row.payee ?? '', voucherNumber: row.voucherNumber ?? '',
        purpose: row.purpose ?? '' };
    case 'reversal':
      return { ...base, kind: 'reversal', originalId: row.originalId!, reason: row.reason ?? '' };
  }
}

export type LedgerEvent =
  | [typeof Events.AllocationRecordedV1, EventData<typeof Events.AllocationRecordedV1>]
  | [typeof Events.DisbursementRecordedV1, EventData<typeof Events.DisbursementRecordedV1>]
  | [typeof Events.ExpenditureRecordedV1, EventData<typeof Events.ExpenditureRecordedV1>]
  | [typeof Events.EntryReversedV1, EventData<typeof Events.EntryReversedV1>];

/** The event announcing a new row: everything reporting needs to rebuild the figures. */
export function eventFor(row: LedgerEntryEntity): LedgerEvent {
  const common = {
    entryId: row.id,
    projectId: row.projectId,
    countyCode: row.countyCode,
    townshipCode: row.townshipCode,
    source: row.source as FundingSource,
    fiscalYear: row.fiscalYear,
    date: row.date,
    amountFen: row.amountFen,
    recordedBy: row.recordedBy,
  };
  switch (row.kind) {
    case 'allocation':
      return [Events.AllocationRecordedV1, { ...common, documentNumber: row.documentNumber! }];
    case 'disbursement':
      return [Events.DisbursementRecordedV1, { ...common, allocationId: row.allocationId! }];
    case 'expenditure':
      return [Events.ExpenditureRecordedV1, {
        ...common, disbursementId: null, payee: row.payee!, voucherNumber: row.voucherNumber!, purpose: row.purpose ?? '',
      }];
    case 'reversal':
      return [Events.EntryReversedV1, { ...common, originalEntryId: row.originalId!, originalKind: row.originalKind!, reason: row.reason! }];
  }
}

