import { createHash } from 'node:crypto';
import type { Figures } from '../figures/compute-figures';
import type { CountyFigures } from '../figures/county-figures';
import type { BulletinDocument, FigureChange } from './bulletin-document';

/** A bulletin before it is issued: everything but version, issue time and changes. */
export type BulletinDraft = Omit<BulletinDocument, 'version' | 'issuedAt' | 'changes'>;

export function figuresQuery(countyCode: string, townshipCode: string | null, month: string): string {
  const params = new URLSearchParams({ county: countyCode, ...(townshipCode ? { township: townshipCode } : {}), month });
  return `/api/v1/figures/trace?${params.toString()}&figure=`;
}

function traceCount(figures: Figures): number {
  return new Set(Object.values(figures.trace).flat()).size;
}

export function townshipDraft(figures: Figures): BulletinDraft {
  const { countyCode, townshipCode } = figures.scope;
  return {
    schemaVersion: 1,
    kind: 'township',
    countyCode,
    townshipCode,
    month: figures.month,
    asOf: figures.asOf,
    summary: figures.summary,
    projects: figures.projects,
    trace: { eventCount: traceCount(figures), drillDown: figuresQuery(countyCode, townshipCode, figures.month) },
  };
}

export function countyDraft(county: CountyFigures): BulletinDraft {
  const figures = county.county;
  return {
    schemaVersion: 1,
    kind: 'county',
    countyCode: figures.scope.countyCode,
    townshipCode: null,
    month: figures.month,
    asOf: figures.asOf,
    summary: figures.summary,
    projects: figures.projects,
    ranking: county.ranking,
    laggards: county.laggards,
    trace: { eventCount: traceCount(figures), drillDown: figuresQuery(figures.scope.countyCode, null, figures.month) },
  };
}

/** JSON with object keys sorted at every level and no whitespace: equal content ⇔ equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The figures of a document: what decides whether a re-run issues a new version and what its
 * `changes` list. Version, issue time, changes and the drill-down hint are not figures.
 */
export function figuresOf(document: BulletinDraft | BulletinDocument): Omit<BulletinDraft, 'trace'> {
  const { version: _v, issuedAt: _i, changes: _c, trace: _t, ...figures } = document as BulletinDocument;
  return figures;
}

export function figuresHash(document: BulletinDraft | BulletinDocument): string {
  return sha256(canonicalJson(figuresOf(document)));
}

/** Array items are addressed by their natural key, so a path survives reordering. */
function itemKey(item: unknown, index: number): string {
  if (item && typeof item === 'object') {
    const row = item as Record<string, unknown>;
    if (typeof row.code === 'string') return row.code;
    if (typeof row.source === 'string') return row.source;
    if (typeof row.level === 'string' && typeof row.ownership === 'string') return `${row.level}/${row.ownership}`;
    if (typeof row.townshipCode === 'string') return row.townshipCode;
  }
  return String(index);
}

function flatten(value: unknown, path: string, into: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      into.set(path, value);
      return;
    }
    value.forEach((item, index) => flatten(item, `${path}.${itemKey(item, index)}`, into));
    if (value.length === 0) into.set(path, []);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const isRate = 'kind' in (value as object) && (entries.length <= 2);
    if (isRate) {
      into.set(path, value);
      return;
    }
    for (const [key, child] of entries) flatten(child, path ? `${path}.${key}` : key, into);
    return;
  }
  into.set(path, value);
}

/** The figures that differ between two versions, as (path, previous, current); paths sorted. */
export function diffFigures(previous: BulletinDraft | BulletinDocument, current: BulletinDraft | BulletinDocument): FigureChange[] {
  const before = new Map<string, unknown>();
  const after = new Map<string, unknown>();
  flatten(figuresOf(previous), '', before);
  flatten(figuresOf(current), '', after);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((path) => canonicalJson(before.get(path) ?? null) !== canonicalJson(after.get(path) ?? null))
    .map((path) => ({ path, previous: before.get(path) ?? null, current: after.get(path) ?? null }));
}
