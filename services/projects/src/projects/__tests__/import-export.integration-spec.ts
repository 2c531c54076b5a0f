import ExcelJS from 'exceljs';
import { bearer } from '@xiaojian/platform';
import { TestService, outboxEvents } from '@xiaojian/service-testing';
import { countRows, randomCounty, startProjectsService } from './fixtures';

const HEADERS = [
  '项目编号', '项目名称', '项目类型', '学校代码', '学校名称', '学段', '办学性质', '县级区划代码', '乡镇区划代码',
  '计划投资(元)', '计划建筑面积(㎡)', '计划新增学位', '计划开工日期', '计划竣工日期', '项目年度', '项目批次/计划名称', '备注',
];

async function xlsx(rows: unknown[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目台账');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readSheet(bytes: Buffer, name?: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = name ? wb.getWorksheet(name)! : wb.worksheets[0];
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

const binary = (res: any, cb: (err: Error | null, body: any) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('project ledger import and export (real PostgreSQL + broker)', () => {
  let service: TestService;
  const county = randomCounty();
  const t1 = `${county}201`;
  const t2 = `${county}202`;
  const planner = bearer('planner', [county], { sub: 'planner-wang', name: '王五' });

  beforeAll(async () => {
    service = await startProjectsService();
  });
  afterAll(() => service.close());

  const importFile = (bytes: Buffer, name: string, dryRun?: boolean, auth = planner) =>
    service.http().post(`/api/v1/projects/import${dryRun === undefined ? '' : `?dryRun=${dryRun}`}`).set('Authorization', auth).attach('file', bytes, name);

  const goodRows = () => [
    ['IMP-001', '城关幼儿园新建工程', '新建', 'K-001', '城关幼儿园', '幼儿园', '公办', county, t1, 5_600_000.5, 3200, 270, new Date(Date.UTC(2025, 2, 1)), new Date(Date.UTC(2026, 7, 31)), 2025, '学前教育提升', ''],
    ['IMP-002', '河口中学维修改造', 'renovation', 'J-002', '河口中学', '初中', 'public', county, Number(t2), '1,200,000.00', '1500.25', '0', '2025/4/1', '2025年9月30日', '2025年', '', '屋面防水'],
    ['IMP-003', '民办实验学校设备购置', '设备购置', 'P-003', '实验学校', '九年一贯制', '民办', `${county}000000`, `${t2}000`, '800000', 0, 0, '2025-05-01', '2025-06-30', 2025, '', ''],
  ];

  it('serves the template with the documented Chinese headers and instructions', async () => {
    const res = await service.http().get('/api/v1/projects/import/template').set('Authorization', planner).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await readSheet(res.body as Buffer, '项目台账');
    expect(rows[0]).toEqual(HEADERS);
    const help = await readSheet(res.body as Buffer, '填写说明');
    expect(help.map((r) => r[0])).toEqual(expect.arrayContaining(HEADERS));
  });

  it('dry-runs a bad file into a row-by-row Chinese report and writes nothing; committing it is refused with the same report', async () => {
    const rows = goodRows();
    rows[1][2] = '盖楼'; // unknown kind
    rows[1][12] = '2025/13/45'; // not a date
    rows[2][9] = '-100'; // negative money
    rows[2][13] = '2025-01-01'; // completion before start
    const dup = [...goodRows()[0]];
    dup[1] = '重复的项目';
    const file = await xlsx([...rows, [], dup]);
    const projectsBefore = await countRows(service, 'project');
    const outboxBefore = await countRows(service, 'outbox_event');

    const dry = await importFile(file, '台账.xlsx', true).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, totalRows: 4, validRows: 1 });
    const report = dry.body.errors as { row: number; column: string; problem: string }[];
    expect(report.map((e) => `${e.row}:${e.column}`)).toEqual([
      '3:项目类型', '3:计划开工日期', '4:计划投资(元)', '4:计划竣工日期', '6:项目编号',
    ]);
    expect(report[0].problem).toContain('项目类型“盖楼”无法识别');
    expect(report[2].problem).toContain('不能为负数');
    expect(report[3].problem).toBe('计划竣工日期不能早于计划开工日期');
    expect(report[4].problem).toContain('与第2行重复');

    const commit = await importFile(file, '台账.xlsx').expect(422);
    expect(commit.body).toMatchObject({ code: 'import-rejected', totalRows: 4, errorCount: 5 });
    expect(commit.body.report).toEqual(report);
    expect(await countRows(service, 'project')).toBe(projectsBefore);
    expect(await countRows(service, 'outbox_event')).toBe(outboxBefore);
  });

  it('reports missing columns, foreign counties and unsupported files', async () => {
    const noHeader = await importFile(await xlsx([['X']], HEADERS.filter((h) => h !== '计划投资(元)')), 'a.xlsx', true).expect(200);
    expect(noHeader.body.errors).toEqual([{ row: 1, column: '计划投资(元)', problem: '缺少必填列“计划投资(元)”，请使用导入模板的表头' }]);

    const other = randomCounty();
    const foreign = goodRows()[0];
    foreign[7] = other;
    foreign[8] = `${other}001`;
    const res = await importFile(await xlsx([foreign]), 'b.xlsx', true).expect(200);
    expect(res.body.errors).toEqual([{ row: 2, column: '县级区划代码', problem: `县级区划 ${other} 不在您的管辖范围内，不能导入` }]);

    const pdf = await importFile(Buffer.from('%PDF-1.4 not a ledger'), 'ledger.xlsx').expect(415);
    expect(pdf.body).toMatchObject({ code: 'unsupported-file-type', errors: [{ field: 'file' }] });
    await importFile(await xlsx([goodRows()[0]]), 'c.xlsx', true, bearer('leader', [county])).expect(403);
    const badFlag = await service.http().post('/api/v1/projects/import?dryRun=yes').set('Authorization', planner)
      .attach('file', await xlsx([goodRows()[0]]), 'c.xlsx').expect(400);
    expect(badFlag.body.errors[0].field).toBe('dryRun');
  });

  it('commits a good .xlsx in one transaction, emitting one ProjectRegisteredV1 per row; a second import of it is refused', async () => {
    const file = await xlsx(goodRows());
    const dry = await importFile(file, '台账.xlsx', true).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, totalRows: 3, validRows: 3, errorCount: 0, errors: [] });

    const res = await importFile(file, '台账.xlsx', false).expect(201);
    expect(res.body).toMatchObject({ dryRun: false, totalRows: 3, errorCount: 0 });
    expect(res.body.created.map((c: { row: number; code: string }) => [c.row, c.code])).toEqual([[2, 'IMP-001'], [3, 'IMP-002'], [4, 'IMP-003']]);

    const ids = new Set(res.body.created.map((c: { id: string }) => c.id));
    const events = (await outboxEvents(service.dataSource)).filter((e) => ids.has(e.data.projectId));
    expect(events.map((e) => `${e.type}:${e.data.code}`)).toEqual([
      'cn.xiaojian.projects.project.registered.v1:IMP-001',
      'cn.xiaojian.projects.project.registered.v1:IMP-002',
      'cn.xiaojian.projects.project.registered.v1:IMP-003',
    ]);
    expect(events[0].data).toMatchObject({
      kind: 'new_build', schoolLevel: 'kindergarten', ownership: 'public', countyCode: county, townshipCode: t1,
      plannedInvestmentFen: 560_000_050, plannedFloorArea: 3200, plannedSeats: 270,
      plannedStartDate: '2025-03-01', plannedCompletionDate: '2026-08-31', programmeYear: 2025, programmeName: '学前教育提升',
      registeredBy: 'planner-wang',
    });
    expect(events[1].data).toMatchObject({ kind: 'renovation', townshipCode: t2, plannedInvestmentFen: 120_000_000, plannedFloorArea: 1500.25, plannedCompletionDate: '2025-09-30' });
    expect(events[2].data).toMatchObject({ kind: 'equipment', schoolLevel: 'nine_year', ownership: 'private', countyCode: county, townshipCode: t2 });

    const again = await importFile(file, '台账.xlsx').expect(422);
    expect(again.body.report).toHaveLength(3);
    expect(again.body.report[0]).toEqual({ row: 2, column: '项目编号', problem: `项目编号“IMP-001”在县级区划 ${county} 中已存在` });
  });

  it('imports a UTF-8 .csv with a BOM', async () => {
    const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    const csv = [
      line(HEADERS),
      line(['CSV-001', '东街小学"薄改"工程', '薄弱学校改造', 'S-9', '东街小学', '小学', '公办', county, t1, '2,500,000', '900', '180', '2025-03-01', '2025-12-31', '2025', '改薄', '']),
    ].join('\r\n');
    const res = await importFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]), '台账.csv').expect(201);
    expect(res.body.created).toHaveLength(1);
    const project = await service.http().get(`/api/v1/projects/${res.body.created[0].id}`).set('Authorization', planner).expect(200);
    expect(project.body).toMatchObject({ name: '东街小学"薄改"工程', kind: 'weak_school_upgrade', plannedInvestmentFen: 250_000_000 });
  });

  it('exports the filtered list to .xlsx within the caller\'s jurisdiction', async () => {
    const res = await service.http().get(`/api/v1/projects/export.xlsx?county=${county}&kind=renovation`).set('Authorization', planner)
      .buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['x-total-count']).toBe('1');
    const rows = await readSheet(res.body as Buffer);
    expect(rows[0].slice(0, HEADERS.length)).toEqual(HEADERS);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 3)).toEqual(['IMP-002', '河口中学维修改造', '维修改造']);
    expect(rows[1][9]).toBe(1_200_000);
    expect(rows[1][17]).toBe('立项');

    const townshipView = await service.http().get('/api/v1/projects/export.xlsx').set('Authorization', bearer('township', [t1]))
      .buffer(true).parse(binary).expect(200);
    const codes = (await readSheet(townshipView.body as Buffer)).slice(1).map((r) => r[0]);
    expect(codes.sort()).toEqual(['CSV-001', 'IMP-001']);
  });
});
