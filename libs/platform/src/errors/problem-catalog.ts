import type { LocalizedText, ProblemInit } from './problem.types';
import { ProblemException } from './problem.exception';

/** Titles for statuses that reach the filter without a ProblemException. */
const STATUS_PROBLEMS: Record<number, { code: string; title: LocalizedText; detail: LocalizedText }> = {
  400: {
    code: 'bad-request',
    title: { zh: '请求有误', en: 'Bad request' },
    detail: { zh: '提交的请求有误，请检查后重试。', en: 'The request could not be understood.' },
  },
  401: {
    code: 'unauthenticated',
    title: { zh: '请先登录', en: 'Authentication required' },
    detail: { zh: '请先登录后再操作。', en: 'A valid bearer token is required.' },
  },
  403: {
    code: 'forbidden',
    title: { zh: '无权操作', en: 'Forbidden' },
    detail: { zh: '您的账号没有进行此操作的权限。', en: 'You are not allowed to perform this action.' },
  },
  404: {
    code: 'not-found',
    title: { zh: '找不到相关内容', en: 'Not found' },
    detail: { zh: '找不到您要访问的内容，可能已被删除或地址有误。', en: 'The requested resource was not found.' },
  },
  405: {
    code: 'method-not-allowed',
    title: { zh: '不支持此操作', en: 'Method not allowed' },
    detail: { zh: '该地址不支持此请求方式。', en: 'The method is not allowed for this resource.' },
  },
  406: {
    code: 'not-acceptable',
    title: { zh: '无法提供所需格式', en: 'Not acceptable' },
    detail: { zh: '无法以您要求的格式返回结果。', en: 'The requested representation is not available.' },
  },
  409: {
    code: 'conflict',
    title: { zh: '数据冲突', en: 'Conflict' },
    detail: { zh: '数据已被他人修改或与现有记录冲突，请刷新后重试。', en: 'The request conflicts with the current state.' },
  },
  413: {
    code: 'payload-too-large',
    title: { zh: '提交的内容过大', en: 'Payload too large' },
    detail: { zh: '提交的内容超过了大小上限，请精简或分批提交。', en: 'The request body exceeds the size limit.' },
  },
  415: {
    code: 'unsupported-media-type',
    title: { zh: '不支持的内容格式', en: 'Unsupported media type' },
    detail: {
      zh: '请以 JSON 格式提交（Content-Type: application/json，UTF-8 编码）。',
      en: 'Send the body as UTF-8 JSON (Content-Type: application/json).',
    },
  },
  422: {
    code: 'unprocessable',
    title: { zh: '无法处理该请求', en: 'Unprocessable content' },
    detail: { zh: '提交的内容不符合业务规则。', en: 'The request violates a business rule.' },
  },
  429: {
    code: 'too-many-requests',
    title: { zh: '操作过于频繁', en: 'Too many requests' },
    detail: { zh: '操作过于频繁，请稍后再试。', en: 'Too many requests; try again later.' },
  },
  500: {
    code: 'internal-error',
    title: { zh: '系统出现异常', en: 'Internal server error' },
    detail: {
      zh: '系统出现异常，请稍后重试。如果问题持续，请联系系统管理员，并提供本次请求编号。',
      en: 'An unexpected error occurred. Try again later; if it persists, contact support with the correlation id.',
    },
  },
  503: {
    code: 'service-unavailable',
    title: { zh: '服务暂时不可用', en: 'Service unavailable' },
    detail: { zh: '服务暂时不可用，请稍后重试。', en: 'The service is temporarily unavailable.' },
  },
};

/** A problem for a bare status code (used when something other than a ProblemException is thrown). */
export function problemForStatus(status: number): ProblemInit {
  const known = STATUS_PROBLEMS[status] ?? STATUS_PROBLEMS[status >= 500 ? 500 : 400];
  return { status, code: known.code, title: known.title, detail: known.detail };
}

export function internalErrorProblem(): ProblemInit {
  return problemForStatus(500);
}

export function routeNotFoundProblem(method: string, path: string): ProblemInit {
  return {
    ...problemForStatus(404),
    detail: { zh: `接口地址不存在：${method} ${path}`, en: `No route matches ${method} ${path}.` },
  };
}

export function malformedJsonProblem(): ProblemException {
  return new ProblemException({
    status: 400,
    code: 'malformed-json',
    title: { zh: '请求体不是合法的 JSON', en: 'Malformed JSON body' },
    detail: {
      zh: '请求体不是合法的 JSON，请检查格式（如引号、逗号、括号是否成对）后重新提交。',
      en: 'The request body is not valid JSON.',
    },
  });
}

export function payloadTooLargeProblem(limit?: string): ProblemException {
  const base = problemForStatus(413);
  return new ProblemException({
    ...base,
    detail: limit
      ? { zh: `提交的内容超过了 ${limit} 的上限，请精简或分批提交。`, en: `The request body exceeds the ${limit} limit.` }
      : base.detail,
  });
}

interface HttpErrorLike {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * Maps errors raised by body-parser / raw-body (http-errors with a `type`) to problems; anything
 * else is returned unchanged.
 */
export function mapBodyParserError(err: unknown, limit?: string): unknown {
  if (typeof err !== 'object' || err === null) return err;
  const e = err as HttpErrorLike;
  switch (e.type) {
    case 'entity.parse.failed':
      return malformedJsonProblem();
    case 'entity.too.large':
      return payloadTooLargeProblem(limit);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ProblemException(problemForStatus(415));
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new ProblemException(problemForStatus(400));
    default:
      return err;
  }
}
