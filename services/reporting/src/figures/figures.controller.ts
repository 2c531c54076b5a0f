import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodQuery, CurrentUser, Principal, ZodQuery } from '@xiaojian/platform';
import { assertNotFutureMonth, assertScopeReadable, ScopeQuery, scopeQuerySchema, TraceQuery, traceQuerySchema } from '../common/scope';
import { FiguresService } from './figures.service';


@ApiTags('figures 统计口径')
@ApiBearerAuth()
@Controller('figures')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get()
  @ApiOperation({
    summary: '乡镇或全县某月的统计数据（按业务日期截至月末） · Figures of a township or county for a month, by business date up to month end',
  })
  @ApiZodQuery(scopeQuerySchema)
  @ApiOkResponse({ description: '{ scope, month, asOf, summary, projects }: the JSON of the monthly bulletin without version data' })
  async get(@ZodQuery(scopeQuerySchema) query: ScopeQuery, @CurrentUser() user: Principal) {
    assertScopeReadable(user, query.county, query.township);
    assertNotFutureMonth(query.month);
    const { scope, month, asOf, summary, projects } = await this.figures.figures(query.county, query.township ?? null, query.month);
    return { scope, month, asOf, summary, projects };
  }

  @Get('trace')
  @ApiOperation({
    summary: '统计项追溯：某一数字背后的事件 · Drill-down: the events behind one figure',
    description: 'figure is a path such as summary.funding.spentFen, summary.projects.byPhase.under_construction, summary.seats.deliveredSeats, summary.funding.bySource.central.allocatedFen or projects.<code>.spentFen.',
  })
  @ApiZodQuery(traceQuerySchema)
  @ApiOkResponse({ description: '{ figure, asOf, eventIds, events: [{ eventId, type, subject, businessDate, receivedAt }] }' })
  async trace(@ZodQuery(traceQuerySchema) query: TraceQuery, @CurrentUser() user: Principal) {
    assertScopeReadable(user, query.county, query.township);
    assertNotFutureMonth(query.month);
    return this.figures.trace(query.county, query.township ?? null, query.month, query.figure);
  }
}
