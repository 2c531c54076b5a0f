import { z } from 'zod';
import { localized } from './zod-issue.translator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

export type SortDirection = 'asc' | 'desc';

export interface SortSpec<F extends string = string> {
  field: F;
  direction: SortDirection;
}

/** A page of results as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PageQuery<F extends string = string> {
  page: number;
  pageSize: number;
  sort?: SortSpec<F>;
}

/** `page` (≥ 1, default 1) and `pageSize` (1..200, default 20), coerced from query strings. */
export const paginationShape = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

/**
 * `sort=field` (ascending) or `sort=-field` (descending), checked against an allow-list so only
 * indexed columns can be sorted on; parsed to `{ field, direction }`.
 */
export function sortParam<const F extends string>(sortable: readonly F[], defaultSort?: F | `-${F}`) {
  const allowed = new Set<string>(sortable);
  const parse = z.string().transform((value, ctx): SortSpec<F> => {
    const direction: SortDirection = value.startsWith('-') ? 'desc' : 'asc';
    const field = value.replace(/^[-+]/, '');
    if (!allowed.has(field)) {
      const { error, params } = localized(
        `不支持按“${field}”排序，可选：${sortable.join('、')}（前加“-”表示倒序）`,
        `cannot sort by "${field}"; allowed: ${sortable.join(', ')} (prefix "-" for descending)`,
      );
      ctx.issues.push({ code: 'custom', input: value, message: error, params });
      return z.NEVER;
    }
    return { field: field as F, direction };
  });
  return defaultSort === undefined ? parse.optional() : parse.prefault(defaultSort);
}

/**
 * The query schema of a list endpoint; extend it with filters:
 * `paginationQuery({ sortable: ['name', 'createdAt'], defaultSort: '-createdAt' }).extend({ phase: … })`.
 */
export function paginationQuery<const F extends string>(options: { sortable: readonly F[]; defaultSort?: F | `-${F}` }) {
  return z.object({ ...paginationShape, sort: sortParam(options.sortable, options.defaultSort) });
}

/** OFFSET / LIMIT for a page query. */
export function pageOffset(query: { page: number; pageSize: number }): { offset: number; limit: number } {
  return { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
}

export function toPage<T>(items: T[], total: number, query: { page: number; pageSize: number }): Page<T> {
  return { items, page: query.page, pageSize: query.pageSize, total };
}
