/**
 * A rule violation: a machine code, the offending field, and messages in Chinese (primary)
 * and English. Controllers map it to problem+json; nothing here knows about HTTP.
 */
export interface DomainIssue {
  readonly code: string;
  readonly field?: string;
  readonly zh: string;
  readonly en: string;
}

export function issue(code: string, field: string | undefined, zh: string, en: string): DomainIssue {
  return field === undefined ? { code, zh, en } : { code, field, zh, en };
}

/** Thrown for programming errors and broken invariants; expected input errors are `Result`s. */
export class DomainError extends Error implements DomainIssue {
  readonly code: string;
  // `declare`: an absent field stays absent instead of becoming an own `undefined` property.
  declare readonly field?: string;
  readonly zh: string;
  readonly en: string;

  constructor(value: DomainIssue) {
    super(`${value.code}: ${value.en}`);
    this.name = 'DomainError';
    this.code = value.code;
    if (value.field !== undefined) (this as { field?: string }).field = value.field;
    this.zh = value.zh;
    this.en = value.en;
  }

  toIssue(): DomainIssue {
    return issue(this.code, this.field, this.zh, this.en);
  }
}

export type Result<T, E extends DomainIssue = DomainIssue> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<E extends DomainIssue>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new DomainError(result.error);
}
