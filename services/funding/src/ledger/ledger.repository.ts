import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ScopeFilter, scopeToSql, SortSpec } from '@xiaojian/platform';
import { LedgerEntryEntity, LedgerKind } from './ledger-entry.entity';

export interface EntryFilter {
  kind?: LedgerKind;
  projectId?: string;
  countyCode?: string;
  townshipCode?: string;
  source?: string;
  fiscalYear?: number;
  dateFrom?: string;
  dateTo?: string;
}

export type EntrySortField = 'date' | 'recordedAt' | 'amount';

const SORT_COLUMNS: Record<EntrySortField, string> = { date: 'e.date', recordedAt: 'e.recordedAt', amount: 'e.amountFen' };

/** All database access to `ledger_entry`: inserts and reads only (the table is append-only). */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: Omit<LedgerEntryEntity, 'seq'>): Promise<void> {
    await manager.insert(LedgerEntryEntity, row as LedgerEntryEntity);
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<LedgerEntryEntity | null> {
    return manager.findOne(LedgerEntryEntity, { where: { id }, relations: { project: true } });
  }

  /** A project's entries in recording order. */
  ofProject(projectId: string, manager: EntityManager = this.dataSource.manager): Promise<LedgerEntryEntity[]> {
    return manager.find(LedgerEntryEntity, { where: { projectId }, order: { seq: 'ASC' } });
  }

  /** Entries of the given projects in recording order (for rates over many projects). */
  async ofProjects(projectIds: string[]): Promise<LedgerEntryEntity[]> {
    if (projectIds.length === 0) return [];
    return this.dataSource.manager
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .where('e.project_id = ANY(:projectIds)', { projectIds })
      .orderBy('e.seq', 'ASC')
      .getMany();
  }

  /** One page of entries the scope may read (by the project's township), with the total count. */
  async list(scope: ScopeFilter, filter: EntryFilter, page: { offset: number; limit: number; sort?: SortSpec<EntrySortField> }):
  Promise<[LedgerEntryEntity[], number]> {
    const { clause, params } = scopeToSql(scope, { county: 'p.county_code', township: 'p.township_code' });
    const qb = this.dataSource.manager
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .innerJoinAndSelect('e.project', 'p')
      .where(clause, params);
    if (filter.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.projectId) qb.andWhere('e.project_id = :projectId', { projectId: filter.projectId });
    if (filter.countyCode) qb.andWhere('p.county_code = :countyCode', { countyCode: filter.countyCode });
    if (filter.townshipCode) qb.andWhere('p.township_code = :townshipCode', { townshipCode: filter.townshipCode });
    if (filter.source) qb.andWhere('e.source = :source', { source: filter.source });
    if (filter.fiscalYear !== undefined) qb.andWhere('e.fiscal_year = :fiscalYear', { fiscalYear: filter.fiscalYear });
    if (filter.dateFrom) qb.andWhere('e.date >= :dateFrom', { dateFrom: filter.dateFrom });
    if (filter.dateTo) qb.andWhere('e.date <= :dateTo', { dateTo: filter.dateTo });
    const sort = page.sort ?? { field: 'date', direction: 'desc' };
    const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
    qb.orderBy(SORT_COLUMNS[sort.field], direction).addOrderBy('e.seq', direction).offset(page.offset).limit(page.limit);
    return qb.getManyAndCount();
  }
}
