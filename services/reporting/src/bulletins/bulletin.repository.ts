import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ScopeFilter, scopeToSql } from '@xiaojian/platform';
import { BulletinEntity } from './bulletin.entity';

export interface BulletinListFilter {
  county?: string;
  township?: string;
  month?: string;
  /** Only the latest version of each (scope, month). */
  latestOnly?: boolean;
}

/** All access to the `bulletin` table. Rows are inserted, never updated or deleted. */
@Injectable()
export class BulletinRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async latest(manager: EntityManager, countyCode: string, scopeCode: string, month: string): Promise<BulletinEntity | null> {
    return manager.getRepository(BulletinEntity).findOne({ where: { countyCode, scopeCode, month }, order: { version: 'DESC' } });
  }

  async insert(manager: EntityManager, bulletin: BulletinEntity): Promise<void> {
    await manager.getRepository(BulletinEntity).insert(bulletin as unknown as QueryDeepPartialEntity<BulletinEntity>);
  }

  async findById(id: string): Promise<BulletinEntity | null> {
    return this.dataSource.getRepository(BulletinEntity).findOne({ where: { id } });
  }

  async latestForTownship(townshipCode: string, month: string): Promise<BulletinEntity | null> {
    return this.dataSource.getRepository(BulletinEntity).findOne({ where: { townshipCode, month }, order: { version: 'DESC' } });
  }

  async list(filter: BulletinListFilter, scope: ScopeFilter, page: { offset: number; limit: number }): Promise<{ items: BulletinEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(BulletinEntity).createQueryBuilder('b');
    const visible = scopeToSql(scope, { county: 'b.county_code', township: 'b.township_code' });
    qb.where(visible.clause, visible.params);
    if (filter.county) qb.andWhere('b.county_code = :county', { county: filter.county });
    if (filter.township) qb.andWhere('b.township_code = :township', { township: filter.township });
    if (filter.month) qb.andWhere('b.month = :month', { month: filter.month });
    if (filter.latestOnly) {
      qb.andWhere('b.version = (SELECT max(v.version) FROM bulletin v WHERE v.scope_code = b.scope_code AND v.month = b.month)');
    }
    qb.orderBy('b.month', 'DESC').addOrderBy('b.scope_code', 'ASC').addOrderBy('b.version', 'DESC').skip(page.offset).take(page.limit);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** The latest version of every bulletin of a county and month. */
  async latestOfRun(manager: EntityManager, countyCode: string, month: string): Promise<BulletinEntity[]> {
    return manager
      .getRepository(BulletinEntity)
      .createQueryBuilder('b')
      .where('b.county_code = :countyCode AND b.month = :month', { countyCode, month })
      .andWhere('b.version = (SELECT max(v.version) FROM bulletin v WHERE v.scope_code = b.scope_code AND v.month = b.month)')
      .orderBy('b.scope_code')
      .getMany();
  }
}
