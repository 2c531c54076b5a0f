import { Workbook } from 'exceljs';
import { LedgerEntryDto, money, rateDto } from '../ledger-entry.mapping';
import { LEDGER_SHEET_HEADERS, ledgerWorkbook } from '../ledger-export';
import { ProjectLedgerResponse } from '../ledger-reader.service';
import { rate } from '@xiaojian/domain-kernel';

const entry = (overrides: Partial<LedgerEntryDto>): LedgerEntryDto => ({
  id: 'e1', kind: 'allocation', kindLabel: '下达', projectId: 'p1', projectCode: 'XJ-1', projectName: '城关小学', countyCode: '360321',
  townshipCode: '360321100', source: 'central', sourceLabel: '中央', fiscalYear: 2025, date: '2025-01-10', amount: '1234567.89',
  amountFen: 123_456_789, documentNumber: '赣财教〔2025〕1号', allocationId: null, payee: null, voucherNumber: null, purpose: null,
  originalId: null, originalKind: null, reason: null, recordedBy: 'finance-1', recordedAt: '2025-01-10T02:00:00.000Z', ...overrides,
});

describe('ledger export', () => {
  it('writes a summary and the entries with Chinese headers and 万元', async () => {
    const ledger: ProjectLedgerResponse = {
      project: { id: 'p1', code: 'XJ-1', name: '城关小学', countyCode: '360321', townshipCode: '360321100', cancelled: false, cancelledOn: null },
      asOf: '2025-06-30',
      balance: { allocated: money(123_456_789), disbursed: money(0), spent: money(0), undisbursed: money(123_456_789), unspent: money(0) },
      allocations: [],
      rates: { allocated: money(123_456_789), disbursed: money(0), spent: money(0), disbursementRate: rateDto(rate(0, 123_456_789)),
        spendingRate: rateDto(rate(0, 0)), schedulePercent: '49.6', behindSchedule: false, gapPoints: null },
      entries: [
        entry({}),
        entry({ id: 'e2', kind: 'reversal', kindLabel: '冲销', amount: '0.01', amountFen: 1, documentNumber: null, originalId: 'e1', reason: '录入错误' }),
      ],
    };
    const workbook = new Workbook();
    await workbook.xlsx.load((await ledgerWorkbook(ledger)) as never);
    const summary = new Map<string, unknown>();
    workbook.getWorksheet('汇总')!.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(summary.get('下达资金（万元）')).toBe(123.46);
    expect(summary.get('支出率')).toBe('无下达资金');
    expect(summary.get('拨付率')).toBe('0.0%');
    const sheet = workbook.getWorksheet('明细')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...LEDGER_SHEET_HEADERS]);
    expect([sheet.getRow(2).getCell(3).value, sheet.getRow(2).getCell(9).value, sheet.getRow(2).getCell(10).value]).toEqual(['下达', 123.46, '1234567.89']);
    expect([sheet.getRow(3).getCell(3).value, sheet.getRow(3).getCell(8).value, sheet.getRow(3).getCell(10).value, sheet.getRow(3).getCell(11).value])
      .toEqual(['冲销', '录入错误', '-0.01', 'e1']);
  });
});
