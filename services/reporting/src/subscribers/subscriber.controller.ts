import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody, ApiZodParam, ApiZodQuery, CurrentUser, pageOffset, Principal, Roles, scopeFilter, toPage, ZodBody, ZodParam, ZodQuery } from '@xiaojian/platform';
import { DeliveryRepository } from '../delivery/delivery.repository';
import {
  CreateSubscriber, createSubscriberSchema, SubscriberListQuery, subscriberListSchema, UpdateSubscriber, updateSubscriberSchema,
} from './dto/subscriber.schemas';
import { SubscriberService, subscriberView } from './subscriber.service';

const idParam = z.uuid();

@ApiTags('subscribers 通报订阅（管理员）')
@ApiBearerAuth()
@Roles('admin')
@Controller('subscribers')
export class SubscriberController {
  constructor(
    private readonly subscribers: SubscriberService,
    private readonly deliveries: DeliveryRepository,
  ) {}

  @Post()
  @ApiOperation({ summary: '新增订阅方（webhook 或邮件）· Add a subscriber (webhook with HMAC secret, or e-mail)' })
  @ApiZodBody(createSubscriberSchema)
  @ApiCreatedResponse({ description: 'The subscriber (the secret is never returned)' })
  async create(@ZodBody(createSubscriberSchema) body: CreateSubscriber) {
    return subscriberView(await this.subscribers.create(body));
  }

  @Get()
  @ApiOperation({ summary: '订阅方列表 · Subscribers' })
  @ApiZodQuery(subscriberListSchema)
  @ApiOkResponse({ description: 'Page of subscribers' })
  async list(@ZodQuery(subscriberListSchema) query: SubscriberListQuery, @CurrentUser() user: Principal) {
    const { items, total } = await this.subscribers.list({ county: query.county, township: query.township }, scopeFilter(user), pageOffset(query));
    return toPage(items.map(subscriberView), total, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '一个订阅方 · One subscriber' })
  @ApiZodParam('id', idParam)
  @ApiOkResponse({ description: 'The subscriber' })
  async get(@ZodParam('id', idParam) id: string) {
    return subscriberView(await this.subscribers.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改订阅方 · Update a subscriber' })
  @ApiZodParam('id', idParam)
  @ApiZodBody(updateSubscriberSchema)
  @ApiOkResponse({ description: 'The updated subscriber' })
  async update(@ZodParam('id', idParam) id: string, @ZodBody(updateSubscriberSchema) body: UpdateSubscriber) {
    return subscriberView(await this.subscribers.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除订阅方（及其推送记录）· Delete a subscriber and its delivery records' })
  @ApiZodParam('id', idParam)
  @ApiNoContentResponse()
  async remove(@ZodParam('id', idParam) id: string): Promise<void> {
    await this.subscribers.remove(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: '该订阅方的推送状态 · Delivery status of this subscriber' })
  @ApiZodParam('id', idParam)
  @ApiOkResponse({ description: '[{ bulletinId, status, attempts, lastError, deliveredAt }]' })
  async deliveryStatus(@ZodParam('id', idParam) id: string) {
    await this.subscribers.get(id);
    const rows = await this.deliveries.list({ subscriberId: id });
    return rows.map((d) => ({ id: d.id, bulletinId: d.bulletinId, status: d.status, attempts: d.attempts, lastError: d.lastError, deliveredAt: d.deliveredAt?.toISOString() ?? null }));
  }
}
