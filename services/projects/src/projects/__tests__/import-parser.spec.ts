import { decodeCsv, parseCsv } from '../import/csv';
import { normalizeHeader } from '../import/import-columns';
import { Cell, dateCell, mapHeader, parseImportTable } from '../import/project-import.parser';

const TODAY = '2025-06-15';
const HEADER = ['项目编号', '项目名称', '项目类型', '学校代码', '学校名称', '学段', '办学性质', '县级区划代码', '乡镇区划代码',
  '计划投资(元)', '计划建筑面积(㎡)', '计划新增学位', '计划开工日期', '计划竣工日期', '项目年度', '项目批次/计划名称', '备注'];
const row = (overrides: Record<number, Cell> = {}): Cell[] => {
  const base: Cell[] = ['A-1', '某小学扩建', '改扩建', 'S1', '某小学', '小学', '公办', '341321', '341321100', '1000000', 500, 90, '2025-03-01', '2025-12-31', 2025, '', ''];
  for (const [i, v] of Object.entries(overrides)) base[Number(i)] = v;
  return base;
};

describe('import row parser', () => {
  it('accepts Chinese labels, codes, Excel dates and serials, numbers typed as text, and 12-digit division codes', () => {
    const parsed = parseImportTable([
      HEADER,
      row(),
      row({ 0: 'A-2', 2: 'weak_school_upgrade', 5: '九年一贯制', 6: '普惠性民办', 7: 341321, 8: '341321100000', 9: 1234.5, 10: '1,200.5㎡', 11: '300', 12: new Date(Date.UTC(2025, 2, 1)), 13: 46022, 14: '2025年' }),
      row({ 0: 'A-3', 12: '2025/3/1', 13: '2025年12月1日', 9: '¥2,000,000.00元' }),
    ], TODAY);
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(parsed.rows[1].project).toMatchObject({
      kind: 'weak_school_upgrade', schoolLevel: 'nine_year', ownership: 'inclusive_private', countyCode: '341321', townshipCode: '341321100',
      plannedInvestmentFen: 123_450, plannedFloorArea: 1200.5, plannedSeats: 300, plannedStartDate: '2025-03-01', plannedCompletionDate: '2025-12-31', programmeYear: 2025,
    });
    expect(parsed.rows[2].project).toMatchObject({ plannedStartDate: '2025-03-01', plannedCompletionDate: '2025-12-01', plannedInvestmentFen: 200_000_000 });
  });

  it('reports each problem by row and Chinese column header, in Chinese', () => {
    const parsed = parseImportTable([
      HEADER,
      row({ 2: '盖楼', 9: '12.345', 11: -5 }),
      [],
      row({ 0: '', 8: '341399100', 12: '明年三月' }),
      row(),
      row({ 1: '重复编号的项目' }),
    ], TODAY);
    expect(parsed.totalRows).toBe(4);
    expect(parsed.issues.map((i) => `${i.row}|${i.column}`)).toEqual([
      '2|项目类型', '2|计划投资(元)', '2|计划新增学位',
      '4|计划开工日期', '4|项目编号', '4|乡镇区划代码',
      '6|项目编号',
    ]);
    expect(parsed.issues[0].problem).toMatch(/^项目类型“盖楼”无法识别，可填：新建、改扩建/);
    expect(parsed.issues[1].problem).toBe('计划投资（元）：金额最多保留两位小数（精确到分）');
    expect(parsed.issues[2].problem).toBe('计划新增学位不能小于0');
    expect(parsed.issues[3].problem).toContain('“明年三月”不是有效日期');
    expect(parsed.issues[4].problem).toBe('项目编号不能为空');
    expect(parsed.issues[5].problem).toContain('不属于县级代码 341321');
    expect(parsed.issues[6].problem).toBe('项目编号“A-1”与第5行重复（同一县内项目编号必须唯一）');
    expect(parsed.rows.map((r) => r.row)).toEqual([5]);
  });

  it('matches headers loosely but requires every mandatory column', () => {
    const loose = mapHeader(HEADER.map((h) => h.replace('(', '（').replace(')', '）').replace('㎡', 'm²')).concat(['无关列']));
    expect(loose.issues).toEqual([]);
    expect(loose.index.get('plannedFloorArea')).toBe(10);
    expect(normalizeHeader(' 计划建筑面积（平方米） ')).toBe(normalizeHeader('计划建筑面积(㎡)'));
    const missing = parseImportTable([HEADER.filter((h) => h !== '学段'), row()], TODAY);
    expect(missing.issues).toEqual([{ row: 1, column: '学段', problem: '缺少必填列“学段”，请使用导入模板的表头' }]);
    expect(parseImportTable([], TODAY).issues[0].problem).toContain('文件是空的');
    expect(parseImportTable([HEADER, [null, '']], TODAY).issues).toEqual([{ row: 2, column: '', problem: '文件中没有数据行：请从第2行开始填写项目' }]);
  });

  it('normalises date cells', () => {
    expect(dateCell('2025-3-1')).toBe('2025-03-01');
    expect(dateCell('2025.03.01')).toBe('2025-03-01');
    expect(dateCell(45717)).toBe('2025-03-01');
    expect(dateCell(3.5)).toBe('3.5');
    expect(dateCell('')).toBeUndefined();
  });
});

describe('csv', () => {
  it('parses quoted fields, doubled quotes, embedded newlines and CRLF', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"x\ny",,z\n')).toEqual([['a', 'b,c', 'say "hi"'], ['x\ny', '', 'z']]);
    expect(parseCsv('last,row')).toEqual([['last', 'row']]);
  });

  it('decodes UTF-8 with a BOM, and falls back to GB18030 as Excel on Chinese Windows saves CSV', () => {
    expect(decodeCsv(Buffer.from('\ufeff项目编号,备注', 'utf8'))).toBe('项目编号,备注');
    // 项目编号 in GBK
    expect(decodeCsv(Buffer.from([0xcf, 0xee, 0xc4, 0xbf, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0x41]))).toBe('项目编号,A');
  });
});
