import { requestPath, type PlatformRequest, type RequestHandler } from '../http/http.types';
import { QUIET_PATHS } from '../logging/logging.constants';
import { httpRequestDuration } from './metrics.registry';

/** Label for requests that matched no route, so unknown URLs cannot explode the series count. */
export const UNMATCHED_ROUTE = 'unmatched';

function routeTemplate(req: PlatformRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}

/** Observes `http_request_duration_seconds` when each response finishes (probes/scrapes skipped). */
export function httpMetricsMiddleware(quietPaths: readonly string[] = QUIET_PATHS): RequestHandler {
  const quiet = new Set(quietPaths);
  return (req, res, next) => {
    if (quiet.has(requestPath(req))) return next();
    const stop = httpRequestDuration.startTimer();
    res.once('finish', () => {
      stop({ method: req.method ?? 'GET', route: routeTemplate(req), status: String(res.statusCode) });
    });
    next();
  };
}
