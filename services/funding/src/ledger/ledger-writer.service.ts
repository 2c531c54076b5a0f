import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { OutboxWriter } from '@xiaojian/messaging';
import { assertCanWrite, Principal } from '@xiaojian/platform';
import { attributeExpenditure, checkEntry, EntryDraft, Expenditure, Ledger } from '../domain';
import { IdempotencyRepository, isIdempotencyConflict } from '../idempotency/idempotency.repository';
import { requestHash } from '../idempotency/request-hash';
import { FundingProjectEntity } from '../projects/funding-project.entity';
import { FundingProjectRepository } from '../projects/funding-project.repository';
import { AllocationBody, DisbursementBody, ExpenditureBody, ReversalBody } from './dto/ledger.schemas';
import { LedgerEntryEntity, LedgerKind, ReversibleKind } from './ledger-entry.entity';
import { eventFor, LedgerEntryDto, toDomainEntry, toEntryDto, toFundingProject, warningDto, WarningDto } from './ledger-entry.mapping';
import {
  busyProblem, idempotencyMismatchProblem, rejectionProblem, unknownEntryProblem, unknownProjectProblem,
} from './ledger-problems';
import { LedgerRepository } from './ledger.repository';

export type RecordedEntryResponse = LedgerEntryDto & { warnings: WarningDto[] };

export interface RecordOutcome {
  statusCode: number;
  body: RecordedEntryResponse;
  /** True when an earlier response stored under the same Idempotency-Key was returned. */
  replayed: boolean;
}

export type RecordCommand =
  | { kind: 'allocation'; body: AllocationBody }
  | { kind: 'disbursement'; body: DisbursementBody }
  | { kind: 'expenditure'; body: ExpenditureBody }
  | { kind: 'reversal'; body: ReversalBody };

/** How long a write waits for another write of the same project before giving up with 503. */
const LOCK_TIMEOUT = '10s';

type NewRow = Omit<LedgerEntryEntity, 'seq' | 'project' | 'allocation' | 'original'>;

/**
 * Records ledger entries. One transaction per request: take the project's row lock (so
 * concurrent writes of one project queue up), load its ledger, check the pure rules, then write
 * the entry, its outbox event and the idempotency record together — or nothing.
 */
@Injectable()
export class LedgerWriterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: FundingProjectRepository,
    private readonly ledger: LedgerRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async record(user: Principal, command: RecordCommand, idempotencyKey?: string): Promise<RecordOutcome> {
    const hash = requestHash(command.kind, command.body);
    try {
      return await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        await manager.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
        const early = idempotencyKey ? await this.replay(manager, user, idempotencyKey, hash) : null;
        if (early) return early;

        const projectId = await this.projectIdOf(manager, command);
        const project = await this.projects.findForUpdate(manager, projectId);
        if (!project) throw unknownProjectProblem(projectId);
        assertCanWrite(user, project);
        // A duplicate that waited for the lock sees the first request's committed record here.
        const late = idempotencyKey ? await this.replay(manager, user, idempotencyKey, hash) : null;
        if (late) return late;

        const rows = await this.ledger.ofProject(projectId, manager);
        const ledger: Ledger = { projects: [toFundingProject(project)], entries: rows.map(toDomainEntry) };
        const row = this.newRow(command, user, project, rows);
        const draft = this.draftOf(command, row);
        const check = checkEntry(ledger, draft);
        if (!check.ok) throw rejectionProblem(check.error);
        if (row.kind === 'expenditure') {
          const expenditure = { ...draft, id: row.id } as Expenditure;
          const attribution = attributeExpenditure({ ...ledger, entries: [...ledger.entries, expenditure] }, expenditure);
          row.source = attribution.source;
          row.fiscalYear = attribution.fiscalYear;
        }

        await this.ledger.insert(manager, row);
        const [definition, data] = eventFor(row as LedgerEntryEntity);
        await this.outbox.record(manager, definition as never, data as never);
        const body: RecordedEntryResponse = { ...toEntryDto(row as LedgerEntryEntity, project), warnings: check.warnings.map(warningDto) };
        if (idempotencyKey) {
          await this.idempotency.insert(manager, {
            id: randomUUID(), idempotencyKey, userId: user.userId, operation: command.kind, requestHash: hash,
            statusCode: 201, responseBody: body, entryId: row.id, createdAt: new Date(),
          });
        }
        return { statusCode: 201, body, replayed: false };
      });
    } catch (error) {
      if (idempotencyKey && isIdempotencyConflict(error)) {
        // A concurrent duplicate (e.g. on another project lock) committed first: answer as it did.
        const stored = await this.replay(this.dataSource.manager, user, idempotencyKey, hash);
        if (stored) return stored;
      }
      if (error instanceof QueryFailedError && (error as { driverError?: { code?: string } }).driverError?.code === '55P03') {
        throw busyProblem();
      }
      throw error;
    }
  }

  private async replay(manager: EntityManager, user: Principal, key: string, hash: string): Promise<RecordOutcome | null> {
    const stored = await this.idempotency.find(manager, user.userId, key);
    if (!stored) return null;
    if (stored.requestHash !== hash) throw idempotencyMismatchProblem();
    return { statusCode: stored.statusCode, body: stored.responseBody as RecordedEntryResponse, replayed: true };
  }

  /** The project whose lock the command needs; entries referenced by id must exist. */
  private async projectIdOf(manager: EntityManager, command: RecordCommand): Promise<string> {
    switch (command.kind) {
      case 'allocation':
      case 'expenditure':
        return command.body.projectId;
      case 'disbursement': {
        const allocation = await this.ledger.find(command.body.allocationId, manager);
        if (allocation?.kind !== 'allocation') throw unknownEntryProblem('allocation', command.body.allocationId);
        return allocation.projectId;
      }
      case 'reversal': {
        const original = await this.ledger.find(command.body.originalId, manager);
        if (!original) throw unknownEntryProblem('original', command.body.originalId);
        return original.projectId;
      }
    }
  }

  private newRow(command: RecordCommand, user: Principal, project: FundingProjectEntity, rows: LedgerEntryEntity[]): NewRow {
    const base = {
      id: randomUUID(),
      kind: command.kind as LedgerKind,
      projectId: project.id,
      countyCode: project.countyCode,
      townshipCode: project.townshipCode,
      date: command.body.date,
      amountFen: command.body.amount,
      documentNumber: null,
      allocationId: null,
      payee: null,
      voucherNumber: null,
      purpose: null,
      originalId: null,
      originalKind: null,
      reason: null,
      recordedBy: user.userId,
      recordedAt: new Date(),
    };
    const byId = (id: string) => rows.find((r) => r.id === id)!;
    switch (command.kind) {
      case 'allocation':
        return { ...base, source: command.body.source, fiscalYear: command.body.fiscalYear, documentNumber: command.body.documentNumber };
      case 'disbursement': {
        const allocation = byId(command.body.allocationId);
        return { ...base, source: allocation.source, fiscalYear: allocation.fiscalYear, allocationId: allocation.id };
      }
      case 'expenditure':
        // Source and fiscal year are attributed once the guard accepts the expenditure.
        return { ...base, source: 'other', fiscalYear: Number(command.body.date.slice(0, 4)), payee: command.body.payee,
          voucherNumber: command.body.voucherNumber, purpose: command.body.purpose };
      case 'reversal': {
        const original = byId(command.body.originalId);
        return { ...base, source: original.source, fiscalYear: original.fiscalYear, originalId: original.id,
          originalKind: original.kind === 'reversal' ? null : (original.kind as ReversibleKind), reason: command.body.reason };
      }
    }
  }

  private draftOf(command: RecordCommand, row: NewRow): EntryDraft {
    const { date, amountFen } = row;
    switch (command.kind) {
      case 'allocation':
        return { kind: 'allocation', date, amountFen, projectId: row.projectId, source: command.body.source,
          fiscalYear: command.body.fiscalYear, documentNumber: command.body.documentNumber };
      case 'disbursement':
        return { kind: 'disbursement', date, amountFen, allocationId: command.body.allocationId };
      case 'expenditure':
        return { kind: 'expenditure', date, amountFen, projectId: row.projectId, payee: command.body.payee,
          voucherNumber: command.body.voucherNumber, purpose: command.body.purpose };
      case 'reversal':
        return { kind: 'reversal', date, amountFen, originalId: command.body.originalId, reason: command.body.reason };
    }
  }
}
