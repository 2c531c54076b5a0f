import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PageQuery, ScopeFilter, scopeToSql } from '@xiaojian/platform';
import type { Ownership, SchoolLevel } from '../domain';
import { CapacityChangeEntity } from './capacity-change.entity';
import { SchoolEntity, SchoolStatus } from './school.entity';

export interface SchoolListFilter {
  scope: ScopeFilter;
  countyCode?: string;
  townshipCode?: string;
  level?: SchoolLevel;
  ownership?: Ownership;
  status?: SchoolStatus;
  /** Part of the name or code. */
  q?: string;
}

export const SCHOOL_SORTABLE = ['name', 'code', 'capacity', 'createdAt'] as const;
export type SchoolSortField = (typeof SCHOOL_SORTABLE)[number];

/** All database access for schools and their capacity history. */
@Injectable()
export class SchoolsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<SchoolEntity | null> {
    return manager.findOne(SchoolEntity, { where: { id } });
  }

  lockById(manager: EntityManager, id: string): Promise<SchoolEntity | null> {
    return manager.findOne(SchoolEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockByCode(manager: EntityManager, countyCode: string, code: string): Promise<SchoolEntity | null> {
    return manager.findOne(SchoolEntity, { where: { countyCode, code }, lock: { mode: 'pessimistic_write' } });
  }

  findByCode(countyCode: string, code: string): Promise<SchoolEntity | null> {
    return this.dataSource.manager.findOne(SchoolEntity, { where: { countyCode, code } });
  }

  async insert(manager: EntityManager, school: SchoolEntity): Promise<void> {
    await manager.insert(SchoolEntity, school);
  }

  async save(manager: EntityManager, school: SchoolEntity): Promise<void> {
    await manager.save(SchoolEntity, school);
  }

  async list(filter: SchoolListFilter, page: PageQuery<SchoolSortField>): Promise<[SchoolEntity[], number]> {
    const qb = this.dataSource.manager.createQueryBuilder(SchoolEntity, 's');
    const scope = scopeToSql(filter.scope, { county: 's.county_code', township: 's.township_code' });
    qb.where(scope.clause, scope.params);
    if (filter.countyCode) qb.andWhere('s.county_code = :countyCode', { countyCode: filter.countyCode });
    if (filter.townshipCode) qb.andWhere('s.township_code = :townshipCode', { townshipCode: filter.townshipCode });
    if (filter.level) qb.andWhere('s.level = :level', { level: filter.level });
    if (filter.ownership) qb.andWhere('s.ownership = :ownership', { ownership: filter.ownership });
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    if (filter.q) qb.andWhere('(s.name ILIKE :q OR s.code ILIKE :q)', { q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const sort = page.sort ?? { field: 'code', direction: 'asc' };
    qb.orderBy(`s.${sort.field}`, sort.direction === 'asc' ? 'ASC' : 'DESC').addOrderBy('s.id', 'ASC');
    qb.offset((page.page - 1) * page.pageSize).limit(page.pageSize);
    return qb.getManyAndCount();
  }

  /** Schools of a county, or of one township. */
  inDivision(countyCode: string, townshipCode?: string): Promise<SchoolEntity[]> {
    return this.dataSource.manager.find(SchoolEntity, {
      where: townshipCode ? { countyCode, townshipCode } : { countyCode },
      order: { townshipCode: 'ASC', code: 'ASC' },
    });
  }

  async nextCapacitySeq(manager: EntityManager, schoolId: string): Promise<number> {
    const row: { max: number | null } | undefined = await manager
      .createQueryBuilder(CapacityChangeEntity, 'c')
      .select('MAX(c.seq)', 'max')
      .where('c.school_id = :schoolId', { schoolId })
      .getRawOne();
    return (row?.max ?? 0) + 1;
  }

  async insertCapacityChange(manager: EntityManager, change: CapacityChangeEntity): Promise<void> {
    await manager.insert(CapacityChangeEntity, change);
  }

  capacityHistory(schoolId: string): Promise<CapacityChangeEntity[]> {
    return this.dataSource.manager.find(CapacityChangeEntity, { where: { schoolId }, order: { seq: 'ASC' } });
  }

  /**
   * Each school's capacity at the end of `asOf`: the sum of the changes (capacity − previous) dated
   * on or before it. Summing the steps, rather than taking the latest snapshot, stays right when a
   * change arrives after a later-dated one (an acceptance dated in June processed after one dated
   * in September). Never below 0.
   */
  async capacityAsOf(schoolIds: readonly string[], asOf: string): Promise<Map<string, number>> {
    if (schoolIds.length === 0) return new Map();
    const rows: { school_id: string; capacity: number }[] = await this.dataSource.query(
      `SELECT school_id, GREATEST(0, SUM(capacity - previous_capacity))::int AS capacity
         FROM capacity_change
        WHERE school_id = ANY($1::uuid[]) AND date <= $2::date
        GROUP BY school_id`,
      [schoolIds, asOf],
    );
    return new Map(rows.map((r) => [r.school_id, r.capacity]));
  }
}
