/** Languages problem texts are written in; zh-CN is the default. */
export type Lang = 'zh' | 'en';

export interface LocalizedText {
  zh: string;
  en: string;
}

/** A text in both languages, or one string used for both. */
export type Localizable = string | LocalizedText;

export interface ProblemFieldError {
  /** Path of the field, e.g. `plannedSeats` or `grades[2].pupils`. */
  field: string;
  /** Machine-readable, e.g. `required`, `too-small`. */
  code: string;
  message: Localizable;
}

export interface ProblemInit {
  status: number;
  /** Machine-readable and stable, kebab-case, e.g. `illegal-phase-transition`; also the end of `type`. */
  code: string;
  title: LocalizedText;
  detail?: Localizable;
  errors?: ProblemFieldError[];
  /** Extra members rendered at the top level, e.g. `currentPhase`, `allowedNextPhases`, `headroom`. */
  extensions?: Record<string, unknown>;
  /** Response headers, e.g. `WWW-Authenticate` on 401. */
  headers?: Record<string, string>;
}

/** The rendered RFC 9457 body. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  correlationId?: string;
  errors?: { field: string; code: string; message: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://xiaojian.example/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function localize(text: Localizable, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}
