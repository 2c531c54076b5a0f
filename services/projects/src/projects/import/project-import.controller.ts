import { Controller, Get, HttpCode, Post, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiZodQuery, CurrentUser, Principal, Roles, ZodQuery, localized } from '@xiaojian/platform';
import { Clock } from '../clock';
import { ExportProjectsQuery, exportProjectsQuery } from '../dto/project.schema';
import { SingleFileUpload, UploadedFileLike, missingFileProblem } from '../evidence/upload.decorator';
import { attachmentDisposition } from '../http.util';
import { MAX_IMPORT_BYTES, ProjectImportService } from './project-import.service';
import { XLSX_CONTENT_TYPE, buildTemplate } from './spreadsheet';

const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], localized('dryRun 只能是 true 或 false', 'dryRun must be true or false'))
    .optional()
    .transform((v) => v === 'true'),
});

/** Declared before the `:id` routes (this controller is registered first) so `import` / `export.xlsx` are not taken for ids. */
@ApiTags('projects import/export')
@ApiBearerAuth()
@Controller('projects')
export class ProjectImportController {
  constructor(
    private readonly imports: ProjectImportService,
    private readonly clock: Clock,
  ) {}

  @Get('import/template')
  @ApiOperation({ summary: '下载导入模板 Download the import template (.xlsx)' })
  @ApiOkResponse({ description: 'xlsx：“项目台账”表头与示例行，“填写说明”列出每列要求。' })
  async template(): Promise<StreamableFile> {
    const bytes = await buildTemplate();
    return new StreamableFile(bytes, { type: XLSX_CONTENT_TYPE, length: bytes.length, disposition: attachmentDisposition('项目台账导入模板.xlsx') });
  }

  @Post('import')
  @Roles('planner')
  @SingleFileUpload('file', MAX_IMPORT_BYTES, '项目台账（.xlsx 或 .csv，≤10 MB，表头见导入模板）')
  @ApiQuery({ name: 'dryRun', required: false, schema: { type: 'string', enum: ['true', 'false'] }, description: 'true：只检查不写入，返回逐行错误清单' })
  @ApiOperation({
    summary: '导入项目台账 Import projects from .xlsx/.csv',
    description: 'dryRun=true 返回 200 与逐行错误清单（行、列、问题），不写入；正式导入全部成功返回 201，任何错误返回 422（extensions.report 为错误清单），不写入任何数据。',
  })
  @HttpCode(200)
  async import(
    @CurrentUser() user: Principal,
    @ZodQuery(importQuery) { dryRun }: z.output<typeof importQuery>,
    @UploadedFile() file: UploadedFileLike | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!file) throw missingFileProblem('file');
    const report = await this.imports.import(user, file, dryRun);
    if (!dryRun) res.status(201);
    return report;
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: '导出项目清单 Export the filtered list (.xlsx)', description: '筛选条件同项目列表；最多 10000 行（响应头 X-Total-Count 为符合条件的总数）。' })
  @ApiZodQuery(exportProjectsQuery)
  @ApiOkResponse({ description: 'xlsx' })
  async export(
    @CurrentUser() user: Principal,
    @ZodQuery(exportProjectsQuery) query: ExportProjectsQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { bytes, total } = await this.imports.export(user, query);
    res.setHeader('X-Total-Count', String(total));
    const name = `项目清单-${this.clock.today().replace(/-/g, '')}.xlsx`;
    return new StreamableFile(bytes, { type: XLSX_CONTENT_TYPE, length: bytes.length, disposition: attachmentDisposition(name) });
  }
}
