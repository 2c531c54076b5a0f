import { Workbook } from 'exceljs';
import { formatWanYuan } from '@xiaojian/domain-kernel';
import { KIND_LABELS } from './ledger-entry.mapping';
import { ProjectLedgerResponse, RateFiguresDto } from './ledger-reader.service';

const WAN = '#,##0.00';
const rateText = (r: RateFiguresDto['spendingRate']) => (r.kind === 'rate' ? `${r.percent}%` : r.label);
/** 万元 with two decimals as an Excel number (display only; the exact yuan column sits beside it). */
const wan = (fen: number) => Number(formatWanYuan(fen));

export const LEDGER_SHEET_HEADERS = [
  '序号', '日期', '类型', '资金来源', '预算年度', '文号/凭证号', '收款单位', '用途/冲销原因', '金额（万元）', '金额（元）', '关联分录', '录入人', '录入时间',
] as const;

/** A project's ledger as an .xlsx workbook: a summary sheet (汇总) and the entries (明细), money in 万元. */
export async function ledgerWorkbook(ledger: ProjectLedgerResponse): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '校建 · 资金服务';
  workbook.created = new Date();

  const summary = workbook.addWorksheet('汇总');
  summary.columns = [{ width: 22 }, { width: 40 }];
  const { project, balance, rates } = ledger;
  const lines: Array<[string, string | number]> = [
    ['项目编号', project.code],
    ['项目名称', project.name],
    ['乡镇（街道）区划代码', project.townshipCode],
    ['项目状态', project.cancelled ? `已取消（${project.cancelledOn ?? ''}）` : '正常'],
    ['截至日期', ledger.asOf],
    ['下达资金（万元）', wan(balance.allocated.fen)],
    ['已拨付（万元）', wan(balance.disbursed.fen)],
    ['已支出（万元）', wan(balance.spent.fen)],
    ['未拨付（万元）', wan(balance.undisbursed.fen)],
    ['已拨未支（万元）', wan(balance.unspent.fen)],
    ['拨付率', rateText(rates.disbursementRate)],
    ['支出率', rateText(rates.spendingRate)],
    ['序时进度', `${rates.schedulePercent}%`],
    ['是否滞后于序时进度', rates.behindSchedule ? `是（差 ${rates.gapPoints} 个百分点）` : '否'],
  ];
  for (const [label, value] of lines) {
    const row = summary.addRow([label, value]);
    if (typeof value === 'number') row.getCell(2).numFmt = WAN;
    row.getCell(1).font = { bold: true };
  }

  const sheet = workbook.addWorksheet('明细');
  sheet.columns = LEDGER_SHEET_HEADERS.map((header) => ({
    header,
    width: ['用途/冲销原因', '收款单位', '关联分录', '录入时间', '文号/凭证号'].includes(header) ? 28 : 12,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  ledger.entries.forEach((e, i) => {
    const row = sheet.addRow([
      i + 1,
      e.date,
      KIND_LABELS[e.kind].zh,
      e.sourceLabel,
      e.fiscalYear,
      e.documentNumber ?? e.voucherNumber ?? '',
      e.payee ?? '',
      e.purpose ?? e.reason ?? '',
      wan(e.kind === 'reversal' ? -e.amountFen : e.amountFen),
      e.kind === 'reversal' ? `-${e.amount}` : e.amount,
      e.allocationId ?? e.originalId ?? '',
      e.recordedBy,
      e.recordedAt,
    ]);
    row.getCell(9).numFmt = WAN;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
