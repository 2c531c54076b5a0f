import type { BulletinDocument, BulletinFormat } from '../../bulletins/bulletin-document';
import type { DivisionNames } from '../../bulletins/render/labels';

/**
 * What a transport needs to deliver one bulletin to one subscriber, and what came of it.
 * Transports never throw for a failed delivery: they return a classified outcome, so the job
 * decides — retry with backoff when `retryable`, give up at once (BullMQ `UnrecoverableError`)
 * when not — and records the status per subscriber.
 */
export interface BulletinDeliveryRequest {
  /** Stable per (bulletin version, subscriber): receivers de-duplicate on it. */
  deliveryId: string;
  bulletinId: string;
  bulletin: BulletinDocument;
  /** The issued bulletin's content hash, printed in the rendered formats and sent as a header. */
  contentHash: string;
  /** Absolute URLs where the subscriber can fetch each format. */
  links: Partial<Record<BulletinFormat, string>>;
  /** Township and county names by division code, for titles and subjects. */
  divisionNames?: DivisionNames;
}

export type DeliveryFailureReason =
  | 'invalid_target'
  | 'http_status'
  | 'redirect'
  | 'timeout'
  | 'network'
  | 'rejected'
  | 'auth'
  | 'render'
  | 'unknown';

export type DeliveryOutcome =
  | {
      ok: true;
      transport: 'webhook' | 'email';
      deliveryId: string;
      /** HTTP status, or the SMTP server's final reply code when known. */
      status?: number;
      /** Server's reply (HTTP body excerpt, SMTP response line), for the delivery log. */
      detail: string;
      durationMs: number;
    }
  | {
      ok: false;
      transport: 'webhook' | 'email';
      deliveryId: string;
      retryable: boolean;
      reason: DeliveryFailureReason;
      status?: number;
      message: string;
      /** From a Retry-After header (429/503), when the server sent one. */
      retryAfterMs?: number;
      durationMs: number;
    };

export type DeliveryFailure = Extract<DeliveryOutcome, { ok: false }>;

/** Thrown by `assertDelivered`; `retryable` tells the job whether retrying can help. */
export class DeliveryFailedError extends Error {
  readonly retryable: boolean;
  constructor(readonly outcome: DeliveryFailure) {
    super(`${outcome.transport} delivery ${outcome.deliveryId} failed (${outcome.reason}${outcome.status ? ` ${outcome.status}` : ''}): ${outcome.message}`);
    this.name = 'DeliveryFailedError';
    this.retryable = outcome.retryable;
  }
}

export function assertDelivered(outcome: DeliveryOutcome): asserts outcome is Extract<DeliveryOutcome, { ok: true }> {
  if (!outcome.ok) throw new DeliveryFailedError(outcome);
}

/** HTTP status → outcome class: 2xx delivered; 408, 429 and 5xx retryable; other 3xx/4xx permanent. */
export function classifyHttpStatus(status: number): 'delivered' | 'retryable' | 'permanent' {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || status >= 500) return 'retryable';
  return 'permanent';
}

/** Retry-After as seconds or an HTTP date → milliseconds (never negative); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: Date = new Date()): number | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
