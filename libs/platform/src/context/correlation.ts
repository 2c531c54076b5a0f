import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, PlatformRequest, PlatformResponse } from '../http/http.types';

/** Who is acting in the current request or event handler, for logs. */
export interface ContextActor {
  userId: string;
  role: string;
}

export interface RequestContext {
  correlationId: string;
  actor?: ContextActor;
}

export const CORRELATION_HEADER = 'X-Correlation-Id';

const VALID_ID = /^[A-Za-z0-9\-_.:]{1,128}$/;
const storage = new AsyncLocalStorage<RequestContext>();

/** ≤ 128 characters of `[A-Za-z0-9-_.:]`. */
export function isValidCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && VALID_ID.test(value);
}

export function newCorrelationId(): string {
  return randomUUID();
}

/**
 * Runs `fn` with a fresh context carrying `correlationId`. An absent or malformed id is replaced
 * with a new uuid, so handlers of events from outside still get a usable id.
 */
export function runWithCorrelation<T>(correlationId: string | null | undefined, fn: () => T): T {
  const id = isValidCorrelationId(correlationId) ? correlationId : newCorrelationId();
  return storage.run({ correlationId: id }, fn);
}

/** The correlation id of the current request or event handler, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function currentRequestContext(): Readonly<RequestContext> | undefined {
  return storage.getStore();
}

/** Records the authenticated actor on the current context (no-op outside one). */
export function setCurrentActor(actor: ContextActor): void {
  const store = storage.getStore();
  if (store) store.actor = actor;
}

/**
 * Express middleware: takes a valid `X-Correlation-Id` from the request or generates one, echoes
 * it on the response, stores it on `req.correlationId` and runs the rest of the chain inside the
 * context. Register it before the body parser so parse errors carry the id too.
 */
export function correlationMiddleware(req: PlatformRequest, res: PlatformResponse, next: NextFunction): void {
  const incoming = req.headers[CORRELATION_HEADER.toLowerCase()];
  const id = isValidCorrelationId(incoming) ? incoming : newCorrelationId();
  req.correlationId = id;
  res.setHeader(CORRELATION_HEADER, id);
  storage.run({ correlationId: id }, () => next());
}
