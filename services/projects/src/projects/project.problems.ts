import { type FieldError } from '@xiaojian/domain-kernel';
import { ProblemException, type ProblemFieldError } from '@xiaojian/platform';
import type { TransitionRejection } from '../domain';

export const PROJECT_LABEL = { zh: '项目', en: 'Project' };

export const toProblemErrors = (errors: readonly FieldError[]): ProblemFieldError[] =>
  errors.map((e) => ({ field: e.field, code: e.code, message: { zh: e.zh, en: e.en } }));

/** 422: the input is well-formed but breaks a business rule; every offending field is named. */
export function invalidInputProblem(code: string, title: { zh: string; en: string }, errors: readonly FieldError[]): ProblemException {
  return new ProblemException({
    status: 422,
    code,
    title,
    detail: {
      zh: `共有 ${errors.length} 处不符合要求：${errors.map((e) => e.zh).join('；')}`,
      en: `${errors.length} problem(s): ${errors.map((e) => e.en).join('; ')}`,
    },
    errors: toProblemErrors(errors),
  });
}

export function projectNotFound(id: string): ProblemException {
  return ProblemException.notFound(PROJECT_LABEL, id);
}

export function duplicateCodeProblem(code: string, countyCode: string): ProblemException {
  return new ProblemException({
    status: 409,
    code: 'duplicate-project-code',
    title: { zh: '项目编号已存在', en: 'Duplicate project code' },
    detail: {
      zh: `县级区划 ${countyCode} 内已有项目编号为“${code}”的项目，请核对编号后重新提交。`,
      en: `County ${countyCode} already has a project with code "${code}".`,
    },
    errors: [{ field: 'code', code: 'duplicate', message: { zh: `项目编号“${code}”已存在`, en: `Project code "${code}" already exists` } }],
  });
}

export function preconditionRequiredProblem(): ProblemException {
  return new ProblemException({
    status: 428,
    code: 'precondition-required',
    title: { zh: '缺少版本标识', en: 'Precondition required' },
    detail: {
      zh: '修改项目前请先读取项目，并在 If-Match 请求头中带上读取时返回的 ETag，以免覆盖他人的修改。',
      en: 'Send the ETag you read in an If-Match header so that concurrent changes are not overwritten.',
    },
  });
}

export function staleVersionProblem(currentETag: string): ProblemException {
  return new ProblemException({
    status: 412,
    code: 'precondition-failed',
    title: { zh: '项目已被他人修改', en: 'Precondition failed' },
    detail: {
      zh: '您读取之后项目已被修改（版本不一致）。请刷新后核对最新数据，再重新提交修改。',
      en: 'The project changed since you read it; reload it and apply your change again.',
    },
    extensions: { currentETag },
  });
}

export function illegalTransitionProblem(rejection: TransitionRejection): ProblemException {
  return new ProblemException({
    status: 409,
    code: 'illegal-phase-transition',
    title: { zh: '项目阶段不能这样变更', en: 'Illegal phase transition' },
    detail: { zh: rejection.zh, en: rejection.en },
    errors: toProblemErrors(rejection.errors),
    extensions: {
      currentPhase: rejection.currentPhase,
      requestedPhase: rejection.requestedPhase,
      allowedNextPhases: rejection.allowedNextPhases,
    },
  });
}
