/** Strong ETag of a project representation: its version. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The versions an `If-Match` header names (`"3"`, `W/"3"`, a comma-separated list, or `*` → 'any').
 * Returns undefined when the header is absent or empty.
 */
export function parseIfMatch(header: string | string[] | undefined): number[] | 'any' | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value === undefined || value.trim() === '') return undefined;
  if (value.trim() === '*') return 'any';
  const versions: number[] = [];
  for (const part of value.split(',')) {
    const m = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(part);
    if (m) versions.push(Number(m[1]));
  }
  return versions;
}

/** True when the header allows writing over `version`. */
export function ifMatchAllows(parsed: number[] | 'any', version: number): boolean {
  return parsed === 'any' || parsed.includes(version);
}
