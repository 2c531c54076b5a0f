import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ApiZodOkResponse, ApiZodQuery, CurrentUser, Page, Principal, Roles, ZodBody, ZodQuery } from '@xiaojian/platform';
import { ListTargetsQuery, SetTarget, listTargetsQuerySchema, setTargetSchema, targetPageSchema, targetViewSchema } from './dto/target.schema';
import { TargetView, TargetsService } from './targets.service';

@ApiTags('targets 学位目标')
@ApiBearerAuth()
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Put()
  @Roles('planner')
  @ApiOperation({
    summary: '设定年度新增学位目标',
    description: 'Creates or replaces the target of a county (no township) or township, year, level and ownership. Emits SeatTargetSetV1 when the number changes.',
  })
  @ApiZodBody(setTargetSchema)
  @ApiZodOkResponse(targetViewSchema)
  async set(@CurrentUser() user: Principal, @ZodBody(setTargetSchema) body: SetTarget): Promise<TargetView> {
    return (await this.targets.set(user, body)).target;
  }

  @Get()
  @ApiOperation({ summary: '学位目标列表', description: 'Targets in your jurisdiction (township users see only their township\'s targets).' })
  @ApiZodQuery(listTargetsQuerySchema)
  @ApiZodOkResponse(targetPageSchema)
  list(@CurrentUser() user: Principal, @ZodQuery(listTargetsQuerySchema) query: ListTargetsQuery): Promise<Page<TargetView>> {
    return this.targets.list(user, query);
  }
}
