import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Events } from '@xiaojian/contracts';
import { OutboxWriter } from '@xiaojian/messaging';
import { assertCanWrite, Page, Principal, ProblemException, scopeFilter, toPage } from '@xiaojian/platform';
import { isUniqueViolation } from '../shared/db-errors';
import { ListTargetsQuery, SetTarget } from './dto/target.schema';
import { SeatTargetEntity } from './seat-target.entity';
import { TargetsRepository } from './targets.repository';

export interface TargetView {
  id: string;
  countyCode: string;
  townshipCode: string | null;
  year: number;
  level: SeatTargetEntity['level'];
  ownership: SeatTargetEntity['ownership'];
  seats: number;
  setBy: string;
  createdAt: string;
  updatedAt: string;
}

const toView = (t: SeatTargetEntity): TargetView => ({
  id: t.id, countyCode: t.countyCode, townshipCode: t.townshipCode, year: t.year, level: t.level, ownership: t.ownership, seats: t.seats,
  setBy: t.setBy, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
});

@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: TargetsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Sets (creates or replaces) the target of one county or township, year, level and ownership.
   * Idempotent: setting the same number again changes nothing and emits nothing.
   */
  async set(user: Principal, input: SetTarget): Promise<{ target: TargetView; changed: boolean }> {
    const townshipCode = input.townshipCode ?? null;
    assertCanWrite(user, { countyCode: input.countyCode, townshipCode });
    const key = { countyCode: input.countyCode, townshipCode, year: input.year, level: input.level, ownership: input.ownership };
    const attempt = () =>
      this.dataSource.transaction(async (manager) => {
        const now = new Date();
        const existing = await this.targets.lockByKey(manager, key);
        if (existing && existing.seats === input.seats) return { target: toView(existing), changed: false };
        const target: SeatTargetEntity = existing
          ? { ...existing, seats: input.seats, setBy: user.userId, updatedAt: now }
          : { id: randomUUID(), ...key, seats: input.seats, setBy: user.userId, createdAt: now, updatedAt: now };
        await this.targets.save(manager, target);
        await this.outbox.record(manager, Events.SeatTargetSetV1, {
          targetId: target.id, countyCode: target.countyCode, townshipCode: target.townshipCode, year: target.year,
          level: target.level, ownership: target.ownership, seats: target.seats, setBy: target.setBy,
        });
        return { target: toView(target), changed: true };
      });
    try {
      return await attempt();
    } catch (error) {
      // Two first settings of the same target at once: the loser retries as an update.
      if (isUniqueViolation(error)) return attempt();
      throw error;
    }
  }

  async list(user: Principal, query: ListTargetsQuery): Promise<Page<TargetView>> {
    if (query.countyWide && query.townshipCode) {
      throw ProblemException.badRequest('validation-failed', { zh: '提交的信息有误', en: 'Validation failed' }, {
        zh: '“仅县级目标”与乡镇筛选不能同时使用', en: 'countyWide cannot be combined with townshipCode',
      });
    }
    const [rows, total] = await this.targets.list(
      { scope: scopeFilter(user), countyCode: query.countyCode, townshipCode: query.townshipCode, countyWide: query.countyWide, year: query.year, level: query.level, ownership: query.ownership },
      query,
    );
    return toPage(rows.map(toView), total, query);
  }
}
