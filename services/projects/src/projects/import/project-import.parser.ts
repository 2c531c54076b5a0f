import { IsoDate, isIsoDate } from '../../domain';
import { NewProject, NewProjectInput, validateNewProject } from '../project-input';
import { IMPORT_COLUMNS, ImportColumn, ImportField, KIND_LOOKUP, LEVEL_LOOKUP, OWNERSHIP_LOOKUP, normalizeHeader } from './import-columns';

/** What a spreadsheet cell can hold once read (exceljs values are flattened to these). */
export type Cell = string | number | boolean | Date | null | undefined;

/** One problem in the file: spreadsheet row number (header = 1), the column's Chinese header, and what is wrong. */
export interface ImportIssue {
  row: number;
  column: string;
  problem: string;
}

export interface ParsedImportRow {
  row: number;
  project: NewProject;
}

export interface ParsedImport {
  /** Data rows read (blank rows are skipped). */
  totalRows: number;
  rows: ParsedImportRow[];
  issues: ImportIssue[];
}

export const MAX_IMPORT_ROWS = 5000;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const isBlank = (cell: Cell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

const dateText = (d: Date) => d.toISOString().slice(0, 10);

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dateText(cell);
  return String(cell).trim();
}

/** Numbers may come as numbers or as text with thousands separators or a unit suffix. */
function numeric(cell: Cell, suffix?: RegExp): unknown {
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'number') return cell;
  let s = text(cell).replace(/[,，]/g, '');
  if (suffix) s = s.replace(suffix, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : text(cell);
}

/** Yuan as an exact decimal string: a numeric cell is written out without exponent; "¥" and commas are dropped. */
function money(cell: Cell): unknown {
  if (isBlank(cell)) return undefined;
  // A typed number's shortest decimal form is what the clerk typed (12345678.9); more than two
  // decimals, a sign or an exponent are then refused by parseYuan with a message naming the column.
  if (typeof cell === 'number') return String(cell);
  return text(cell).replace(/^[¥￥]/, '').replace(/[,，]/g, '').replace(/元$/, '');
}

/** Dates as Excel gives them: a Date, a serial number, or text such as 2025/3/1 or 2025年3月1日. */
export function dateCell(cell: Cell): unknown {
  if (isBlank(cell)) return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'invalid' : dateText(cell);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell > 20_000 && cell < 80_000) return dateText(new Date(EXCEL_EPOCH_MS + cell * 86_400_000));
    return String(cell);
  }
  const s = text(cell);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return s;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** Division codes typed as numbers, or in the 12-digit statistical form padded with zeros. */
function divisionCell(cell: Cell, digits: 6 | 9): unknown {
  if (isBlank(cell)) return undefined;
  const s = typeof cell === 'number' ? String(Math.trunc(cell)) : text(cell);
  if (/^\d{12}$/.test(s) && s.slice(digits).split('').every((c) => c === '0')) return s.slice(0, digits);
  return s;
}

function lookupCell<T extends string>(cell: Cell, table: Map<string, T>): { value?: T; raw: string } {
  const raw = text(cell);
  return { value: table.get(raw) ?? table.get(raw.toLowerCase()), raw };
}

const FIELD_TO_COLUMN = new Map<string, ImportColumn>(IMPORT_COLUMNS.map((c) => [c.field, c]));

/** Maps header cells to columns; reports missing required columns and repeated headers. */
export function mapHeader(header: readonly Cell[]): { index: Map<ImportField, number>; issues: ImportIssue[] } {
  const index = new Map<ImportField, number>();
  const issues: ImportIssue[] = [];
  const byNormalized = new Map(IMPORT_COLUMNS.map((c) => [normalizeHeader(c.header), c]));
  header.forEach((cell, i) => {
    const column = byNormalized.get(normalizeHeader(text(cell)));
    if (!column) return;
    if (index.has(column.field)) {
      issues.push({ row: 1, column: column.header, problem: `表头“${column.header}”出现了不止一次，请删除重复的列` });
      return;
    }
    index.set(column.field, i);
  });
  for (const column of IMPORT_COLUMNS) {
    if (column.required && !index.has(column.field)) {
      issues.push({ row: 1, column: column.header, problem: `缺少必填列“${column.header}”，请使用导入模板的表头` });
    }
  }
  return { index, issues };
}

/** Turns one data row into a validated project, or into issues named by column. */
export function parseRow(cells: readonly Cell[], index: Map<ImportField, number>, rowNumber: number, today: IsoDate): { project?: NewProject; issues: ImportIssue[] } {
  const cell = (field: ImportField): Cell => {
    const i = index.get(field);
    return i === undefined ? undefined : cells[i];
  };
  const issues: ImportIssue[] = [];
  const cellIssue = new Set<string>();
  const addCellIssue = (field: ImportField, problem: string) => {
    cellIssue.add(field);
    issues.push({ row: rowNumber, column: FIELD_TO_COLUMN.get(field)!.header, problem });
  };

  const choose = <T extends string>(field: ImportField, table: Map<string, T>, what: string): T | undefined => {
    const { value, raw } = lookupCell(cell(field), table);
    if (value === undefined && raw !== '') {
      const choices = [...new Set([...table.entries()].filter(([k, v]) => k !== v).map(([k]) => k))].slice(0, 12).join('、');
      addCellIssue(field, `${what}“${raw}”无法识别，可填：${choices}`);
    }
    return value;
  };

  const input: NewProjectInput = {
    code: text(cell('code')) || undefined,
    name: text(cell('name')) || undefined,
    kind: choose('kind', KIND_LOOKUP, '项目类型'),
    schoolCode: text(cell('schoolCode')) || undefined,
    schoolName: text(cell('schoolName')) || undefined,
    schoolLevel: choose('schoolLevel', LEVEL_LOOKUP, '学段'),
    ownership: choose('ownership', OWNERSHIP_LOOKUP, '办学性质'),
    countyCode: divisionCell(cell('countyCode'), 6),
    townshipCode: divisionCell(cell('townshipCode'), 9),
    plannedInvestment: money(cell('plannedInvestment')),
    plannedFloorArea: numeric(cell('plannedFloorArea'), /(㎡|平方米|m²)$/),
    plannedSeats: numeric(cell('plannedSeats'), /个$/),
    plannedStartDate: dateCell(cell('plannedStartDate')),
    plannedCompletionDate: dateCell(cell('plannedCompletionDate')),
    programmeYear: numeric(cell('programmeYear'), /年$/),
    programmeName: text(cell('programmeName')),
    notes: text(cell('notes')),
  };
  for (const field of ['plannedStartDate', 'plannedCompletionDate'] as const) {
    const v = input[field];
    if (typeof v === 'string' && !isIsoDate(v)) {
      addCellIssue(field, `${FIELD_TO_COLUMN.get(field)!.header}“${text(cell(field))}”不是有效日期，请填写如 2025-03-01`);
    }
  }

  const result = validateNewProject(input, today);
  if (!result.ok) {
    for (const e of result.error) {
      if (cellIssue.has(e.field)) continue;
      const column = FIELD_TO_COLUMN.get(e.field);
      issues.push({ row: rowNumber, column: column?.header ?? e.field, problem: e.zh });
    }
  }
  if (issues.length > 0) return { issues };
  return { project: (result as { ok: true; value: NewProject }).value, issues };
}

/**
 * Parses a whole sheet (first row = header). Every problem of every row is reported; a code
 * repeated within the file (same county) is an error on the later row.
 */
export function parseImportTable(table: readonly (readonly Cell[])[], today: IsoDate): ParsedImport {
  if (table.length === 0 || table[0].every(isBlank)) {
    return { totalRows: 0, rows: [], issues: [{ row: 1, column: '', problem: '文件是空的：第1行应为表头，请使用导入模板' }] };
  }
  const { index, issues } = mapHeader(table[0]);
  if (issues.some((i) => i.problem.startsWith('缺少必填列'))) return { totalRows: Math.max(0, table.length - 1), rows: [], issues };

  const rows: ParsedImportRow[] = [];
  const seen = new Map<string, number>();
  let totalRows = 0;
  for (let r = 1; r < table.length; r += 1) {
    const cells = table[r];
    if (cells.every(isBlank)) continue;
    totalRows += 1;
    const rowNumber = r + 1;
    if (totalRows > MAX_IMPORT_ROWS) {
      issues.push({ row: rowNumber, column: '', problem: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入` });
      break;
    }
    const parsed = parseRow(cells, index, rowNumber, today);
    issues.push(...parsed.issues);
    if (!parsed.project) continue;
    const key = `${parsed.project.countyCode}/${parsed.project.code}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({ row: rowNumber, column: '项目编号', problem: `项目编号“${parsed.project.code}”与第${earlier}行重复（同一县内项目编号必须唯一）` });
      continue;
    }
    seen.set(key, rowNumber);
    rows.push({ row: rowNumber, project: parsed.project });
  }
  if (totalRows === 0) issues.push({ row: 2, column: '', problem: '文件中没有数据行：请从第2行开始填写项目' });
  return { totalRows, rows, issues };
}
