import {
  type Bilingual as GlossaryLabel,
  FUNDING_SOURCE_LABELS,
  OWNERSHIP_LABELS as GLOSSARY_OWNERSHIP_LABELS,
  PROJECT_KIND_LABELS,
  PROJECT_PHASE_LABELS,
  SCHOOL_LEVEL_LABELS,
  fundingSource,
  ownership,
  projectKind,
  projectPhase,
  schoolLevel,
} from '@xiaojian/contracts';
import { formatWanYuan } from '@xiaojian/domain-kernel';
import { z } from 'zod';
import type { BulletinDocument, BulletinLanguage, RateFigure } from '../bulletin-document';

/**
 * Everything a bulletin prints, in zh-CN (the default) and English. The code → label maps are
 * typed against the contracts' enums, so adding an enum value without a label fails to compile;
 * codes that are not (yet) known print as themselves rather than disappearing.
 */
export const DEFAULT_LANGUAGE: BulletinLanguage = 'zh-CN';

type Phase = z.infer<typeof projectPhase>;
type Kind = z.infer<typeof projectKind>;
type Level = z.infer<typeof schoolLevel>;
type Ownership = z.infer<typeof ownership>;
type Source = z.infer<typeof fundingSource>;

type Bilingual<K extends string> = Record<BulletinLanguage, Record<K, string>>;

/** The glossary's labels, arranged per language. */
function byLanguage<K extends string>(labels: Readonly<Record<K, GlossaryLabel>>): Bilingual<K> {
  const pick = (language: 'zh' | 'en') => Object.fromEntries(Object.entries<GlossaryLabel>(labels).map(([code, label]) => [code, label[language]])) as Record<K, string>;
  return { 'zh-CN': pick('zh'), en: pick('en') };
}

export const PHASE_LABELS: Bilingual<Phase> = byLanguage(PROJECT_PHASE_LABELS);
export const KIND_LABELS: Bilingual<Kind> = byLanguage(PROJECT_KIND_LABELS);
export const LEVEL_LABELS: Bilingual<Level> = byLanguage(SCHOOL_LEVEL_LABELS);
export const OWNERSHIP_LABELS: Bilingual<Ownership> = byLanguage(GLOSSARY_OWNERSHIP_LABELS);
export const SOURCE_LABELS: Bilingual<Source> = byLanguage(FUNDING_SOURCE_LABELS);

/** Fixed wording: section titles, field names, column headers, notes. */
export interface BulletinText {
  bulletinName: string;
  township: string;
  county: string;
  sections: {
    projects: string;
    phases: string;
    funding: string;
    fundingBySource: string;
    seats: string;
    seatsByCategory: string;
    projectTable: string;
    ranking: string;
    laggards: string;
    changes: string;
    trace: string;
  };
  figures: {
    totalProjects: string;
    plannedThisYear: string;
    startedThisMonth: string;
    startedYearToDate: string;
    completedThisMonth: string;
    completedYearToDate: string;
    startRate: string;
    completionRate: string;
    overdue: string;
    stale: string;
    weightedProgress: string;
    allocated: string;
    disbursed: string;
    spent: string;
    disbursementRate: string;
    spendingRate: string;
    schedule: string;
    scheduleStatus: string;
    behindSchedule: string;
    onSchedule: string;
    plannedSeats: string;
    deliveredSeats: string;
    targetSeats: string;
    seatCompletionRate: string;
    largeClasses: string;
    veryLargeClasses: string;
    seatGap: string;
    eventCount: string;
    drillDown: string;
  };
  columns: {
    phase: string;
    count: string;
    source: string;
    level: string;
    ownership: string;
    code: string;
    project: string;
    school: string;
    township: string;
    kind: string;
    progress: string;
    lastReport: string;
    plannedInvestment: string;
    allocated: string;
    spent: string;
    spendingRate: string;
    seats: string;
    status: string;
    rank: string;
    rankBySpending: string;
    rankByProgress: string;
    rankBySeats: string;
    figure: string;
    previous: string;
    current: string;
  };
  charts: {
    spendingBySource: string;
    spendingByTownship: string;
    progressByProject: string;
    progressLowest: (limit: number) => string;
    seatsByCategory: string;
    scheduleLine: string;
    delivered: string;
    target: string;
  };
  status: { overdue: string; stale: string; normal: string };
  laggards: { overdueProjects: string; staleProjects: string; townshipsBehindSchedule: string; none: string };
  noReport: string;
  noChanges: string;
  noProjects: string;
  footer: { version: string; issuedAt: string; asOf: string; contentHash: string; generatedBy: string };
  unitWan: string;
  unitSeats: string;
  unitProjects: string;
  listSeparator: string;
  /** Between a label and its value: "：" / ": ". */
  colon: string;
  reissueNotice: (version: number) => string;
}

export const TEXT: Record<BulletinLanguage, BulletinText> = {
  'zh-CN': {
    bulletinName: '学校建设项目进度通报',
    township: '乡镇',
    county: '县（区）',
    sections: {
      projects: '一、项目进展',
      phases: '项目阶段分布',
      funding: '二、资金',
      fundingBySource: '分资金来源',
      seats: '三、学位',
      seatsByCategory: '分学段、办学性质',
      projectTable: '四、项目明细',
      ranking: '五、乡镇排名',
      laggards: '六、进度滞后通报',
      changes: '更正说明：本版与上一版相比变动的数据',
      trace: '数据溯源',
    },
    figures: {
      totalProjects: '项目总数',
      plannedThisYear: '年度计划项目',
      startedThisMonth: '本月开工',
      startedYearToDate: '年内累计开工',
      completedThisMonth: '本月竣工',
      completedYearToDate: '年内累计竣工',
      startRate: '开工率',
      completionRate: '竣工率',
      overdue: '逾期项目',
      stale: '两个月以上未报进度',
      weightedProgress: '投资加权形象进度',
      allocated: '下达资金（万元）',
      disbursed: '拨付资金（万元）',
      spent: '支出资金（万元）',
      disbursementRate: '拨付率',
      spendingRate: '支出率',
      schedule: '序时进度',
      scheduleStatus: '与序时进度比较',
      behindSchedule: '落后于序时进度',
      onSchedule: '达到序时进度',
      plannedSeats: '计划新增学位',
      deliveredSeats: '已交付学位',
      targetSeats: '目标学位',
      seatCompletionRate: '学位目标完成率',
      largeClasses: '大班额（56人及以上）',
      veryLargeClasses: '超大班额（66人及以上）',
      seatGap: '学位缺口',
      eventCount: '依据事件数',
      drillDown: '明细查询',
    },
    columns: {
      phase: '阶段',
      count: '项目数',
      source: '资金来源',
      level: '学段',
      ownership: '办学性质',
      code: '项目编号',
      project: '项目名称',
      school: '学校',
      township: '乡镇',
      kind: '类型',
      progress: '形象进度',
      lastReport: '最近填报',
      plannedInvestment: '计划投资（万元）',
      allocated: '下达（万元）',
      spent: '支出（万元）',
      spendingRate: '支出率',
      seats: '学位（计划/交付）',
      status: '状态',
      rank: '名次',
      rankBySpending: '支出率名次',
      rankByProgress: '进度名次',
      rankBySeats: '学位名次',
      figure: '数据项',
      previous: '上一版',
      current: '本版',
    },
    charts: {
      spendingBySource: '分资金来源支出率与序时进度',
      spendingByTownship: '各乡镇支出率与序时进度',
      progressByProject: '各项目形象进度',
      progressLowest: (limit) => `形象进度最低的 ${limit} 个项目`,
      seatsByCategory: '已交付学位与目标',
      scheduleLine: '序时进度',
      delivered: '已交付',
      target: '目标',
    },
    status: { overdue: '逾期', stale: '滞报', normal: '正常' },
    laggards: {
      overdueProjects: '逾期项目',
      staleProjects: '两个月以上未报进度的项目',
      townshipsBehindSchedule: '支出落后于序时进度的乡镇',
      none: '无',
    },
    noReport: '未填报',
    noChanges: '无变动',
    noProjects: '本期无项目',
    footer: { version: '版本', issuedAt: '签发时间', asOf: '数据截至', contentHash: '内容哈希', generatedBy: '校建系统生成' },
    unitWan: '万元',
    unitSeats: '个',
    unitProjects: '个',
    listSeparator: '、',
    colon: '：',
    reissueNotice: (version) => `本通报为第 ${version} 版，更正此前版本。`,
  },
  en: {
    bulletinName: 'School Construction Progress Bulletin',
    township: 'Township',
    county: 'County',
    sections: {
      projects: '1. Project progress',
      phases: 'Projects by phase',
      funding: '2. Funding',
      fundingBySource: 'By funding source',
      seats: '3. School places',
      seatsByCategory: 'By school level and ownership',
      projectTable: '4. Projects',
      ranking: '5. Township ranking',
      laggards: '6. Projects and townships falling behind',
      changes: 'Correction: figures changed since the previous version',
      trace: 'Traceability',
    },
    figures: {
      totalProjects: 'Projects',
      plannedThisYear: 'Planned this year',
      startedThisMonth: 'Started this month',
      startedYearToDate: 'Started year to date',
      completedThisMonth: 'Completed this month',
      completedYearToDate: 'Completed year to date',
      startRate: 'Start rate',
      completionRate: 'Completion rate',
      overdue: 'Overdue projects',
      stale: 'No progress report for two months or more',
      weightedProgress: 'Investment-weighted progress',
      allocated: 'Allocated (10k yuan)',
      disbursed: 'Disbursed (10k yuan)',
      spent: 'Spent (10k yuan)',
      disbursementRate: 'Disbursement rate',
      spendingRate: 'Spending rate',
      schedule: 'Time-elapsed schedule',
      scheduleStatus: 'Against schedule',
      behindSchedule: 'Behind schedule',
      onSchedule: 'On schedule',
      plannedSeats: 'New places planned',
      deliveredSeats: 'Places delivered',
      targetSeats: 'Target places',
      seatCompletionRate: 'Target completion',
      largeClasses: 'Large classes (56+)',
      veryLargeClasses: 'Very large classes (66+)',
      seatGap: 'Place shortfall',
      eventCount: 'Events behind the figures',
      drillDown: 'Drill-down',
    },
    columns: {
      phase: 'Phase',
      count: 'Projects',
      source: 'Source',
      level: 'Level',
      ownership: 'Ownership',
      code: 'Code',
      project: 'Project',
      school: 'School',
      township: 'Township',
      kind: 'Kind',
      progress: 'Progress',
      lastReport: 'Last report',
      plannedInvestment: 'Planned (10k yuan)',
      allocated: 'Allocated (10k yuan)',
      spent: 'Spent (10k yuan)',
      spendingRate: 'Spending rate',
      seats: 'Places (planned/delivered)',
      status: 'Status',
      rank: 'Rank',
      rankBySpending: 'Rank (spending)',
      rankByProgress: 'Rank (progress)',
      rankBySeats: 'Rank (places)',
      figure: 'Figure',
      previous: 'Previous',
      current: 'This version',
    },
    charts: {
      spendingBySource: 'Spending rate by source against schedule',
      spendingByTownship: 'Spending rate by township against schedule',
      progressByProject: 'Physical progress by project',
      progressLowest: (limit) => `Physical progress: the ${limit} projects furthest behind`,
      seatsByCategory: 'Places delivered against target',
      scheduleLine: 'Schedule',
      delivered: 'Delivered',
      target: 'Target',
    },
    status: { overdue: 'Overdue', stale: 'Stale', normal: 'On track' },
    laggards: {
      overdueProjects: 'Overdue projects',
      staleProjects: 'Projects with no progress report for two months or more',
      townshipsBehindSchedule: 'Townships spending behind schedule',
      none: 'None',
    },
    noReport: 'not reported',
    noChanges: 'No changes',
    noProjects: 'No projects this period',
    footer: { version: 'Version', issuedAt: 'Issued', asOf: 'Figures as of', contentHash: 'Content hash', generatedBy: 'Generated by Xiaojian' },
    unitWan: '10k yuan',
    unitSeats: 'places',
    unitProjects: 'projects',
    listSeparator: ', ',
    colon: ': ',
    reissueNotice: (version) => `This is version ${version} of this bulletin and supersedes earlier versions.`,
  },
};

export function textFor(lang: BulletinLanguage = DEFAULT_LANGUAGE): BulletinText {
  return TEXT[lang] ?? TEXT[DEFAULT_LANGUAGE];
}

function lookup<K extends string>(labels: Bilingual<K>, code: string, lang: BulletinLanguage): string {
  const table = (labels[lang] ?? labels[DEFAULT_LANGUAGE]) as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : code;
}

export const phaseLabel = (code: string, lang: BulletinLanguage = DEFAULT_LANGUAGE) => lookup(PHASE_LABELS, code, lang);
export const kindLabel = (code: string, lang: BulletinLanguage = DEFAULT_LANGUAGE) => lookup(KIND_LABELS, code, lang);
export const levelLabel = (code: string, lang: BulletinLanguage = DEFAULT_LANGUAGE) => lookup(LEVEL_LABELS, code, lang);
export const ownershipLabel = (code: string, lang: BulletinLanguage = DEFAULT_LANGUAGE) => lookup(OWNERSHIP_LABELS, code, lang);
export const sourceLabel = (code: string, lang: BulletinLanguage = DEFAULT_LANGUAGE) => lookup(SOURCE_LABELS, code, lang);

/** Fen → "1046.50" (万元, two decimals). The unit is printed by the column header or `formatMoneyWithUnit`. */
export function formatMoney(fen: number): string {
  return formatWanYuan(fen);
}

export function formatMoneyWithUnit(fen: number, lang: BulletinLanguage = DEFAULT_LANGUAGE): string {
  return lang === 'en' ? `${formatWanYuan(fen)} ${TEXT.en.unitWan}` : `${formatWanYuan(fen)}万元`;
}

/** What the denominator of a rate is: money allocated, or a target (seats, planned projects). */
export type RateBasis = 'allocation' | 'target';

const NO_DENOMINATOR: Record<BulletinLanguage, Record<RateBasis, string>> = {
  'zh-CN': { allocation: '无下达资金', target: '无目标' },
  en: { allocation: 'no allocation', target: 'no target' },
};

/** `{ kind: 'rate', percent: '12.3' }` → "12.3%"; no denominator → "无下达资金" / "no allocation" (or target). */
export function formatRate(rate: RateFigure, lang: BulletinLanguage = DEFAULT_LANGUAGE, basis: RateBasis = 'allocation'): string {
  if (rate.kind === 'no_denominator') return (NO_DENOMINATOR[lang] ?? NO_DENOMINATOR[DEFAULT_LANGUAGE])[basis];
  return `${rate.percent}%`;
}

/** A percent string ("62.5") or a number → "62.5%"; null → the language's "not reported". */
export function formatPercent(percent: string | number | null, lang: BulletinLanguage = DEFAULT_LANGUAGE): string {
  if (percent === null) return textFor(lang).noReport;
  return `${typeof percent === 'number' ? String(percent) : percent}%`;
}

/** Thousands-free integer (seats, counts): 5780 → "5780". */
export function formatCount(value: number): string {
  return String(value);
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthParts(month: string): [number, number] {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) throw new Error(`Invalid month ${JSON.stringify(month)}: expected YYYY-MM`);
  return [Number(match[1]), Number(match[2])];
}

/** '2025-10' → '2025年10月' / 'October 2025'. */
export function formatMonth(month: string, lang: BulletinLanguage = DEFAULT_LANGUAGE): string {
  const [year, m] = monthParts(month);
  return lang === 'en' ? `${EN_MONTHS[m - 1]} ${year}` : `${year}年${m}月`;
}

/** '2025-10-31' → '2025年10月31日' / '31 October 2025'. */
export function formatDate(date: string, lang: BulletinLanguage = DEFAULT_LANGUAGE): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Invalid date ${JSON.stringify(date)}: expected YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return lang === 'en' ? `${day} ${EN_MONTHS[month - 1]} ${year}` : `${year}年${month}月${day}日`;
}

/** An ISO instant in Asia/Shanghai: '2025-10-31T16:05:00Z' → '2025年11月1日 00:05（北京时间）'. */
export function formatIssuedAt(iso: string, lang: BulletinLanguage = DEFAULT_LANGUAGE): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new Error(`Invalid instant ${JSON.stringify(iso)}`);
  const local = new Date(instant.getTime() + 8 * 3600_000).toISOString();
  const date = formatDate(local.slice(0, 10), lang);
  const time = local.slice(11, 16);
  return lang === 'en' ? `${date} ${time} (Beijing time, UTC+8)` : `${date} ${time}（北京时间）`;
}

/** Names of divisions (行政区划) by code; the bulletin document carries only codes. */
export type DivisionNames = Readonly<Record<string, string>>;

export function townshipName(code: string, names: DivisionNames = {}, lang: BulletinLanguage = DEFAULT_LANGUAGE): string {
  const name = names[code];
  if (name) return name;
  return lang === 'en' ? `Township ${code}` : `乡镇（${code}）`;
}

export function countyName(code: string, names: DivisionNames = {}, lang: BulletinLanguage = DEFAULT_LANGUAGE): string {
  const name = names[code];
  if (name) return name;
  return lang === 'en' ? `County ${code}` : `县（区）（${code}）`;
}

/** The jurisdiction a bulletin is about: its township, or the county for a county summary. */
export function bulletinSubject(doc: BulletinDocument, names: DivisionNames = {}, lang: BulletinLanguage = DEFAULT_LANGUAGE): string {
  return doc.kind === 'township' && doc.townshipCode
    ? townshipName(doc.townshipCode, names, lang)
    : countyName(doc.countyCode, names, lang);
}

/** "城关镇 2025年10月 学校建设项目进度通报" / "Chengguan Town — School Construction Progress Bulletin, October 2025". */
export function bulletinTitle(doc: BulletinDocument, lang: BulletinLanguage = DEFAULT_LANGUAGE, names: DivisionNames = {}): string {
  const subject = bulletinSubject(doc, names, lang);
  const text = textFor(lang);
  return lang === 'en'
    ? `${subject} — ${text.bulletinName}, ${formatMonth(doc.month, lang)}`
    : `${subject} ${formatMonth(doc.month, lang)} ${text.bulletinName}`;
}
