import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { PageQuery, ScopeFilter, scopeToSql } from '@xiaojian/platform';
import type { Ownership, SchoolLevel } from '../domain';
import { SeatTargetEntity } from './seat-target.entity';

export interface TargetKey {
  countyCode: string;
  townshipCode: string | null;
  year: number;
  level: SchoolLevel;
  ownership: Ownership;
}

export interface TargetListFilter {
  scope: ScopeFilter;
  countyCode?: string;
  townshipCode?: string;
  /** true: county-wide targets only. */
  countyWide?: boolean;
  year?: number;
  level?: SchoolLevel;
  ownership?: Ownership;
}

/** All database access for seat targets. */
@Injectable()
export class TargetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  lockByKey(manager: EntityManager, key: TargetKey): Promise<SeatTargetEntity | null> {
    return manager.findOne(SeatTargetEntity, {
      where: { countyCode: key.countyCode, townshipCode: key.townshipCode ?? IsNull(), year: key.year, level: key.level, ownership: key.ownership },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async save(manager: EntityManager, target: SeatTargetEntity): Promise<void> {
    await manager.save(SeatTargetEntity, target);
  }

  async list(filter: TargetListFilter, page: PageQuery): Promise<[SeatTargetEntity[], number]> {
    const qb = this.dataSource.manager.createQueryBuilder(SeatTargetEntity, 't');
    // A county-wide target has no township: the township part of the scope never matches it.
    const scope = scopeToSql(filter.scope, { county: 't.county_code', township: 't.township_code' });
    qb.where(scope.clause, scope.params);
    if (filter.countyCode) qb.andWhere('t.county_code = :countyCode', { countyCode: filter.countyCode });
    if (filter.townshipCode) qb.andWhere('t.township_code = :townshipCode', { townshipCode: filter.townshipCode });
    if (filter.countyWide) qb.andWhere('t.township_code IS NULL');
    if (filter.year !== undefined) qb.andWhere('t.year = :year', { year: filter.year });
    if (filter.level) qb.andWhere('t.level = :level', { level: filter.level });
    if (filter.ownership) qb.andWhere('t.ownership = :ownership', { ownership: filter.ownership });
    qb.orderBy('t.year', 'DESC').addOrderBy('t.county_code').addOrderBy('t.township_code', 'ASC', 'NULLS FIRST').addOrderBy('t.level').addOrderBy('t.ownership');
    qb.offset((page.page - 1) * page.pageSize).limit(page.pageSize);
    return qb.getManyAndCount();
  }

  ofCountyYear(countyCode: string, year: number): Promise<SeatTargetEntity[]> {
    return this.dataSource.manager.find(SeatTargetEntity, { where: { countyCode, year } });
  }
}
