import ExcelJS from 'exceljs';
import { Cell } from './project-import.parser';
import { IMPORT_COLUMNS } from './import-columns';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const LEDGER_SHEET = '项目台账';

/** exceljs cell values (rich text, formulas, hyperlinks, errors) flattened to plain values. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return plain(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** The first worksheet (or the one named 项目台账) as rows of plain cells. */
export async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(LEDGER_SHEET) ?? workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Cell[][] = [];
  const width = Math.max(sheet.columnCount, IMPORT_COLUMNS.length);
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(plain(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

const TEXT_FIELDS = new Set(['code', 'schoolCode', 'countyCode', 'townshipCode', 'plannedInvestment']);

/** The import template: the ledger sheet with headers and one example row, plus an instructions sheet. */
export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '校建 Xiaojian';
  const sheet = workbook.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: Math.max(12, c.header.length * 2 + 4),
    style: TEXT_FIELDS.has(c.field) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.example])));

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 22 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'hint', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow({ header: c.header, required: c.required ? '必填' : '选填', hint: c.hint });
  help.addRow({});
  help.addRow({ header: '说明', hint: '第1行为表头，从第2行开始每行一个项目（示例行请删除或改为真实数据）。导入前可先“试导入”（dryRun=true）检查错误，正式导入时全部成功或全部不导入。' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ExportColumn {
  header: string;
  width: number;
  numFmt?: string;
}

/** A one-sheet workbook from a header list and rows of values. */
export async function buildWorkbook(sheetName: string, columns: readonly ExportColumn[], rows: readonly (readonly Cell[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '校建 Xiaojian';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
