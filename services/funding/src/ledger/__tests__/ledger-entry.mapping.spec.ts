import { validateEventData } from '@xiaojian/contracts';
import { rate } from '@xiaojian/domain-kernel';
import { LedgerEntryEntity } from '../ledger-entry.entity';
import { eventFor, money, rateDto, toDomainEntry, toEntryDto } from '../ledger-entry.mapping';

const PROJECT = '7a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const ALLOCATION = '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b';

function row(overrides: Partial<LedgerEntryEntity>): LedgerEntryEntity {
  return {
    id: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', seq: 1, kind: 'allocation', projectId: PROJECT, countyCode: '360321', townshipCode: '360321100',
    source: 'central', fiscalYear: 2025, date: '2025-02-01', amountFen: 123_450, documentNumber: null, allocationId: null, payee: null,
    voucherNumber: null, purpose: null, originalId: null, originalKind: null, reason: null, recordedBy: 'finance-1',
    recordedAt: new Date('2025-02-01T02:00:00Z'), ...overrides,
  };
}

describe('ledger entry mapping', () => {
  it('maps every kind to the pure ledger shape', () => {
    expect(toDomainEntry(row({ documentNumber: '赣财教〔2025〕1号' }))).toEqual({
      kind: 'allocation', id: expect.any(String), date: '2025-02-01', amountFen: 123_450, projectId: PROJECT, source: 'central',
      fiscalYear: 2025, documentNumber: '赣财教〔2025〕1号',
    });
    expect(toDomainEntry(row({ kind: 'disbursement', allocationId: ALLOCATION }))).toMatchObject({ kind: 'disbursement', allocationId: ALLOCATION });
    expect(toDomainEntry(row({ kind: 'expenditure', payee: 'A', voucherNumber: 'V', purpose: 'P' })))
      .toMatchObject({ kind: 'expenditure', projectId: PROJECT, payee: 'A', voucherNumber: 'V', purpose: 'P' });
    expect(toDomainEntry(row({ kind: 'reversal', originalId: ALLOCATION, reason: 'R' }))).toMatchObject({ kind: 'reversal', originalId: ALLOCATION, reason: 'R' });
  });

  it('builds events that satisfy the contracts for every kind', () => {
    const events = [
      eventFor(row({ documentNumber: '赣财教〔2025〕1号' })),
      eventFor(row({ kind: 'disbursement', allocationId: ALLOCATION })),
      eventFor(row({ kind: 'expenditure', payee: '县建筑公司', voucherNumber: '记-1', purpose: '进度款' })),
      eventFor(row({ kind: 'reversal', originalId: ALLOCATION, originalKind: 'allocation', reason: '录入错误' })),
    ];
    for (const [definition, data] of events) expect(() => validateEventData(definition, data)).not.toThrow();
    expect(events.map(([d]) => d.type)).toEqual([
      'cn.xiaojian.funding.allocation.recorded.v1', 'cn.xiaojian.funding.disbursement.recorded.v1',
      'cn.xiaojian.funding.expenditure.recorded.v1', 'cn.xiaojian.funding.entry.reversed.v1',
    ]);
    expect(events[2][1]).toMatchObject({ disbursementId: null, amountFen: 123_450, townshipCode: '360321100', fiscalYear: 2025 });
  });

  it('renders entries and money in yuan and 万元, rates without 0 % or NaN for no allocation', () => {
    expect(toEntryDto(row({}), { code: 'XJ-1', name: '城关小学' })).toMatchObject({
      amount: '1234.50', amountFen: 123_450, kindLabel: '下达', sourceLabel: '中央', projectCode: 'XJ-1', recordedAt: '2025-02-01T02:00:00.000Z',
    });
    expect(money(1_046_500_000)).toEqual({ fen: 1_046_500_000, yuan: '10465000.00', wanYuan: '1046.50' });
    expect(rateDto(rate(0, 0))).toEqual({ kind: 'no_denominator', percent: null, label: '无下达资金', labelEn: 'no allocation' });
    expect(rateDto(rate(1, 3))).toEqual({ kind: 'rate', percent: '33.3', value: 1 / 3 });
  });
});
