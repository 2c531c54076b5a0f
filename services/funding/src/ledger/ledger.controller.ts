import { Controller, Get, Headers, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { shanghaiDate } from '@xiaojian/domain-kernel';
import {
  ApiZodBody, ApiZodParam, ApiZodQuery, CurrentUser, Page, PlatformResponse, Principal, Roles, ZodBody, ZodParam, ZodQuery,
} from '@xiaojian/platform';
import { IDEMPOTENCY_KEY_PATTERN } from '../idempotency/request-hash';
import {
  allocationBody, AllocationBody, asOfQuery, AsOfQuery, disbursementBody, DisbursementBody, entryListQuery, EntryListQuery,
  expenditureBody, ExpenditureBody, kindListQuery, KindListQuery, reversalBody, ReversalBody,
} from './dto/ledger.schemas';
import { LedgerKind } from './ledger-entry.entity';
import { ledgerWorkbook } from './ledger-export';
import { LedgerEntryDto } from './ledger-entry.mapping';
import { invalidIdempotencyKeyProblem } from './ledger-problems';
import { LedgerReaderService, ProjectLedgerResponse } from './ledger-reader.service';
import { LedgerWriterService, RecordCommand, RecordedEntryResponse } from './ledger-writer.service';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: '幂等键（建议 UUID）。同一用户以相同的键和相同内容重试，返回首次结果且不重复记账；相同键不同内容返回 422。',
};

function checkedKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw invalidIdempotencyKeyProblem();
  return key;
}

const WRITE_DOC = {
  created: '已记账；支出记录在已取消项目上时带 warnings。重试返回首次结果（响应头 Idempotent-Replayed: true）。',
};

@ApiTags('资金台账 ledger')
@ApiBearerAuth()
@Controller()
export class LedgerController {
  constructor(
    private readonly writer: LedgerWriterService,
    private readonly reader: LedgerReaderService,
  ) {}

  private async write(user: Principal, command: RecordCommand, key: string | undefined, res: PlatformResponse) {
    const outcome = await this.writer.record(user, command, checkedKey(key));
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return outcome.body;
  }

  @Post('allocations')
  @Roles('finance')
  @ApiOperation({ summary: '记录资金下达（安排）', description: '409：项目已取消。422：项目不存在（尚未从项目服务同步）。' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(allocationBody)
  @ApiCreatedResponse({ description: WRITE_DOC.created })
  allocate(@CurrentUser() user: Principal, @ZodBody(allocationBody) body: AllocationBody,
    @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: PlatformResponse): Promise<RecordedEntryResponse> {
    return this.write(user, { kind: 'allocation', body }, key, res);
  }

  @Post('disbursements')
  @Roles('finance')
  @ApiOperation({ summary: '记录资金拨付', description: '累计拨付不得超过该笔下达资金；超出时 409，并给出可拨付余额 headroom。' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(disbursementBody)
  @ApiCreatedResponse({ description: WRITE_DOC.created })
  disburse(@CurrentUser() user: Principal, @ZodBody(disbursementBody) body: DisbursementBody,
    @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: PlatformResponse): Promise<RecordedEntryResponse> {
    return this.write(user, { kind: 'disbursement', body }, key, res);
  }

  @Post('expenditures')
  @Roles('finance')
  @ApiOperation({ summary: '记录资金支出', description: '项目累计支出不得超过已拨付金额；超出时 409，并给出 headroom。已取消项目仍可记录，带 warnings。' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(expenditureBody)
  @ApiCreatedResponse({ description: WRITE_DOC.created })
  spend(@CurrentUser() user: Principal, @ZodBody(expenditureBody) body: ExpenditureBody,
    @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: PlatformResponse): Promise<RecordedEntryResponse> {
    return this.write(user, { kind: 'expenditure', body }, key, res);
  }

  @Post('reversals')
  @Roles('finance')
  @ApiOperation({ summary: '记录冲销（更正）', description: '冲销后下达不得少于已拨付、拨付不得少于已支出；否则 409 并给出最多可冲销金额。' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(reversalBody)
  @ApiCreatedResponse({ description: WRITE_DOC.created })
  reverse(@CurrentUser() user: Principal, @ZodBody(reversalBody) body: ReversalBody,
    @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: PlatformResponse): Promise<RecordedEntryResponse> {
    return this.write(user, { kind: 'reversal', body }, key, res);
  }

  @Get('ledger-entries')
  @ApiOperation({ summary: '查询资金分录（全部类型）' })
  @ApiZodQuery(entryListQuery)
  @ApiOkResponse({ description: '分页结果 { items, page, pageSize, total }' })
  listEntries(@CurrentUser() user: Principal, @ZodQuery(entryListQuery) query: EntryListQuery): Promise<Page<LedgerEntryDto>> {
    return this.reader.list(user, query);
  }

  @Get('ledger-entries/:id')
  @ApiOperation({ summary: '查看一条资金分录' })
  @ApiZodParam('id', z.uuid())
  @ApiOkResponse({ description: '资金分录' })
  entry(@CurrentUser() user: Principal, @ZodParam('id', z.uuid()) id: string): Promise<LedgerEntryDto> {
    return this.reader.entry(user, id);
  }

  @Get('allocations')
  @ApiOperation({ summary: '查询下达记录' })
  @ApiZodQuery(kindListQuery)
  @ApiOkResponse({ description: '分页结果' })
  listAllocations(@CurrentUser() user: Principal, @ZodQuery(kindListQuery) query: KindListQuery): Promise<Page<LedgerEntryDto>> {
    return this.listKind(user, 'allocation', query);
  }

  @Get('disbursements')
  @ApiOperation({ summary: '查询拨付记录' })
  @ApiZodQuery(kindListQuery)
  @ApiOkResponse({ description: '分页结果' })
  listDisbursements(@CurrentUser() user: Principal, @ZodQuery(kindListQuery) query: KindListQuery): Promise<Page<LedgerEntryDto>> {
    return this.listKind(user, 'disbursement', query);
  }

  @Get('expenditures')
  @ApiOperation({ summary: '查询支出记录' })
  @ApiZodQuery(kindListQuery)
  @ApiOkResponse({ description: '分页结果' })
  listExpenditures(@CurrentUser() user: Principal, @ZodQuery(kindListQuery) query: KindListQuery): Promise<Page<LedgerEntryDto>> {
    return this.listKind(user, 'expenditure', query);
  }

  @Get('reversals')
  @ApiOperation({ summary: '查询冲销记录' })
  @ApiZodQuery(kindListQuery)
  @ApiOkResponse({ description: '分页结果' })
  listReversals(@CurrentUser() user: Principal, @ZodQuery(kindListQuery) query: KindListQuery): Promise<Page<LedgerEntryDto>> {
    return this.listKind(user, 'reversal', query);
  }

  private listKind(user: Principal, kind: LedgerKind, query: KindListQuery): Promise<Page<LedgerEntryDto>> {
    return this.reader.list(user, { ...query, kind });
  }

  @Get('projects/:id/ledger')
  @ApiOperation({ summary: '项目资金台账：分录、余额、拨付率、支出率与序时进度' })
  @ApiZodParam('id', z.uuid())
  @ApiZodQuery(asOfQuery)
  @ApiOkResponse({ description: '项目台账' })
  projectLedger(@CurrentUser() user: Principal, @ZodParam('id', z.uuid()) id: string,
    @ZodQuery(asOfQuery) query: AsOfQuery): Promise<ProjectLedgerResponse> {
    return this.reader.projectLedger(user, id, query.asOf);
  }

  @Get('projects/:id/ledger.xlsx')
  @ApiOperation({ summary: '导出项目资金台账（Excel，金额单位万元）' })
  @ApiZodParam('id', z.uuid())
  @ApiZodQuery(asOfQuery)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: '.xlsx 文件' })
  async exportLedger(@CurrentUser() user: Principal, @ZodParam('id', z.uuid()) id: string,
    @ZodQuery(asOfQuery) query: AsOfQuery): Promise<StreamableFile> {
    const ledger = await this.reader.projectLedger(user, id, query.asOf);
    const buffer = await ledgerWorkbook(ledger);
    const filename = `资金台账-${ledger.project.code}-${query.asOf ?? shanghaiDate(new Date())}.xlsx`;
    return new StreamableFile(buffer, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      length: buffer.length,
    });
  }
}
