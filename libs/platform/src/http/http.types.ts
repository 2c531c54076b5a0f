import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal';

/**
 * The slice of an Express request the platform relies on. Declared here because the workspace
 * does not ship `@types/express`; Express' `Request` is structurally compatible.
 */
export interface PlatformRequest extends IncomingMessage {
  originalUrl?: string;
  path?: string;
  baseUrl?: string;
  route?: { path?: string };
  body?: unknown;
  query?: unknown;
  /** Set by the correlation middleware. */
  correlationId?: string;
  /** Set by the auth guard once the bearer token is verified. */
  principal?: Principal;
}

export type PlatformResponse = ServerResponse;

export type NextFunction = (err?: unknown) => void;

export type RequestHandler = (req: PlatformRequest, res: PlatformResponse, next: NextFunction) => void;

export type ErrorRequestHandler = (
  err: unknown,
  req: PlatformRequest,
  res: PlatformResponse,
  next: NextFunction,
) => void;

/** The request path without the query string. */
export function requestPath(req: PlatformRequest): string {
  const url = req.originalUrl ?? req.url ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
