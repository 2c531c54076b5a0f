import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate } from '@xiaojian/domain-kernel';
import { assertCanRead, Page, pageOffset, Principal, ProblemException, scopeFilter, toPage } from '@xiaojian/platform';
import {
  allocationBalances, FUNDING_SOURCE_LABELS, isFundingSource, Ledger, projectBalance, RateFigures, RateGrouping, ScheduleCurve,
  spendingRates,
} from '../domain';
import { FundingProjectEntity } from '../projects/funding-project.entity';
import { FundingProjectRepository } from '../projects/funding-project.repository';
import { EntryListQuery, RatesQuery } from './dto/ledger.schemas';
import { LedgerEntryEntity } from './ledger-entry.entity';
import {
  LedgerEntryDto, money, MoneyDto, rateDto, RateDto, sourceLabel, toDomainEntry, toEntryDto, toFundingProject,
} from './ledger-entry.mapping';
import { LedgerRepository } from './ledger.repository';

export const SCHEDULE_CURVE = Symbol('SCHEDULE_CURVE');

export interface RateFiguresDto {
  allocated: MoneyDto;
  disbursed: MoneyDto;
  spent: MoneyDto;
  /** 拨付率 = disbursed ÷ allocated. */
  disbursementRate: RateDto;
  /** 支出率 = spent ÷ allocated. */
  spendingRate: RateDto;
  /** 序时进度 of the fiscal year as of the date, one decimal. */
  schedulePercent: string;
  behindSchedule: boolean;
  /** 序时进度 − 支出率 in percentage points, when behind. */
  gapPoints: string | null;
}

export interface RateRowDto extends RateFiguresDto {
  key: string;
  label: string;
}

export interface RatesResponse {
  asOf: string;
  groupBy: RateGrouping;
  fiscalYear: number | null;
  rows: RateRowDto[];
  total: RateFiguresDto;
}

export interface AllocationBalanceDto {
  allocationId: string;
  documentNumber: string;
  source: string;
  sourceLabel: string;
  fiscalYear: number;
  date: string;
  allocated: MoneyDto;
  disbursed: MoneyDto;
  undisbursed: MoneyDto;
}

export interface ProjectLedgerResponse {
  project: { id: string; code: string; name: string; countyCode: string; townshipCode: string; cancelled: boolean; cancelledOn: string | null };
  asOf: string;
  balance: { allocated: MoneyDto; disbursed: MoneyDto; spent: MoneyDto; undisbursed: MoneyDto; unspent: MoneyDto };
  allocations: AllocationBalanceDto[];
  rates: RateFiguresDto;
  /** Every entry in recording order (also those dated after `asOf`). */
  entries: LedgerEntryDto[];
}

export function figuresDto(f: RateFigures): RateFiguresDto {
  return {
    allocated: money(f.allocatedFen),
    disbursed: money(f.disbursedFen),
    spent: money(f.spentFen),
    disbursementRate: rateDto(f.disbursementRate),
    spendingRate: rateDto(f.spendingRate),
    schedulePercent: f.schedule.percent,
    behindSchedule: f.behindSchedule,
    gapPoints: f.gapPoints,
  };
}

/** Reads: lists, a project's ledger with balances and rates, rates by group. Jurisdiction-scoped. */
@Injectable()
export class LedgerReaderService {
  constructor(
    private readonly projects: FundingProjectRepository,
    private readonly ledger: LedgerRepository,
    @Inject(SCHEDULE_CURVE) private readonly curve: ScheduleCurve,
  ) {}

  async list(user: Principal, query: EntryListQuery): Promise<Page<LedgerEntryDto>> {
    const { page, pageSize, sort, ...filter } = query;
    const [rows, total] = await this.ledger.list(scopeFilter(user), filter, { ...pageOffset({ page, pageSize }), sort });
    return toPage(rows.map((row) => toEntryDto(row)), total, { page, pageSize });
  }

  async entry(user: Principal, id: string): Promise<LedgerEntryDto> {
    const row = await this.ledger.find(id);
    if (!row) throw ProblemException.notFound({ zh: '资金分录', en: 'Ledger entry' }, id);
    assertCanRead(user, { countyCode: row.project!.countyCode, townshipCode: row.project!.townshipCode });
    return toEntryDto(row);
  }

  /** The project (readable by the user) and its entries in recording order. */
  async projectWithEntries(user: Principal, projectId: string): Promise<{ project: FundingProjectEntity; rows: LedgerEntryEntity[] }> {
    const project = await this.projects.find(projectId);
    if (!project) throw ProblemException.notFound({ zh: '项目', en: 'Project' }, projectId);
    assertCanRead(user, project);
    return { project, rows: await this.ledger.ofProject(projectId) };
  }

  async projectLedger(user: Principal, projectId: string, asOfInput?: string): Promise<ProjectLedgerResponse> {
    const { project, rows } = await this.projectWithEntries(user, projectId);
    return this.describe(project, rows, asOfInput ?? shanghaiDate(new Date()));
  }

  describe(project: FundingProjectEntity, rows: LedgerEntryEntity[], asOf: string): ProjectLedgerResponse {
    const ledger: Ledger = { projects: [toFundingProject(project)], entries: rows.map(toDomainEntry) };
    const balance = projectBalance(ledger.entries, project.id, asOf);
    const report = spendingRates(ledger, { asOf, groupBy: 'project', curve: this.curve });
    const row = report.rows.find((r) => r.key === project.id) ?? report.total;
    return {
      project: {
        id: project.id, code: project.code, name: project.name, countyCode: project.countyCode, townshipCode: project.townshipCode,
        cancelled: project.cancelled, cancelledOn: project.cancelledOn,
      },
      asOf,
      balance: {
        allocated: money(balance.allocatedFen),
        disbursed: money(balance.disbursedFen),
        spent: money(balance.spentFen),
        undisbursed: money(balance.allocatedFen - balance.disbursedFen),
        unspent: money(balance.disbursedFen - balance.spentFen),
      },
      allocations: allocationBalances(ledger.entries, asOf).map((a) => ({
        allocationId: a.allocationId,
        documentNumber: a.documentNumber,
        source: a.source,
        sourceLabel: sourceLabel(a.source),
        fiscalYear: a.fiscalYear,
        date: a.date,
        allocated: money(a.allocatedFen),
        disbursed: money(a.disbursedFen),
        undisbursed: money(a.undisbursedFen),
      })),
      rates: figuresDto(row),
      entries: rows.map((r) => toEntryDto(r, project)),
    };
  }

  async rates(user: Principal, query: RatesQuery): Promise<RatesResponse> {
    const asOf = query.asOf ?? shanghaiDate(new Date());
    const projects = await this.projects.inScope(scopeFilter(user), { countyCode: query.countyCode, townshipCode: query.townshipCode });
    const rows = await this.ledger.ofProjects(projects.map((p) => p.id));
    const ledger: Ledger = { projects: projects.map(toFundingProject), entries: rows.map(toDomainEntry) };
    const report = spendingRates(ledger, { asOf, groupBy: query.groupBy, fiscalYear: query.fiscalYear, curve: this.curve });
    const byId = new Map(projects.map((p) => [p.id, p]));
    const label = (key: string): string => {
      switch (query.groupBy) {
        case 'project': {
          const p = byId.get(key);
          return p ? `${p.code} ${p.name}` : key;
        }
        case 'source':
          return isFundingSource(key) ? FUNDING_SOURCE_LABELS[key].zh : key;
        case 'fiscalYear':
          return `${key}年度`;
        default:
          return key;
      }
    };
    return {
      asOf,
      groupBy: report.groupBy,
      fiscalYear: report.fiscalYear,
      rows: report.rows.map((r) => ({ key: r.key, label: label(r.key), ...figuresDto(r) })),
      total: figuresDto(report.total),
    };
  }
}
