import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodQuery, CurrentUser, Principal, ZodQuery } from '@xiaojian/platform';
import { ratesQuery, RatesQuery } from './dto/ledger.schemas';
import { LedgerReaderService, RatesResponse } from './ledger-reader.service';

@ApiTags('支出率 rates')
@ApiBearerAuth()
@Controller('rates')
export class RatesController {
  constructor(private readonly reader: LedgerReaderService) {}

  @Get()
  @ApiOperation({
    summary: '拨付率、支出率与序时进度（按项目、乡镇、县、资金来源或预算年度）',
    description: '无下达资金时比率为 { kind: "no_denominator", label: "无下达资金" }，不是 0% 也不是 NaN。乡镇用户只看到本乡镇。',
  })
  @ApiZodQuery(ratesQuery)
  @ApiOkResponse({ description: '{ asOf, groupBy, fiscalYear, rows[], total }' })
  rates(@CurrentUser() user: Principal, @ZodQuery(ratesQuery) query: RatesQuery): Promise<RatesResponse> {
    return this.reader.rates(user, query);
  }
}
