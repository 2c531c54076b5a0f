import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodQuery, CurrentUser, Principal, ZodQuery } from '@xiaojian/platform';
import { FiguresReport } from '../domain';
import { FiguresQuery, figuresQuerySchema } from './dto/figures.schema';
import { FiguresService } from './figures.service';

@ApiTags('figures 学位统计')
@ApiBearerAuth()
@Controller('figures')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get()
  @ApiOperation({
    summary: '学位统计：计划与交付对比目标、大班额、学位缺口、在校生与学位（县、乡镇、学校）',
    description:
      'Planned vs delivered seats by level and ownership against the year\'s targets (completionRate may exceed 100 %; kind "no_target" without a target), ' +
      'class-size bands (大班额 56–65, 超大班额 66+) with counts and shares, seat gaps and pupils vs capacity — per county (with county), township and school, as of the end of asOf.',
  })
  @ApiZodQuery(figuresQuerySchema)
  @ApiOkResponse({ description: 'county (null for a township query), townships[], schools[]' })
  get(@CurrentUser() user: Principal, @ZodQuery(figuresQuerySchema) query: FiguresQuery): Promise<FiguresReport> {
    return this.figures.figures(user, query);
  }
}
