import type { BulletinDocument, BulletinLanguage, RateFigure } from '../bulletin-document';
import {
  DEFAULT_LANGUAGE,
  DivisionNames,
  formatCount,
  formatPercent,
  formatRate,
  levelLabel,
  ownershipLabel,
  sourceLabel,
  textFor,
  townshipName,
} from './labels';

/**
 * Server-side charts. Each chart is built in three steps so that every output draws the same
 * picture: `*ChartData` (what is plotted, already labelled), `layoutChart` (a scene of
 * rectangles, lines and texts in pixel coordinates) and a backend: `chartSvg` for HTML, the PDF
 * renderer's native drawing for PDF. No randomness, no clock, coordinates rounded to 0.01.
 */
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', sans-serif";

export const CHART_COLORS = {
  bar: '#2f6fb0',
  behind: '#d9822b',
  overdue: '#c0392b',
  stale: '#d9822b',
  normal: '#3a8f5c',
  target: '#b8c2cc',
  schedule: '#c0392b',
  grid: '#e3e7eb',
  axis: '#6b7785',
  text: '#1f2933',
  muted: '#6b7785',
} as const;

export interface RateBar {
  key: string;
  label: string;
  /** Percent as a number for the bar length; null when the rate has no denominator. */
  percent: number | null;
  /** What is printed next to the bar ("45.2%" or "无下达资金"). */
  display: string;
  behind: boolean;
}

export interface SpendingChartData {
  kind: 'spending';
  title: string;
  by: 'source' | 'township';
  bars: RateBar[];
  schedulePercent: number;
  scheduleLabel: string;
  legend: { rate: string; behind: string; schedule: string };
}

export interface ProgressBar {
  key: string;
  label: string;
  percent: number | null;
  display: string;
  status: 'overdue' | 'stale' | 'normal';
}

export interface ProgressChartData {
  kind: 'progress';
  title: string;
  bars: ProgressBar[];
  legend: { overdue: string; stale: string; normal: string };
}

export interface SeatsGroup {
  key: string;
  label: string;
  delivered: number;
  target: number;
  deliveredDisplay: string;
  targetDisplay: string;
}

export interface SeatsChartData {
  kind: 'seats';
  title: string;
  groups: SeatsGroup[];
  legend: { delivered: string; target: string };
}

export type ChartData = SpendingChartData | ProgressChartData | SeatsChartData;

export type ChartShape =
  | { type: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; strokeWidth: number; dash?: [number, number] }
  | { type: 'text'; x: number; y: number; text: string; size: number; anchor: 'start' | 'middle' | 'end'; fill: string };

/** A laid-out chart; text `y` is the alphabetic baseline, as in SVG. */
export interface ChartScene {
  kind: ChartData['kind'];
  title: string;
  width: number;
  height: number;
  shapes: ChartShape[];
}

const percentOf = (rate: RateFigure): number | null => (rate.kind === 'rate' ? Number(rate.percent) : null);

export function spendingChartData(
  doc: BulletinDocument,
  lang: BulletinLanguage = DEFAULT_LANGUAGE,
  by: 'source' | 'township' = 'source',
  names: DivisionNames = {},
): SpendingChartData {
  const text = textFor(lang);
  const schedulePercent = Number(doc.summary.funding.schedulePercent);
  const bar = (key: string, label: string, rate: RateFigure): RateBar => {
    const percent = percentOf(rate);
    return { key, label, percent, display: formatRate(rate, lang, 'allocation'), behind: percent !== null && percent < schedulePercent };
  };
  const bars =
    by === 'source'
      ? doc.summary.funding.bySource.map((row) => bar(row.source, sourceLabel(row.source, lang), row.spendingRate))
      : [...(doc.ranking ?? [])]
          .sort((a, b) => a.rankBySpending - b.rankBySpending || a.townshipCode.localeCompare(b.townshipCode))
          .map((row) => bar(row.townshipCode, townshipName(row.townshipCode, names, lang), row.spendingRate));
  return {
    kind: 'spending',
    title: by === 'source' ? text.charts.spendingBySource : text.charts.spendingByTownship,
    by,
    bars,
    schedulePercent,
    scheduleLabel: `${text.charts.scheduleLine} ${formatPercent(doc.summary.funding.schedulePercent, lang)}`,
    legend: { rate: text.figures.spendingRate, behind: text.figures.behindSchedule, schedule: text.charts.scheduleLine },
  };
}

/** Rows a progress chart shows at most, so that it fits one A4 page. */
export const PROGRESS_CHART_LIMIT = 30;

/**
 * One bar per project. Beyond `limit` projects (county bulletins), the chart shows the `limit`
 * projects furthest behind (unreported first), in bulletin order, and says so in its title.
 */
export function progressChartData(
  doc: BulletinDocument,
  lang: BulletinLanguage = DEFAULT_LANGUAGE,
  limit = PROGRESS_CHART_LIMIT,
): ProgressChartData {
  const text = textFor(lang);
  let projects = doc.projects;
  let title = text.charts.progressByProject;
  if (projects.length > limit) {
    const chosen = new Set(
      projects
        .map((project, index) => ({ index, progress: project.progressPercent ?? -1 }))
        .sort((a, b) => a.progress - b.progress || a.index - b.index)
        .slice(0, limit)
        .map((entry) => entry.index),
    );
    projects = projects.filter((_, index) => chosen.has(index));
    title = text.charts.progressLowest(limit);
  }
  return {
    kind: 'progress',
    title,
    bars: projects.map((project) => ({
      key: project.projectId,
      label: project.name,
      percent: project.progressPercent,
      display: formatPercent(project.progressPercent, lang),
      status: project.overdue ? 'overdue' : project.stale ? 'stale' : 'normal',
    })),
    legend: { overdue: text.status.overdue, stale: text.status.stale, normal: text.status.normal },
  };
}

export function seatsChartData(doc: BulletinDocument, lang: BulletinLanguage = DEFAULT_LANGUAGE): SeatsChartData {
  const text = textFor(lang);
  return {
    kind: 'seats',
    title: text.charts.seatsByCategory,
    groups: doc.summary.seats.byCategory.map((row) => ({
      key: `${row.level}/${row.ownership}`,
      label: `${levelLabel(row.level, lang)} · ${ownershipLabel(row.ownership, lang)}`,
      delivered: row.deliveredSeats,
      target: row.targetSeats,
      deliveredDisplay: formatCount(row.deliveredSeats),
      targetDisplay: `${text.charts.target} ${formatCount(row.targetSeats)}`,
    })),
    legend: { delivered: text.charts.delivered, target: text.charts.target },
  };
}

/** The charts a bulletin prints, in order: spending by source, (county) by township, progress, seats. */
export function bulletinCharts(doc: BulletinDocument, lang: BulletinLanguage = DEFAULT_LANGUAGE, names: DivisionNames = {}): ChartData[] {
  const charts: ChartData[] = [spendingChartData(doc, lang, 'source', names)];
  if (doc.kind === 'county' && doc.ranking && doc.ranking.length > 0) charts.push(spendingChartData(doc, lang, 'township', names));
  charts.push(progressChartData(doc, lang), seatsChartData(doc, lang));
  return charts;
}

// ---------------------------------------------------------------------------------------------
// Layout

const WIDTH = 720;
const PAD = 16;
const TITLE_SIZE = 15;
const LABEL_SIZE = 12;
const SMALL_SIZE = 11;
const VALUE_SPACE = 96;

/** Approximate advance width: CJK and full-width characters 1 em, others 0.6 em. */
export function estimateTextWidth(text: string, size: number): number {
  let ems = 0;
  for (const char of text) ems += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return ems * size;
}

export function truncateText(text: string, maxWidth: number, size: number): string {
  if (estimateTextWidth(text, size) <= maxWidth) return text;
  let out = '';
  for (const char of text) {
    if (estimateTextWidth(`${out}${char}…`, size) > maxWidth) break;
    out += char;
  }
  return `${out}…`;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Smallest of 1, 2, 5 × 10^k at or above `value` (at least 10). */
function niceMax(value: number): number {
  if (!(value > 10)) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

function tickLabel(value: number, percent: boolean): string {
  const rounded = Math.round(value * 10) / 10;
  return percent ? `${rounded}%` : String(rounded);
}

class SceneBuilder {
  readonly shapes: ChartShape[] = [];
  rect(x: number, y: number, width: number, height: number, fill: string) {
    this.shapes.push({ type: 'rect', x: round(x), y: round(y), width: round(Math.max(0, width)), height: round(height), fill });
  }
  line(x1: number, y1: number, x2: number, y2: number, stroke: string, strokeWidth = 1, dash?: [number, number]) {
    this.shapes.push({ type: 'line', x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2), stroke, strokeWidth, ...(dash ? { dash } : {}) });
  }
  text(x: number, y: number, text: string, size: number, anchor: 'start' | 'middle' | 'end' = 'start', fill: string = CHART_COLORS.text) {
    this.shapes.push({ type: 'text', x: round(x), y: round(y), text, size, anchor, fill });
  }
  legend(items: { label: string; color: string; line?: boolean }[], y: number) {
    let x = PAD;
    for (const item of items) {
      if (item.line) this.line(x, y - 4, x + 16, y - 4, item.color, 2, [4, 3]);
      else this.rect(x, y - 10, 12, 12, item.color);
      this.text(x + 20, y, item.label, SMALL_SIZE, 'start', CHART_COLORS.muted);
      x += 20 + estimateTextWidth(item.label, SMALL_SIZE) + 18;
    }
  }
}

interface HBarRow {
  label: string;
  bars: { value: number | null; color: string; display: string }[];
}

/**
 * Horizontal bars: one row per item (one or more bars per row), a value axis at the bottom and
 * an optional vertical reference line (序时进度).
 */
function layoutHorizontalBars(options: {
  kind: ChartData['kind'];
  title: string;
  rows: HBarRow[];
  axisMax: number;
  percentAxis: boolean;
  reference?: { value: number; label: string };
  legend: { label: string; color: string; line?: boolean }[];
  emptyText: string;
}): ChartScene {
  const scene = new SceneBuilder();
  const barsPerRow = Math.max(1, ...options.rows.map((row) => row.bars.length));
  const barHeight = barsPerRow > 1 ? 11 : 16;
  const rowHeight = barsPerRow * barHeight + (barsPerRow - 1) * 2 + 10;
  const labelWidth = Math.min(220, Math.max(80, ...options.rows.map((row) => estimateTextWidth(row.label, LABEL_SIZE) + 10)));
  const plotX = PAD + labelWidth;
  const plotWidth = WIDTH - plotX - PAD - VALUE_SPACE;
  const top = PAD + TITLE_SIZE + (options.reference ? 26 : 12);
  const rowsHeight = Math.max(1, options.rows.length) * rowHeight;
  const axisY = top + rowsHeight;
  const height = axisY + 20 + 26 + PAD;
  const xOf = (value: number) => plotX + (Math.min(Math.max(value, 0), options.axisMax) / options.axisMax) * plotWidth;

  scene.text(PAD, PAD + TITLE_SIZE - 2, options.title, TITLE_SIZE);
  for (let i = 0; i <= 4; i++) {
    const value = (options.axisMax * i) / 4;
    scene.line(xOf(value), top, xOf(value), axisY, CHART_COLORS.grid);
    scene.text(xOf(value), axisY + 15, tickLabel(value, options.percentAxis), SMALL_SIZE, 'middle', CHART_COLORS.muted);
  }
  scene.line(plotX, axisY, plotX + plotWidth, axisY, CHART_COLORS.axis);
  if (options.rows.length === 0) {
    scene.text(plotX + plotWidth / 2, top + rowHeight / 2 + 4, options.emptyText, LABEL_SIZE, 'middle', CHART_COLORS.muted);
  }
  options.rows.forEach((row, index) => {
    const rowTop = top + index * rowHeight + 5;
    const label = truncateText(row.label, labelWidth - 10, LABEL_SIZE);
    scene.text(plotX - 8, rowTop + (rowHeight - 10) / 2 + LABEL_SIZE / 2 - 1, label, LABEL_SIZE, 'end');
    row.bars.forEach((bar, barIndex) => {
      const y = rowTop + barIndex * (barHeight + 2);
      const baseline = y + barHeight / 2 + SMALL_SIZE / 2 - 1.5;
      if (bar.value === null) {
        scene.text(plotX + 4, baseline, bar.display, SMALL_SIZE, 'start', CHART_COLORS.muted);
        return;
      }
      const end = xOf(bar.value);
      scene.rect(plotX, y, end - plotX, barHeight, bar.color);
      scene.text(end + 4, baseline, bar.display, SMALL_SIZE, 'start', CHART_COLORS.text);
    });
  });
  if (options.reference) {
    const x = xOf(options.reference.value);
    scene.line(x, top - 6, x, axisY, CHART_COLORS.schedule, 2, [5, 3]);
    scene.text(x, top - 10, options.reference.label, SMALL_SIZE, 'middle', CHART_COLORS.schedule);
  }
  scene.legend(options.legend, height - PAD);
  return { kind: options.kind, title: options.title, width: WIDTH, height: round(height), shapes: scene.shapes };
}

const maxOf = (values: (number | null)[]) => Math.max(0, ...values.filter((v): v is number => v !== null));

export function layoutChart(data: ChartData, lang: BulletinLanguage = DEFAULT_LANGUAGE): ChartScene {
  const emptyText = lang === 'en' ? 'No data' : '暂无数据';
  switch (data.kind) {
    case 'spending': {
      const peak = Math.max(maxOf(data.bars.map((bar) => bar.percent)), data.schedulePercent);
      return layoutHorizontalBars({
        kind: data.kind,
        title: data.title,
        rows: data.bars.map((bar) => ({
          label: bar.label,
          bars: [{ value: bar.percent, color: bar.behind ? CHART_COLORS.behind : CHART_COLORS.bar, display: bar.display }],
        })),
        axisMax: Math.max(100, Math.ceil(peak / 20) * 20),
        percentAxis: true,
        reference: { value: data.schedulePercent, label: data.scheduleLabel },
        legend: [
          { label: data.legend.rate, color: CHART_COLORS.bar },
          { label: data.legend.behind, color: CHART_COLORS.behind },
          { label: data.legend.schedule, color: CHART_COLORS.schedule, line: true },
        ],
        emptyText,
      });
    }
    case 'progress':
      return layoutHorizontalBars({
        kind: data.kind,
        title: data.title,
        rows: data.bars.map((bar) => ({
          label: bar.label,
          bars: [{ value: bar.percent, color: CHART_COLORS[bar.status], display: bar.display }],
        })),
        axisMax: Math.max(100, Math.ceil(maxOf(data.bars.map((bar) => bar.percent)) / 20) * 20),
        percentAxis: true,
        legend: [
          { label: data.legend.normal, color: CHART_COLORS.normal },
          { label: data.legend.stale, color: CHART_COLORS.stale },
          { label: data.legend.overdue, color: CHART_COLORS.overdue },
        ],
        emptyText,
      });
    case 'seats':
      return layoutHorizontalBars({
        kind: data.kind,
        title: data.title,
        rows: data.groups.map((group) => ({
          label: group.label,
          bars: [
            { value: group.delivered, color: CHART_COLORS.bar, display: group.deliveredDisplay },
            { value: group.target, color: CHART_COLORS.target, display: group.targetDisplay },
          ],
        })),
        axisMax: niceMax(Math.max(...data.groups.map((group) => Math.max(group.delivered, group.target)), 0)),
        percentAxis: false,
        legend: [
          { label: data.legend.delivered, color: CHART_COLORS.bar },
          { label: data.legend.target, color: CHART_COLORS.target },
        ],
        emptyText,
      });
  }
}

// ---------------------------------------------------------------------------------------------
// SVG

/** Escapes text and attribute values for XML/HTML. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);
}

const ANCHOR = { start: 'start', middle: 'middle', end: 'end' } as const;

export function sceneToSvg(scene: ChartScene): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" ` +
      `role="img" aria-label="${escapeXml(scene.title)}" font-family="${escapeXml(CHART_FONT_FAMILY)}" data-chart="${scene.kind}">`,
    `<title>${escapeXml(scene.title)}</title>`,
    `<rect x="0" y="0" width="${scene.width}" height="${scene.height}" fill="#ffffff"/>`,
  ];
  for (const shape of scene.shapes) {
    switch (shape.type) {
      case 'rect':
        parts.push(`<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="${shape.fill}"/>`);
        break;
      case 'line':
        parts.push(
          `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"` +
            `${shape.dash ? ` stroke-dasharray="${shape.dash.join(' ')}"` : ''}/>`,
        );
        break;
      case 'text':
        parts.push(
          `<text x="${shape.x}" y="${shape.y}" font-size="${shape.size}" text-anchor="${ANCHOR[shape.anchor]}" fill="${shape.fill}">${escapeXml(shape.text)}</text>`,
        );
        break;
    }
  }
  parts.push('</svg>');
  return parts.join('\n');
}

export function chartSvg(data: ChartData, lang: BulletinLanguage = DEFAULT_LANGUAGE): string {
  return sceneToSvg(layoutChart(data, lang));
}
