import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  Injectable,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { throwError, type Observable } from 'rxjs';
import { currentCorrelationId } from '../context/correlation';
import { requestPath, type PlatformRequest, type PlatformResponse } from '../http/http.types';
import { PLATFORM_LOGGER } from '../logging/logging.constants';
import { negotiateLanguage } from './accept-language.util';
import { internalErrorProblem, mapBodyParserError, malformedJsonProblem, problemForStatus, routeNotFoundProblem } from './problem-catalog';
import { ProblemException } from './problem.exception';
import {
  localize,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  type Lang,
  type ProblemDocument,
  type ProblemInit,
} from './problem.types';

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'correlationId', 'errors']);

export interface RenderContext {
  instance?: string;
  correlationId?: string;
}

/** Renders a problem in one language. Extensions never overwrite the standard members. */
export function renderProblem(problem: ProblemInit, lang: Lang, context: RenderContext = {}): ProblemDocument {
  const extensions = Object.fromEntries(
    Object.entries(problem.extensions ?? {}).filter(([key]) => !RESERVED.has(key)),
  );
  const doc: ProblemDocument = {
    type: `${PROBLEM_TYPE_BASE}${problem.code}`,
    title: localize(problem.title, lang),
    status: problem.status,
    ...(problem.detail !== undefined && { detail: localize(problem.detail, lang) }),
    ...(context.instance !== undefined && { instance: context.instance }),
    code: problem.code,
    ...(context.correlationId !== undefined && { correlationId: context.correlationId }),
    ...(problem.errors !== undefined && {
      errors: problem.errors.map((e) => ({ field: e.field, code: e.code, message: localize(e.message, lang) })),
    }),
  };
  return { ...doc, ...extensions };
}

/** Nest's not-found handler throws `Cannot GET /path`; that is a missing route, not a missing record. */
const ROUTE_NOT_FOUND = /^Cannot [A-Z]+ /;

/**
 * Turns anything thrown into a problem. Unknown errors become a bare 500: their message and stack
 * are for the logs, never for the client.
 */
export function problemFromError(error: unknown, req?: PlatformRequest): { problem: ProblemInit; unexpected: boolean } {
  const mapped = mapBodyParserError(error);
  if (mapped instanceof ProblemException) return { problem: mapped.problem, unexpected: false };

  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (error instanceof NotFoundException && ROUTE_NOT_FOUND.test(error.message) && req) {
      return { problem: routeNotFoundProblem(req.method ?? 'GET', requestPath(req)), unexpected: false };
    }
    // Nest maps body-parser's SyntaxError to a BadRequestException when our mapper is not installed.
    if (status === 400 && error.cause === undefined && /JSON/.test(error.message) && /position|token|Unexpected|Expected/.test(error.message)) {
      return { problem: malformedJsonProblem().problem, unexpected: false };
    }
    return { problem: problemForStatus(status), unexpected: status >= 500 };
  }

  // http-errors style errors (from Express middleware) that are safe to expose.
  if (typeof error === 'object' && error !== null) {
    const e = error as { status?: unknown; statusCode?: unknown; expose?: unknown };
    const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
    if (status !== undefined && status >= 400 && status < 500 && e.expose === true) {
      return { problem: problemForStatus(status), unexpected: false };
    }
  }
  return { problem: internalErrorProblem(), unexpected: true };
}

/**
 * Global filter rendering every HTTP error as `application/problem+json` (RFC 9457) in zh-CN or
 * en according to Accept-Language. Non-HTTP contexts (message handlers) get the error back
 * untouched so their own retry/dead-letter logic sees it.
 */
@Catch()
@Injectable()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger?: Logger;

  constructor(@Optional() @Inject(PLATFORM_LOGGER) logger?: Logger) {
    this.logger = logger?.child({ component: 'problem-details' });
  }

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);

    const http = host.switchToHttp();
    const req = http.getRequest<PlatformRequest>();
    const res = http.getResponse<PlatformResponse>();
    const { problem, unexpected } = problemFromError(exception, req);
    const correlationId = req.correlationId ?? currentCorrelationId();

    if (unexpected) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger?.error({ err, path: requestPath(req), method: req.method }, `Unhandled error: ${err.message}`);
    }
    if (res.headersSent) {
      this.logger?.warn({ status: problem.status, code: problem.code }, 'Error after the response was sent');
      if (!res.writableEnded) res.end();
      return;
    }

    const lang = negotiateLanguage(req.headers['accept-language']);
    const body = renderProblem(problem, lang, { instance: requestPath(req), correlationId });
    res.statusCode = problem.status;
    for (const [name, value] of Object.entries(problem.headers ?? {})) res.setHeader(name, value);
    res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    res.setHeader('Content-Language', lang === 'zh' ? 'zh-CN' : 'en');
    res.setHeader('Vary', 'Accept-Language');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
  }
}
