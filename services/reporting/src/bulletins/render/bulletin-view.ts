import type { BulletinDocument, BulletinLanguage, BulletinProjectRow, FigureChange, ProjectPhaseCode, RateFigure } from '../bulletin-document';
import { ChartScene, bulletinCharts, layoutChart } from './charts';
import {
  DEFAULT_LANGUAGE,
  DivisionNames,
  PHASE_LABELS,
  bulletinTitle,
  formatCount,
  formatDate,
  formatIssuedAt,
  formatMoney,
  formatMonth,
  formatPercent,
  formatRate,
  kindLabel,
  levelLabel,
  ownershipLabel,
  phaseLabel,
  sourceLabel,
  textFor,
  townshipName,
} from './labels';

/**
 * The bulletin as printable text, in one language: every renderer (HTML, Markdown, PDF) walks
 * this same structure, so the formats cannot disagree about a figure or a label. Strings here
 * are plain text; each renderer escapes them for its own syntax.
 */
export interface RenderOptions {
  /** Names of the county and townships by division code; codes are printed when a name is missing. */
  divisionNames?: DivisionNames;
  /**
   * The issued bulletin's content hash. When absent, `CONTENT_HASH_PLACEHOLDER` is printed so that
   * a caller can substitute it in HTML/Markdown; for PDF pass it here.
   */
  contentHash?: string;
}

/** Survives HTML and Markdown escaping unchanged, so `fillContentHash` can replace it in the rendered text. */
export const CONTENT_HASH_PLACEHOLDER = '%%CONTENT-HASH%%';

/** Replaces the placeholder in a rendered HTML or Markdown bulletin (not PDF: render it with `contentHash`). */
export function fillContentHash(rendered: string, contentHash: string): string {
  return rendered.split(CONTENT_HASH_PLACEHOLDER).join(contentHash);
}

export type Tone = 'alert' | 'warn' | 'good';

export interface ViewFigure {
  label: string;
  value: string;
  tone?: Tone;
}

export interface ViewColumn {
  label: string;
  align: 'left' | 'right';
  /** Relative width, for the PDF table layout. */
  weight: number;
}

export interface ViewTable {
  columns: ViewColumn[];
  rows: { cells: string[]; tone?: Tone }[];
  emptyText: string;
}

export type ViewBlock =
  | { type: 'figures'; items: ViewFigure[] }
  | { type: 'table'; title?: string; table: ViewTable }
  | { type: 'chart'; scene: ChartScene }
  | { type: 'list'; title: string; items: string[]; emptyText: string }
  | { type: 'paragraph'; text: string; tone?: Tone };

export interface ViewSection {
  id: 'projects' | 'funding' | 'seats' | 'project-table' | 'ranking' | 'laggards' | 'changes';
  title: string;
  blocks: ViewBlock[];
}

export interface BulletinView {
  lang: BulletinLanguage;
  title: string;
  /** One line under the title: as-of date, version, issue time. */
  meta: ViewFigure[];
  /** Re-issue notice, when version > 1. */
  notice?: string;
  sections: ViewSection[];
  footer: ViewFigure[];
}

const PHASES = Object.keys(PHASE_LABELS['zh-CN']) as ProjectPhaseCode[];

const rateTone = (rate: RateFigure, schedule: number): Tone | undefined =>
  rate.kind === 'rate' && Number(rate.percent) < schedule ? 'warn' : undefined;

export function buildBulletinView(doc: BulletinDocument, lang: BulletinLanguage = DEFAULT_LANGUAGE, options: RenderOptions = {}): BulletinView {
  const text = textFor(lang);
  const names = options.divisionNames ?? {};
  const charts = bulletinCharts(doc, lang, names).map((chart) => layoutChart(chart, lang));
  const chart = (kind: ChartScene['kind'], index = 0) => charts.filter((scene) => scene.kind === kind)[index];
  const { projects, funding, seats } = doc.summary;
  const schedule = Number(funding.schedulePercent);

  const sections: ViewSection[] = [];

  sections.push({
    id: 'projects',
    title: text.sections.projects,
    blocks: [
      {
        type: 'figures',
        items: [
          { label: text.figures.totalProjects, value: formatCount(projects.total) },
          { label: text.figures.plannedThisYear, value: formatCount(projects.plannedThisYear) },
          { label: text.figures.startedThisMonth, value: formatCount(projects.startedThisMonth) },
          { label: text.figures.startedYearToDate, value: formatCount(projects.startedYearToDate) },
          { label: text.figures.completedThisMonth, value: formatCount(projects.completedThisMonth) },
          { label: text.figures.completedYearToDate, value: formatCount(projects.completedYearToDate) },
          { label: text.figures.startRate, value: formatRate(projects.startRate, lang, 'target') },
          { label: text.figures.completionRate, value: formatRate(projects.completionRate, lang, 'target') },
          { label: text.figures.overdue, value: formatCount(projects.overdue), tone: projects.overdue > 0 ? 'alert' : undefined },
          { label: text.figures.stale, value: formatCount(projects.stale), tone: projects.stale > 0 ? 'warn' : undefined },
          { label: text.figures.weightedProgress, value: formatPercent(doc.summary.weightedProgressPercent, lang) },
        ],
      },
      {
        type: 'table',
        title: text.sections.phases,
        table: {
          columns: [
            { label: text.columns.phase, align: 'left', weight: 2 },
            { label: text.columns.count, align: 'right', weight: 1 },
          ],
          rows: PHASES.map((phase) => ({ cells: [phaseLabel(phase, lang), formatCount(projects.byPhase[phase] ?? 0)] })),
          emptyText: text.noProjects,
        },
      },
    ],
  });

  sections.push({
    id: 'funding',
    title: text.sections.funding,
    blocks: [
      {
        type: 'figures',
        items: [
          { label: text.figures.allocated, value: formatMoney(funding.allocatedFen) },
          { label: text.figures.disbursed, value: formatMoney(funding.disbursedFen) },
          { label: text.figures.spent, value: formatMoney(funding.spentFen) },
          { label: text.figures.disbursementRate, value: formatRate(funding.disbursementRate, lang) },
          { label: text.figures.spendingRate, value: formatRate(funding.spendingRate, lang), tone: funding.behindSchedule ? 'warn' : undefined },
          { label: text.figures.schedule, value: formatPercent(funding.schedulePercent, lang) },
          {
            label: text.figures.scheduleStatus,
            value: funding.behindSchedule ? text.figures.behindSchedule : text.figures.onSchedule,
            tone: funding.behindSchedule ? 'warn' : 'good',
          },
        ],
      },
      {
        type: 'table',
        title: text.sections.fundingBySource,
        table: {
          columns: [
            { label: text.columns.source, align: 'left', weight: 2 },
            { label: text.figures.allocated, align: 'right', weight: 1.5 },
            { label: text.figures.disbursed, align: 'right', weight: 1.5 },
            { label: text.figures.spent, align: 'right', weight: 1.5 },
            { label: text.figures.spendingRate, align: 'right', weight: 1.2 },
          ],
          rows: funding.bySource.map((row) => ({
            cells: [
              sourceLabel(row.source, lang),
              formatMoney(row.allocatedFen),
              formatMoney(row.disbursedFen),
              formatMoney(row.spentFen),
              formatRate(row.spendingRate, lang),
            ],
            tone: rateTone(row.spendingRate, schedule),
          })),
          emptyText: text.laggards.none,
        },
      },
      { type: 'chart', scene: chart('spending') },
    ],
  });

  sections.push({
    id: 'seats',
    title: text.sections.seats,
    blocks: [
      {
        type: 'figures',
        items: [
          { label: text.figures.plannedSeats, value: formatCount(seats.plannedSeats) },
          { label: text.figures.deliveredSeats, value: formatCount(seats.deliveredSeats) },
          { label: text.figures.targetSeats, value: formatCount(seats.targetSeats) },
          { label: text.figures.seatCompletionRate, value: formatRate(seats.completionRate, lang, 'target') },
          { label: text.figures.largeClasses, value: formatCount(seats.largeClasses), tone: seats.largeClasses > 0 ? 'warn' : undefined },
          { label: text.figures.veryLargeClasses, value: formatCount(seats.veryLargeClasses), tone: seats.veryLargeClasses > 0 ? 'alert' : undefined },
          { label: text.figures.seatGap, value: formatCount(seats.seatGap), tone: seats.seatGap > 0 ? 'warn' : undefined },
        ],
      },
      {
        type: 'table',
        title: text.sections.seatsByCategory,
        table: {
          columns: [
            { label: text.columns.level, align: 'left', weight: 1.5 },
            { label: text.columns.ownership, align: 'left', weight: 1.5 },
            { label: text.figures.plannedSeats, align: 'right', weight: 1.2 },
            { label: text.figures.deliveredSeats, align: 'right', weight: 1.2 },
            { label: text.figures.targetSeats, align: 'right', weight: 1.2 },
            { label: text.figures.seatCompletionRate, align: 'right', weight: 1.2 },
          ],
          rows: seats.byCategory.map((row) => ({
            cells: [
              levelLabel(row.level, lang),
              ownershipLabel(row.ownership, lang),
              formatCount(row.plannedSeats),
              formatCount(row.deliveredSeats),
              formatCount(row.targetSeats),
              formatRate(row.completionRate, lang, 'target'),
            ],
          })),
          emptyText: text.laggards.none,
        },
      },
      { type: 'chart', scene: chart('seats') },
    ],
  });

  const county = doc.kind === 'county';
  const statusOf = (project: BulletinProjectRow) => {
    const parts: string[] = [];
    if (project.overdue) parts.push(text.status.overdue);
    if (project.stale) {
      const last = project.lastReportMonth ? formatMonth(project.lastReportMonth, lang) : text.noReport;
      parts.push(lang === 'en' ? `${text.status.stale} (last report: ${last})` : `${text.status.stale}（最近填报：${last}）`);
    }
    return parts.length > 0 ? parts.join(text.listSeparator) : text.status.normal;
  };
  sections.push({
    id: 'project-table',
    title: text.sections.projectTable,
    blocks: [
      {
        type: 'table',
        table: {
          columns: [
            { label: text.columns.code, align: 'left', weight: 1.75 },
            { label: text.columns.project, align: 'left', weight: 2.4 },
            { label: text.columns.school, align: 'left', weight: 1.7 },
            ...(county ? [{ label: text.columns.township, align: 'left' as const, weight: 1.1 }] : []),
            { label: text.columns.kind, align: 'left', weight: 1.1 },
            { label: text.columns.phase, align: 'left', weight: 1 },
            { label: text.columns.progress, align: 'right', weight: 0.9 },
            { label: text.columns.plannedInvestment, align: 'right', weight: 1.2 },
            { label: text.columns.allocated, align: 'right', weight: 1.1 },
            { label: text.columns.spent, align: 'right', weight: 1.1 },
            { label: text.columns.spendingRate, align: 'right', weight: 1 },
            { label: text.columns.seats, align: 'right', weight: 1.1 },
            { label: text.columns.status, align: 'left', weight: 1.5 },
          ],
          rows: doc.projects.map((project) => ({
            cells: [
              project.code,
              project.name,
              project.schoolName,
              ...(county ? [townshipName(project.townshipCode, names, lang)] : []),
              kindLabel(project.kind, lang),
              phaseLabel(project.phase, lang),
              formatPercent(project.progressPercent, lang),
              formatMoney(project.plannedInvestmentFen),
              formatMoney(project.allocatedFen),
              formatMoney(project.spentFen),
              formatRate(project.spendingRate, lang),
              `${formatCount(project.plannedSeats)} / ${formatCount(project.deliveredSeats)}`,
              statusOf(project),
            ],
            tone: project.overdue ? 'alert' : project.stale ? 'warn' : undefined,
          })),
          emptyText: text.noProjects,
        },
      },
      { type: 'chart', scene: chart('progress') },
    ],
  });

  if (county && doc.ranking) {
    const behind = new Set(doc.laggards?.townshipsBehindSchedule ?? []);
    const ranking = [...doc.ranking].sort((a, b) => a.rankBySpending - b.rankBySpending || a.townshipCode.localeCompare(b.townshipCode));
    const blocks: ViewBlock[] = [
      {
        type: 'table',
        table: {
          columns: [
            { label: text.columns.township, align: 'left', weight: 2 },
            { label: text.figures.spendingRate, align: 'right', weight: 1.2 },
            { label: text.columns.rankBySpending, align: 'right', weight: 1 },
            { label: text.figures.weightedProgress, align: 'right', weight: 1.4 },
            { label: text.columns.rankByProgress, align: 'right', weight: 1 },
            { label: text.figures.deliveredSeats, align: 'right', weight: 1.2 },
            { label: text.columns.rankBySeats, align: 'right', weight: 1 },
          ],
          rows: ranking.map((row) => ({
            cells: [
              townshipName(row.townshipCode, names, lang),
              formatRate(row.spendingRate, lang),
              formatCount(row.rankBySpending),
              formatPercent(row.weightedProgressPercent, lang),
              formatCount(row.rankByProgress),
              formatCount(row.deliveredSeats),
              formatCount(row.rankBySeats),
            ],
            tone: behind.has(row.townshipCode) ? 'warn' : undefined,
          })),
          emptyText: text.laggards.none,
        },
      },
    ];
    const byTownship = chart('spending', 1);
    if (byTownship) blocks.push({ type: 'chart', scene: byTownship });
    sections.push({ id: 'ranking', title: text.sections.ranking, blocks });
  }

  if (county && doc.laggards) {
    const describe = (ref: string) => {
      const project = doc.projects.find((row) => row.projectId === ref || row.code === ref);
      if (!project) return ref;
      const where = townshipName(project.townshipCode, names, lang);
      return lang === 'en' ? `${project.code} ${project.name} (${where})` : `${project.code} ${project.name}（${where}）`;
    };
    sections.push({
      id: 'laggards',
      title: text.sections.laggards,
      blocks: [
        { type: 'list', title: text.laggards.overdueProjects, items: doc.laggards.overdueProjects.map(describe), emptyText: text.laggards.none },
        { type: 'list', title: text.laggards.staleProjects, items: doc.laggards.staleProjects.map(describe), emptyText: text.laggards.none },
        {
          type: 'list',
          title: text.laggards.townshipsBehindSchedule,
          items: doc.laggards.townshipsBehindSchedule.map((code) => townshipName(code, names, lang)),
          emptyText: text.laggards.none,
        },
      ],
    });
  }

  if (doc.changes !== undefined && (doc.version > 1 || doc.changes.length > 0)) {
    sections.push({
      id: 'changes',
      title: text.sections.changes,
      blocks: [
        {
          type: 'table',
          table: {
            columns: [
              { label: text.columns.figure, align: 'left', weight: 3 },
              { label: text.columns.previous, align: 'right', weight: 1.2 },
              { label: text.columns.current, align: 'right', weight: 1.2 },
            ],
            rows: doc.changes.map((change) => ({
              cells: [describeFigurePath(change, doc, lang, names), formatChangedValue(change.path, change.previous, lang), formatChangedValue(change.path, change.current, lang)],
            })),
            emptyText: text.noChanges,
          },
        },
      ],
    });
  }

  const hash = options.contentHash ?? CONTENT_HASH_PLACEHOLDER;
  return {
    lang,
    title: bulletinTitle(doc, lang, names),
    meta: [
      { label: text.footer.asOf, value: formatDate(doc.asOf, lang) },
      { label: text.footer.version, value: `v${doc.version}` },
      { label: text.footer.issuedAt, value: formatIssuedAt(doc.issuedAt, lang) },
    ],
    notice: doc.version > 1 ? text.reissueNotice(doc.version) : undefined,
    sections,
    footer: [
      { label: text.footer.version, value: `v${doc.version}` },
      { label: text.footer.issuedAt, value: formatIssuedAt(doc.issuedAt, lang) },
      { label: text.footer.contentHash, value: hash },
      { label: text.figures.eventCount, value: formatCount(doc.trace.eventCount) },
      { label: text.figures.drillDown, value: doc.trace.drillDown },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Re-issue changes: `summary.funding.spentFen` → "支出资金（万元）", values in the figure's unit.

function leafLabels(lang: BulletinLanguage): Record<string, string> {
  const t = textFor(lang);
  return {
    total: t.figures.totalProjects,
    plannedThisYear: t.figures.plannedThisYear,
    startedThisMonth: t.figures.startedThisMonth,
    startedYearToDate: t.figures.startedYearToDate,
    completedThisMonth: t.figures.completedThisMonth,
    completedYearToDate: t.figures.completedYearToDate,
    startRate: t.figures.startRate,
    completionRate: t.figures.completionRate,
    overdue: t.figures.overdue,
    stale: t.figures.stale,
    weightedProgressPercent: t.figures.weightedProgress,
    progressPercent: t.columns.progress,
    allocatedFen: t.figures.allocated,
    disbursedFen: t.figures.disbursed,
    spentFen: t.figures.spent,
    plannedInvestmentFen: t.columns.plannedInvestment,
    disbursementRate: t.figures.disbursementRate,
    spendingRate: t.figures.spendingRate,
    schedulePercent: t.figures.schedule,
    behindSchedule: t.figures.behindSchedule,
    plannedSeats: t.figures.plannedSeats,
    deliveredSeats: t.figures.deliveredSeats,
    targetSeats: t.figures.targetSeats,
    largeClasses: t.figures.largeClasses,
    veryLargeClasses: t.figures.veryLargeClasses,
    seatGap: t.figures.seatGap,
    phase: t.columns.phase,
  };
}

const SEGMENT = /[^.[\]]+|\[(\d+)\]/g;

/** A readable name for a changed figure, e.g. "中央 · 支出资金（万元）", followed by its JSON path. */
export function describeFigurePath(change: FigureChange, doc: BulletinDocument, lang: BulletinLanguage, names: DivisionNames = {}): string {
  const segments = [...change.path.matchAll(SEGMENT)].map((match) => (match[1] !== undefined ? Number(match[1]) : match[0]));
  const labels = leafLabels(lang);
  const context: string[] = [];
  for (let i = 0; i < segments.length - 1; i++) {
    const [segment, next] = [segments[i], segments[i + 1]];
    if (segment === 'bySource' && typeof next === 'number') {
      const row = doc.summary.funding.bySource[next];
      if (row) context.push(sourceLabel(row.source, lang));
    } else if (segment === 'byCategory' && typeof next === 'number') {
      const row = doc.summary.seats.byCategory[next];
      if (row) context.push(`${levelLabel(row.level, lang)} · ${ownershipLabel(row.ownership, lang)}`);
    } else if (segment === 'projects' && typeof next === 'number' && i === 0) {
      const row = doc.projects[next];
      if (row) context.push(`${row.code} ${row.name}`);
    } else if (segment === 'ranking' && typeof next === 'number') {
      const row = doc.ranking?.[next];
      if (row) context.push(townshipName(row.townshipCode, names, lang));
    } else if (segment === 'byPhase' && typeof next === 'string') {
      context.push(`${phaseLabel(next, lang)}`);
    }
  }
  const leaf = segments[segments.length - 1];
  const leafLabel = typeof leaf === 'string' ? (labels[leaf] ?? (segments[segments.length - 2] === 'byPhase' ? textFor(lang).columns.count : undefined)) : undefined;
  const readable = [...context, ...(leafLabel ? [leafLabel] : [])].join(' · ');
  return readable ? `${readable} (${change.path})` : change.path;
}

const isRateFigure = (value: unknown): value is RateFigure =>
  typeof value === 'object' &&
  value !== null &&
  (((value as RateFigure).kind === 'rate' && typeof (value as { percent?: unknown }).percent === 'string') ||
    (value as RateFigure).kind === 'no_denominator');

export function formatChangedValue(path: string, value: unknown, lang: BulletinLanguage): string {
  if (value === null || value === undefined) return '—';
  const leaf = path.split('.').pop() ?? '';
  if (isRateFigure(value)) return formatRate(value, lang, /seat|completion|start/i.test(path) ? 'target' : 'allocation');
  if (/Fen$/.test(leaf) && Number.isSafeInteger(value)) return formatMoney(value as number);
  if (/Percent$/.test(leaf) && (typeof value === 'string' || typeof value === 'number')) return formatPercent(value, lang);
  if (leaf === 'phase' && typeof value === 'string') return phaseLabel(value, lang);
  if (typeof value === 'boolean') return lang === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
