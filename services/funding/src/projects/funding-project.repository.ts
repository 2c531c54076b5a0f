import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ScopeFilter, scopeToSql } from '@xiaojian/platform';
import { FundingProjectEntity } from './funding-project.entity';

export interface ProjectFilter {
  projectId?: string;
  countyCode?: string;
  townshipCode?: string;
}

/** All database access to `funding_project`. */
@Injectable()
export class FundingProjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<FundingProjectEntity | null> {
    return manager.findOneBy(FundingProjectEntity, { id });
  }

  /**
   * Locks the project row until the transaction ends: every write that moves the project's money
   * takes this lock first, so guards are checked against a ledger no one else is changing.
   */
  findForUpdate(manager: EntityManager, id: string): Promise<FundingProjectEntity | null> {
    return manager
      .createQueryBuilder(FundingProjectEntity, 'p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
  }

  /** Inserts a newly registered project; a redelivered registration only refreshes code and name. */
  async upsertRegistered(manager: EntityManager, project: Omit<FundingProjectEntity, 'cancelled' | 'cancelledOn'>): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(FundingProjectEntity)
      .values({ ...project, cancelled: false, cancelledOn: null })
      .orUpdate(['code', 'name', 'registered_on', 'updated_at'], ['id'])
      .execute();
  }

  async rename(manager: EntityManager, id: string, name: string, at: Date): Promise<number> {
    const result = await manager.update(FundingProjectEntity, { id }, { name, updatedAt: at });
    return result.affected ?? 0;
  }

  async markCancelled(manager: EntityManager, id: string, cancelledOn: string, at: Date): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(FundingProjectEntity)
      .set({ cancelled: true, cancelledOn, updatedAt: at })
      .where('id = :id AND cancelled = false', { id })
      .execute();
    return result.affected ?? 0;
  }

  /** Projects the scope may read, narrowed by the filter; ordered by code. */
  inScope(scope: ScopeFilter, filter: ProjectFilter = {}): Promise<FundingProjectEntity[]> {
    const { clause, params } = scopeToSql(scope, { county: 'p.county_code', township: 'p.township_code' });
    const qb = this.dataSource.manager.createQueryBuilder(FundingProjectEntity, 'p').where(clause, params);
    if (filter.projectId) qb.andWhere('p.id = :projectId', { projectId: filter.projectId });
    if (filter.countyCode) qb.andWhere('p.county_code = :countyCode', { countyCode: filter.countyCode });
    if (filter.townshipCode) qb.andWhere('p.township_code = :townshipCode', { townshipCode: filter.townshipCode });
    return qb.orderBy('p.code', 'ASC').addOrderBy('p.id', 'ASC').getMany();
  }
}
