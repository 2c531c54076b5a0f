import { Controller, Get, HttpCode, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  ApiZodBody, ApiZodParam, ApiZodQuery, assertCanRead, CurrentUser, pageOffset, Principal, ProblemException, Roles, scopeFilter, toPage,
  ZodParam, ZodQuery, ZodBody,
} from '@xiaojian/platform';
import { assertNotFutureMonth, monthParam, townshipCodeParam } from '../common/scope';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { BulletinQueues } from '../queues/bulletin-queues';
import { BulletinEntity } from './bulletin.entity';
import { BulletinRepository } from './bulletin.repository';
import { BulletinService } from './bulletin.service';
import { ContentQuery, contentQuerySchema, ListQuery, listQuerySchema, RunBody, runBodySchema, RunQuery, runQuerySchema } from './dto/bulletin.schemas';

const idParam = z.uuid();

function summaryOf(b: BulletinEntity) {
  return {
    id: b.id,
    kind: b.townshipCode ? 'township' : 'county',
    countyCode: b.countyCode,
    townshipCode: b.townshipCode,
    month: b.month,
    version: b.version,
    contentHash: b.contentHash,
    issuedAt: b.issuedAt.toISOString(),
    changedFigures: b.changes?.length ?? 0,
  };
}

@ApiTags('bulletins 月度进度通报')
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinController {
  constructor(
    private readonly service: BulletinService,
    private readonly bulletins: BulletinRepository,
    private readonly queues: BulletinQueues,
    private readonly deliveries: DeliveryRepository,
  ) {}

  @Post('runs')
  @HttpCode(202)
  @Roles('leader')
  @ApiOperation({
    summary: '生成某县某月全部乡镇通报和全县汇总（排队执行）· Generate all township bulletins and the county summary of a month (queued)',
    description: 'Job id run:<county>:<month>: a second trigger while the run waits or runs joins it. A later run issues a new version only where figures changed.',
  })
  @ApiZodBody(runBodySchema)
  @ApiAcceptedResponse({ description: '{ jobId, enqueued, state }' })
  async run(@ZodBody(runBodySchema) body: RunBody, @CurrentUser() user: Principal) {
    assertCanRead(user, { countyCode: body.county, townshipCode: null });
    assertNotFutureMonth(body.month);
    return this.queues.triggerRun(body.county, body.month);
  }

  @Get('runs')
  @Roles('leader')
  @ApiOperation({ summary: '通报生成任务状态 · State of a run' })
  @ApiZodQuery(runQuerySchema)
  @ApiOkResponse({ description: '{ jobId, state, result, failedReason }' })
  async runState(@ZodQuery(runQuerySchema) query: RunQuery, @CurrentUser() user: Principal) {
    assertCanRead(user, { countyCode: query.county, townshipCode: null });
    const state = await this.queues.runState(query.county, query.month);
    if (!state) throw ProblemException.notFound({ zh: '通报生成任务', en: 'Bulletin run' }, `${query.county} ${query.month}`);
    return state;
  }

  @Get()
  @ApiOperation({ summary: '通报列表（仅限本人管辖范围）· Issued bulletins within your jurisdiction' })
  @ApiZodQuery(listQuerySchema)
  @ApiOkResponse({ description: 'Page of { id, kind, countyCode, townshipCode, month, version, contentHash, issuedAt, changedFigures }' })
  async list(@ZodQuery(listQuerySchema) query: ListQuery, @CurrentUser() user: Principal) {
    const { items, total } = await this.bulletins.list(
      { county: query.county, township: query.township, month: query.month, latestOnly: query.latest },
      scopeFilter(user),
      pageOffset(query),
    );
    return toPage(items.map(summaryOf), total, query);
  }

  @Get('township/:code/:month')
  @ApiOperation({ summary: '某乡镇某月最新版通报 · The latest version of a township’s bulletin for a month' })
  @ApiZodParam('code', townshipCodeParam)
  @ApiZodParam('month', monthParam)
  @ApiZodQuery(contentQuerySchema)
  @ApiProduces('application/json', 'text/html', 'text/markdown', 'application/pdf')
  @ApiOkResponse({ description: 'The bulletin in the requested format (JSON: the document)' })
  async township(
    @ZodParam('code', townshipCodeParam) code: string,
    @ZodParam('month', monthParam) month: string,
    @ZodQuery(contentQuerySchema) query: ContentQuery,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    assertCanRead(user, { townshipCode: code });
    return this.send(await this.service.latestForTownship(code, month), query, res);
  }

  @Get(':id')
  @ApiOperation({ summary: '一份通报（含完整 JSON 文档）· One bulletin with its document' })
  @ApiZodParam('id', idParam)
  @ApiOkResponse({ description: '{ ...summary, document, changes }' })
  async get(@ZodParam('id', idParam) id: string, @CurrentUser() user: Principal) {
    const bulletin = await this.readable(id, user);
    return { ...summaryOf(bulletin), document: bulletin.document, changes: bulletin.changes ?? [] };
  }

  @Get(':id/content')
  @ApiOperation({ summary: '通报内容：html / pdf / md / json，默认中文 · Rendered bulletin (zh-CN by default)' })
  @ApiZodParam('id', idParam)
  @ApiZodQuery(contentQuerySchema)
  @ApiProduces('application/json', 'text/html', 'text/markdown', 'application/pdf')
  @ApiOkResponse({ description: 'The bulletin in the requested format' })
  async content(
    @ZodParam('id', idParam) id: string,
    @ZodQuery(contentQuerySchema) query: ContentQuery,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(await this.readable(id, user), query, res);
  }

  @Get(':id/deliveries')
  @Roles('leader')
  @ApiOperation({ summary: '通报推送状态（按订阅方）· Delivery status per subscriber' })
  @ApiZodParam('id', idParam)
  @ApiOkResponse({ description: '[{ subscriberId, status, attempts, lastError, deliveredAt }]' })
  async deliveryStatus(@ZodParam('id', idParam) id: string, @CurrentUser() user: Principal) {
    await this.readable(id, user);
    const rows = await this.deliveries.list({ bulletinId: id });
    return rows.map((d) => ({ id: d.id, subscriberId: d.subscriberId, status: d.status, attempts: d.attempts, lastError: d.lastError, deliveredAt: d.deliveredAt?.toISOString() ?? null }));
  }

  private async readable(id: string, user: Principal): Promise<BulletinEntity> {
    const bulletin = await this.service.get(id);
    assertCanRead(user, { countyCode: bulletin.countyCode, townshipCode: bulletin.townshipCode });
    return bulletin;
  }

  private async send(bulletin: BulletinEntity, query: ContentQuery, res: Response) {
    const rendered = await this.service.render(bulletin, query.format, query.lang);
    res.setHeader('Content-Type', rendered.contentType);
    res.setHeader('Content-Disposition', `inline; filename="${rendered.fileName}"`);
    res.setHeader('X-Content-Hash', bulletin.contentHash);
    res.setHeader('X-Bulletin-Version', String(bulletin.version));
    return new StreamableFile(Buffer.isBuffer(rendered.body) ? rendered.body : Buffer.from(rendered.body, 'utf8'));
  }
}
