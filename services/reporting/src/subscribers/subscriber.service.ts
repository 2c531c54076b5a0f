import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException, ScopeFilter, scopeToSql } from '@xiaojian/platform';
import { CreateSubscriber, subscriberProblems, UpdateSubscriber } from './dto/subscriber.schemas';
import { SubscriberEntity } from './subscriber.entity';

export function subscriberView(s: SubscriberEntity) {
  return {
    id: s.id,
    countyCode: s.countyCode,
    townshipCode: s.townshipCode,
    name: s.name,
    kind: s.kind,
    url: s.kind === 'webhook' ? s.target : null,
    address: s.kind === 'email' ? s.target : null,
    hasSecret: !!s.secret,
    format: s.format,
    language: s.language,
    active: s.active,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

function assertValid(subscriber: SubscriberEntity): void {
  const problems = subscriberProblems(subscriber);
  if (problems.length > 0) {
    throw ProblemException.badRequest(
      'invalid-subscriber',
      { zh: '订阅信息不完整或有误', en: 'Invalid subscriber' },
      { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') },
      problems.map((p) => ({ field: p.field, code: 'invalid', message: { zh: p.zh, en: p.en } })),
    );
  }
}

@Injectable()
export class SubscriberService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(SubscriberEntity);
  }

  async create(input: CreateSubscriber): Promise<SubscriberEntity> {
    const now = new Date();
    const subscriber: SubscriberEntity = {
      id: randomUUID(),
      countyCode: input.countyCode,
      townshipCode: input.townshipCode ?? null,
      name: input.name,
      kind: input.kind,
      target: (input.kind === 'webhook' ? input.url : input.address) ?? '',
      secret: input.kind === 'webhook' ? (input.secret ?? null) : null,
      format: input.format ?? (input.kind === 'webhook' ? 'json' : 'html'),
      language: input.language ?? 'zh-CN',
      active: input.active ?? true,
      createdAt: now,
      updatedAt: now,
    };
    assertValid(subscriber);
    await this.repo.insert(subscriber);
    return subscriber;
  }

  async get(id: string): Promise<SubscriberEntity> {
    const subscriber = await this.repo.findOne({ where: { id } });
    if (!subscriber) throw ProblemException.notFound({ zh: '订阅方', en: 'Subscriber' }, id);
    return subscriber;
  }

  async update(id: string, input: UpdateSubscriber): Promise<SubscriberEntity> {
    const subscriber = await this.get(id);
    const target = subscriber.kind === 'webhook' ? input.url : input.address;
    const next: SubscriberEntity = {
      ...subscriber,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(target !== undefined ? { target } : {}),
      ...(input.secret !== undefined && subscriber.kind === 'webhook' ? { secret: input.secret } : {}),
      ...(input.format !== undefined ? { format: input.format } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updatedAt: new Date(),
    };
    assertValid(next);
    await this.repo.save(next);
    return next;
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.repo.delete({ id });
  }

  async list(filter: { county?: string; township?: string }, scope: ScopeFilter, page: { offset: number; limit: number }) {
    const qb = this.repo.createQueryBuilder('s');
    const visible = scopeToSql(scope, { county: 's.county_code', township: 's.township_code' });
    qb.where(visible.clause, visible.params);
    if (filter.county) qb.andWhere('s.county_code = :county', { county: filter.county });
    if (filter.township) qb.andWhere('s.township_code = :township', { township: filter.township });
    qb.orderBy('s.county_code').addOrderBy('s.township_code', 'ASC', 'NULLS FIRST').addOrderBy('s.name').addOrderBy('s.id').skip(page.offset).take(page.limit);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
