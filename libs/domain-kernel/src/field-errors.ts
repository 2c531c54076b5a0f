/**
 * Field-level rule results shared by the services' domain rules: every problem names its field and
 * carries a Chinese and an English message, so an API can list them all at once.
 */
/** One problem with one input field; `field` is a path such as `plannedInvestmentFen` or `acceptance.finalCostFen`. */
export interface FieldError {
  field: string;
  code: string;
  zh: string;
  en: string;
}

export type Outcome<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

export const fieldError = (field: string, code: string, zh: string, en: string): FieldError => ({ field, code, zh, en });

/**
 * Thrown only for programmer errors (e.g. a malformed `today` argument). Business rule
 * violations are returned as values (`Outcome`), never thrown.
 */
export class RuleError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly field?: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(en);
    this.name = 'RuleError';
  }

  static fromFieldErrors(code: string, errors: readonly FieldError[]): RuleError {
    const first = errors[0];
    return new RuleError(code, first?.zh ?? '输入无效', first?.en ?? 'Invalid input', first?.field, errors);
  }
}
