/** One problem with one input field; `field` is a path such as `plannedInvestmentFen` or `acceptance.finalCostFen`. */
export interface FieldError {
  field: string;
  code: string;
  zh: string;
  en: string;
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

export const fieldError = (field: string, code: string, zh: string, en: string): FieldError => ({ field, code, zh, en });

/**
 * Thrown only for programmer errors (e.g. a malformed `today` argument). Business rule
 * violations are returned as values (`Result`), never thrown.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly field?: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(en);
    this.name = 'DomainError';
  }

  static fromFieldErrors(code: string, errors: readonly FieldError[]): DomainError {
    const first = errors[0];
    return new DomainError(code, first?.zh ?? '输入无效', first?.en ?? 'Invalid input', first?.field, errors);
  }
}
