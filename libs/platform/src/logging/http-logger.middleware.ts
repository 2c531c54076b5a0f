import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';
import { currentCorrelationId, newCorrelationId } from '../context/correlation';
import { requestPath, type PlatformRequest, type RequestHandler } from '../http/http.types';
import { QUIET_PATHS } from './logging.constants';

/**
 * pino-http request logging on the platform logger (`component: http`): one line per finished
 * request with method, path, status and duration; probes and scrapes are skipped; headers (and
 * so the Authorization header) are never logged.
 */
export function createHttpLogger(logger: Logger, quietPaths: readonly string[] = QUIET_PATHS): RequestHandler {
  const quiet = new Set(quietPaths);
  const middleware = pinoHttp({
    logger: logger.child({ component: 'http' }),
    genReqId: (req: IncomingMessage) =>
      (req as PlatformRequest).correlationId ?? currentCorrelationId() ?? newCorrelationId(),
    customAttributeKeys: { reqId: 'correlationId' },
    autoLogging: { ignore: (req: IncomingMessage) => quiet.has(requestPath(req as PlatformRequest)) },
    quietReqLogger: true,
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method} ${requestPath(req as PlatformRequest)} ${res.statusCode}`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method} ${requestPath(req as PlatformRequest)} ${res.statusCode}`,
  });
  return (req, res, next) => middleware(req, res, next);
}
