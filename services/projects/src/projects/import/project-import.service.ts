import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { formatYuan } from '@xiaojian/domain-kernel';
import { ProblemException, canWrite, type Principal } from '@xiaojian/platform';
import { OWNERSHIP_LABELS, PHASE_LABELS, PROJECT_KIND_LABELS, SCHOOL_LEVEL_LABELS } from '../../domain';
import { Clock } from '../clock';
import { ExportProjectsQuery } from '../dto/project.schema';
import { detectFileKind, extensionOf } from '../evidence/file-type';
import { UploadedFileLike } from '../evidence/upload.decorator';
import { ProjectsRepository } from '../projects.repository';
import { ProjectsService } from '../projects.service';
import { decodeCsv, parseCsv } from './csv';
import { IMPORT_COLUMNS } from './import-columns';
import { Cell, ImportIssue, ParsedImportRow, parseImportTable } from './project-import.parser';
import { ExportColumn, buildWorkbook, readXlsx } from './spreadsheet';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface ImportReport {
  dryRun: boolean;
  /** Data rows in the file. */
  totalRows: number;
  /** Rows without errors (in a dry run: rows that would be imported if the others were fixed). */
  validRows: number;
  errorCount: number;
  errors: ImportIssue[];
  /** Committed imports: the new projects by spreadsheet row. */
  created?: { row: number; id: string; code: string }[];
}

function fileProblem(status: number, code: string, zh: string, en: string): ProblemException {
  return new ProblemException({
    status,
    code,
    title: { zh: '导入文件不符合要求', en: 'Import file rejected' },
    detail: { zh, en },
    errors: [{ field: 'file', code, message: { zh, en } }],
  });
}

/** Spreadsheet import (dry run or all-or-nothing commit) and export of the project ledger. */
@Injectable()
export class ProjectImportService {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly projects: ProjectsService,
    private readonly clock: Clock,
  ) {}

  private async readTable(file: UploadedFileLike): Promise<Cell[][]> {
    if (file.buffer.length === 0) throw fileProblem(400, 'empty-file', '上传的文件是空的', 'The uploaded file is empty');
    const ext = extensionOf(file.originalname);
    const kind = detectFileKind(file.buffer);
    if (kind === 'xlsx') {
      try {
        return await readXlsx(file.buffer);
      } catch {
        throw fileProblem(415, 'unreadable-spreadsheet', '无法读取该 Excel 文件，文件可能已损坏，请另存为 .xlsx 后重试', 'The .xlsx file could not be read');
      }
    }
    // CSV has no signature: accept it by name, but refuse anything that is clearly binary.
    if (ext === 'csv' && kind === undefined && !file.buffer.subarray(0, 4096).includes(0)) return parseCsv(decodeCsv(file.buffer));
    throw fileProblem(415, 'unsupported-file-type',
      '只能导入 .xlsx 或 .csv 文件（按文件内容识别；旧版 .xls 请在 Excel 中另存为 .xlsx）',
      'Only .xlsx or .csv files can be imported (detected by content; save .xls as .xlsx)');
  }

  /** Issues that need the database or the caller: jurisdiction and codes that already exist. */
  private async contextIssues(principal: Principal, rows: ParsedImportRow[]): Promise<{ valid: ParsedImportRow[]; issues: ImportIssue[] }> {
    const issues: ImportIssue[] = [];
    const allowed = rows.filter((r) => {
      if (canWrite(principal, { countyCode: r.project.countyCode, townshipCode: r.project.townshipCode })) return true;
      issues.push({ row: r.row, column: '县级区划代码', problem: `县级区划 ${r.project.countyCode} 不在您的管辖范围内，不能导入` });
      return false;
    });
    const byCounty = new Map<string, ParsedImportRow[]>();
    for (const r of allowed) byCounty.set(r.project.countyCode, [...(byCounty.get(r.project.countyCode) ?? []), r]);
    const valid: ParsedImportRow[] = [];
    for (const [county, countyRows] of byCounty) {
      const existing = await this.repository.existingCodes(county, countyRows.map((r) => r.project.code));
      for (const r of countyRows) {
        if (existing.has(r.project.code)) issues.push({ row: r.row, column: '项目编号', problem: `项目编号“${r.project.code}”在县级区划 ${county} 中已存在` });
        else valid.push(r);
      }
    }
    return { valid, issues };
  }

  async import(principal: Principal, file: UploadedFileLike, dryRun: boolean): Promise<ImportReport> {
    const table = await this.readTable(file);
    const parsed = parseImportTable(table, this.clock.today());
    const context = await this.contextIssues(principal, parsed.rows);
    const errors = [...parsed.issues, ...context.issues].sort((a, b) => a.row - b.row);
    const report: ImportReport = { dryRun, totalRows: parsed.totalRows, validRows: context.valid.length, errorCount: errors.length, errors };
    if (dryRun) return report;
    if (errors.length > 0) throw this.rejected(report);

    try {
      const created = await this.repository.transaction(async (manager) => {
        const out: { row: number; id: string; code: string }[] = [];
        for (const r of context.valid) {
          const project = this.projects.buildProject(r.project, principal);
          await this.projects.register(manager, project);
          out.push({ row: r.row, id: project.id, code: project.code });
        }
        return out;
      });
      return { ...report, created };
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string })?.code === '23505') {
        // A code registered concurrently between the check and the commit: nothing was written.
        throw this.rejected({ ...report, errorCount: 1, errors: [{ row: 1, column: '项目编号', problem: '导入期间有项目编号被他人登记，未导入任何数据，请重新试导入' }] });
      }
      throw e;
    }
  }

  private rejected(report: ImportReport): ProblemException {
    return new ProblemException({
      status: 422,
      code: 'import-rejected',
      title: { zh: '导入文件有错误，未导入任何数据', en: 'Import rejected; nothing was imported' },
      detail: {
        zh: `共 ${report.totalRows} 行，发现 ${report.errorCount} 处错误，全部未导入。请按错误清单（行、列、问题）修改后重新导入。`,
        en: `${report.errorCount} problem(s) in ${report.totalRows} row(s); nothing was imported.`,
      },
      extensions: { totalRows: report.totalRows, validRows: report.validRows, errorCount: report.errorCount, report: report.errors },
    });
  }

  /** The filtered list as an .xlsx workbook: the template columns, then phase, progress and status. */
  async export(principal: Principal, query: ExportProjectsQuery): Promise<{ bytes: Buffer; total: number; exported: number }> {
    const { items, total } = await this.projects.listForExport(principal, query);
    const columns: ExportColumn[] = [
      ...IMPORT_COLUMNS.map((c) => ({
        header: c.header,
        width: Math.max(12, c.header.length * 2 + 4),
        numFmt: c.field === 'plannedInvestment' ? '#,##0.00' : c.field === 'plannedFloorArea' ? '0.00' : undefined,
      })),
      { header: '当前阶段', width: 12 },
      { header: '阶段日期', width: 12 },
      { header: '最新形象进度(%)', width: 16, numFmt: '0.0' },
      { header: '进度月份', width: 10 },
      { header: '是否逾期', width: 10 },
      { header: '施工单位', width: 28 },
      { header: '合同金额(元)', width: 18, numFmt: '#,##0.00' },
      { header: '项目ID', width: 38 },
    ];
    const rows: Cell[][] = items.map((p) => [
      p.code, p.name, PROJECT_KIND_LABELS[p.kind].zh, p.schoolCode, p.schoolName, SCHOOL_LEVEL_LABELS[p.schoolLevel].zh,
      OWNERSHIP_LABELS[p.ownership].zh, p.countyCode, p.townshipCode, Number(formatYuan(p.plannedInvestmentFen)), p.plannedFloorArea,
      p.plannedSeats, p.plannedStartDate, p.plannedCompletionDate, p.programmeYear, p.programmeName, p.notes,
      PHASE_LABELS[p.phase].zh, p.phaseSince, p.latestProgress?.percent ?? null, p.latestProgress?.month ?? null, p.overdue ? '是' : '否',
      p.construction?.contractor ?? null, p.construction?.contractAmountFen == null ? null : Number(formatYuan(p.construction.contractAmountFen)), p.id,
    ]);
    return { bytes: await buildWorkbook('项目清单', columns, rows), total, exported: items.length };
  }
}
