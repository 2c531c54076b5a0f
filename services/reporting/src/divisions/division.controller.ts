import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiZodBody, ApiZodParam, ApiZodQuery, CurrentUser, outOfJurisdictionProblem, pageOffset, Principal, Roles, toPage, ZodBody, ZodParam, ZodQuery,
} from '@xiaojian/platform';
import { BulkDivisions, bulkDivisionsSchema, DivisionListQuery, divisionListSchema, divisionCodeSchema, PutDivision, putDivisionSchema } from './dto/division.schemas';
import { canReadCountyDivisions, divisionVisibility } from './division-scope';
import { DivisionService, divisionView } from './division.service';

@ApiTags('divisions 行政区划名称')
@ApiBearerAuth()
@Controller('divisions')
export class DivisionController {
  constructor(private readonly divisions: DivisionService) {}

  @Get()
  @ApiOperation({
    summary: '行政区划名称（仅限本人管辖范围）· Division names within your jurisdiction',
    description: 'County staff and leaders see their counties and townships; a township user sees its township and its county. Sorted by code.',
  })
  @ApiZodQuery(divisionListSchema)
  @ApiOkResponse({ description: 'Page of { code, level: county|township, countyCode, name, updatedAt, updatedBy }' })
  async list(@ZodQuery(divisionListSchema) query: DivisionListQuery, @CurrentUser() user: Principal) {
    const visibility = divisionVisibility(user);
    if (query.county && !canReadCountyDivisions(visibility, query.county)) throw outOfJurisdictionProblem();
    const { items, total } = await this.divisions.list({ county: query.county }, visibility, pageOffset(query));
    return toPage(items.map(divisionView), total, query);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: '批量设置区划名称（全部成功或全部不变）· Set many names at once, all or nothing',
    description: 'Body: [{ code, name }]. A 9-digit township code’s first 6 digits are its county code. Existing names are replaced.',
  })
  @ApiZodBody(bulkDivisionsSchema)
  @ApiOkResponse({ description: '{ items: [division], count }' })
  async putMany(@ZodBody(bulkDivisionsSchema) body: BulkDivisions, @CurrentUser() user: Principal) {
    const stored = await this.divisions.setNames(body, user.userId);
    return { items: stored.map(divisionView), count: stored.length };
  }

  @Put(':code')
  @Roles('admin')
  @ApiOperation({ summary: '设置一个县或乡镇的名称 · Set the name of a county (6 digits) or township (9 digits)' })
  @ApiZodParam('code', divisionCodeSchema)
  @ApiZodBody(putDivisionSchema)
  @ApiOkResponse({ description: '{ code, level, countyCode, name, updatedAt, updatedBy }' })
  async put(@ZodParam('code', divisionCodeSchema) code: string, @ZodBody(putDivisionSchema) body: PutDivision, @CurrentUser() user: Principal) {
    const [stored] = await this.divisions.setNames([{ code, name: body.name }], user.userId);
    return divisionView(stored);
  }
}
