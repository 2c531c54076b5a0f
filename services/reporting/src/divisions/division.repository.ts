import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DivisionNames } from '../bulletins/render/labels';
import { DivisionEntity } from './division.entity';
import type { DivisionVisibility } from './division-scope';

/** All access to the `division` table. */
@Injectable()
export class DivisionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts or renames every row, all with the same time and author. */
  async upsert(manager: EntityManager, rows: { code: string; name: string }[], updatedBy: string, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO division (code, name, updated_at, updated_by)
       SELECT t.code, t.name, $3, $4 FROM unnest($1::text[], $2::text[]) AS t(code, name)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [rows.map((r) => r.code), rows.map((r) => r.name), now, updatedBy],
    );
  }

  async find(manager: EntityManager, codes: string[]): Promise<DivisionEntity[]> {
    return manager
      .getRepository(DivisionEntity)
      .createQueryBuilder('d')
      .where('d.code = ANY(:codes)', { codes })
      .orderBy('d.code')
      .getMany();
  }

  async list(filter: { county?: string }, visibility: DivisionVisibility, page: { offset: number; limit: number }): Promise<{ items: DivisionEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(DivisionEntity).createQueryBuilder('d');
    if (visibility === 'all') qb.where('TRUE');
    else qb.where('(left(d.code, 6) = ANY(:visibleCounties) OR d.code = ANY(:visibleCodes))', { visibleCounties: visibility.counties, visibleCodes: visibility.codes });
    if (filter.county) qb.andWhere('left(d.code, 6) = :county', { county: filter.county });
    qb.orderBy('d.code', 'ASC').skip(page.offset).take(page.limit);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** The names of a county and all its townships, by code: what its bulletins print. */
  async namesOfCounty(countyCode: string): Promise<DivisionNames> {
    const rows: { code: string; name: string }[] = await this.dataSource.query(
      `SELECT code, name FROM division WHERE left(code, 6) = $1 ORDER BY code`,
      [countyCode],
    );
    return Object.fromEntries(rows.map((r) => [r.code, r.name]));
  }
}
