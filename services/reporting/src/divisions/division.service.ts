import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectLogger, PlatformLogger } from '@xiaojian/platform';
import type { DivisionNames } from '../bulletins/render/labels';
import { DivisionEntity } from './division.entity';
import { DivisionRepository } from './division.repository';
import { DivisionVisibility } from './division-scope';

export function divisionView(d: DivisionEntity) {
  return {
    code: d.code,
    level: d.code.length === 6 ? ('county' as const) : ('township' as const),
    countyCode: d.code.slice(0, 6),
    name: d.name,
    updatedAt: d.updatedAt.toISOString(),
    updatedBy: d.updatedBy,
  };
}
export type DivisionView = ReturnType<typeof divisionView>;

/** Division names: set by administrators (one or many at once, all-or-nothing), read for rendering. */
@Injectable()
export class DivisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly divisions: DivisionRepository,
    @InjectLogger() private readonly logger: PlatformLogger,
  ) {}

  /** Sets the names in one transaction; returns the stored rows in code order. */
  async setNames(rows: { code: string; name: string }[], updatedBy: string, now: Date = new Date()): Promise<DivisionEntity[]> {
    const stored = await this.dataSource.transaction(async (manager) => {
      await this.divisions.upsert(manager, rows, updatedBy, now);
      return this.divisions.find(manager, rows.map((r) => r.code));
    });
    this.logger.info({ count: rows.length, updatedBy }, 'division names set');
    return stored;
  }

  async list(filter: { county?: string }, visibility: DivisionVisibility, page: { offset: number; limit: number }) {
    return this.divisions.list(filter, visibility, page);
  }

  /** The county's and its townships' names, for a bulletin of that county. */
  async namesOfCounty(countyCode: string): Promise<DivisionNames> {
    return this.divisions.namesOfCounty(countyCode);
  }
}
