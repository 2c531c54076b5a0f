import { HttpException } from '@nestjs/common';
import type { Localizable, LocalizedText, ProblemFieldError, ProblemInit } from './problem.types';

/**
 * An error that is rendered as RFC 9457 problem+json by the platform's exception filter.
 *
 * ```ts
 * throw new ProblemException({
 *   status: 409,
 *   code: 'illegal-phase-transition',
 *   title: { zh: '项目阶段不能这样变更', en: 'Illegal phase transition' },
 *   detail: { zh: '“立项”阶段的项目只能进入“前期手续”或“取消”。', en: 'A project in phase "approved" can only move to "preparation" or "cancelled".' },
 *   extensions: { currentPhase: 'approved', allowedNextPhases: ['preparation', 'cancelled'] },
 * });
 * ```
 */
export class ProblemException extends HttpException {
  readonly problem: Readonly<ProblemInit>;

  constructor(problem: ProblemInit, options?: { cause?: unknown }) {
    super(
      { code: problem.code, title: problem.title.en, detail: problem.detail },
      problem.status,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }

  /** 400 with field errors. */
  static badRequest(
    code: string,
    title: LocalizedText,
    detail?: Localizable,
    errors?: ProblemFieldError[],
  ): ProblemException {
    return new ProblemException({ status: 400, code, title, detail, errors });
  }

  static notFound(what: LocalizedText, id?: string): ProblemException {
    return new ProblemException({
      status: 404,
      code: 'not-found',
      title: { zh: '找不到相关内容', en: 'Not found' },
      detail: id
        ? { zh: `找不到${what.zh}（编号 ${id}），可能已被删除或编号有误。`, en: `${what.en} ${id} was not found.` }
        : { zh: `找不到${what.zh}。`, en: `${what.en} was not found.` },
    });
  }

  static conflict(
    code: string,
    title: LocalizedText,
    detail?: Localizable,
    extensions?: Record<string, unknown>,
  ): ProblemException {
    return new ProblemException({ status: 409, code, title, detail, extensions });
  }

  static unprocessable(
    code: string,
    title: LocalizedText,
    detail?: Localizable,
    extensions?: Record<string, unknown>,
  ): ProblemException {
    return new ProblemException({ status: 422, code, title, detail, extensions });
  }
}
