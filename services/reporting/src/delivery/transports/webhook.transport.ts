import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { BulletinFormat, BulletinLanguage } from '../../bulletins/bulletin-document';
import { bulletinTitle, DEFAULT_LANGUAGE } from '../../bulletins/render/labels';
import { renderBulletin } from '../../bulletins/render';
import { BulletinDeliveryRequest, DeliveryFailureReason, DeliveryOutcome, classifyHttpStatus, parseRetryAfter } from './delivery-outcome';

/**
 * Webhook delivery: one POST per (bulletin version, subscriber). The body is signed with the
 * subscriber's secret — `X-Xiaojian-Signature: sha256=<hex HMAC-SHA256(raw body)>` — and carries
 * `X-Xiaojian-Delivery-Id` (stable across retries: receivers de-duplicate on it) and
 * `X-Xiaojian-Timestamp` (Unix seconds at sending). Redirects are not followed.
 */
export const SIGNATURE_HEADER = 'X-Xiaojian-Signature';
export const TIMESTAMP_HEADER = 'X-Xiaojian-Timestamp';
export const DELIVERY_ID_HEADER = 'X-Xiaojian-Delivery-Id';
export const EVENT_HEADER = 'X-Xiaojian-Event';
export const BULLETIN_EVENT = 'bulletin.issued';
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/** `notification`: JSON with the bulletin's metadata and links; a format: the bulletin itself, rendered. */
export type WebhookPayload = 'notification' | BulletinFormat;

export interface WebhookSubscriber {
  url: string;
  secret: string;
  payload?: WebhookPayload;
  lang?: BulletinLanguage;
}

export interface WebhookTransportOptions {
  /** Whole-request deadline (connect, send, response headers and body); default 10 s. */
  timeoutMs?: number;
  now?: () => Date;
  userAgent?: string;
}

export interface BulletinNotification {
  type: typeof BULLETIN_EVENT;
  deliveryId: string;
  bulletinId: string;
  kind: 'township' | 'county';
  countyCode: string;
  townshipCode: string | null;
  month: string;
  version: number;
  issuedAt: string;
  contentHash: string;
  title: string;
  links: Partial<Record<BulletinFormat, string>>;
}

export interface SignedWebhookRequest {
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Only absolute http(s) URLs without embedded credentials are accepted. */
export function validateWebhookUrl(value: unknown): UrlCheck {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: '回调地址不能为空 (webhook URL is required)' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: `回调地址格式不正确：${value} (not a valid absolute URL)` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `回调地址只支持 http 或 https，不支持 ${url.protocol} (only http and https URLs are allowed)` };
  }
  if (!url.hostname) return { ok: false, message: `回调地址缺少主机名：${value} (URL has no host)` };
  if (url.username || url.password) {
    return { ok: false, message: '回调地址不能包含用户名或密码，请使用签名密钥 (credentials in the URL are not allowed; the HMAC secret authenticates)' };
  }
  return { ok: true, url };
}

/** "sha256=<hex>" of HMAC-SHA256 over the exact bytes sent. */
export function signWebhookBody(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * For receivers (and tests): true when `header` is the signature of `body` (the raw bytes as
 * received, before any JSON parsing) under `secret`. Constant-time comparison.
 */
export function verifyWebhookSignature(body: Buffer | string, secret: string, header: string | string[] | undefined | null): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || !secret) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(value.trim());
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** For receivers: the timestamp header is within `toleranceSeconds` of `now` (replay window). */
export function isFreshWebhookTimestamp(header: string | string[] | undefined | null, now: Date = new Date(), toleranceSeconds = 300): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) return false;
  return Math.abs(now.getTime() / 1000 - Number(value)) <= toleranceSeconds;
}

export function bulletinNotification(request: BulletinDeliveryRequest, lang: BulletinLanguage = DEFAULT_LANGUAGE): BulletinNotification {
  const doc = request.bulletin;
  return {
    type: BULLETIN_EVENT,
    deliveryId: request.deliveryId,
    bulletinId: request.bulletinId,
    kind: doc.kind,
    countyCode: doc.countyCode,
    townshipCode: doc.townshipCode,
    month: doc.month,
    version: doc.version,
    issuedAt: doc.issuedAt,
    contentHash: request.contentHash,
    title: bulletinTitle(doc, lang, request.divisionNames ?? {}),
    links: request.links,
  };
}

class WebhookTimeoutError extends Error {}

interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  bodyExcerpt: string;
}

const MAX_EXCERPT = 2048;

function post(url: URL, headers: Record<string, string>, body: Buffer, timeoutMs: number): Promise<HttpResult> {
  return new Promise<HttpResult>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, { method: 'POST', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_EXCERPT) chunks.push(chunk);
        size += chunk.length;
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          bodyExcerpt: Buffer.concat(chunks).subarray(0, MAX_EXCERPT).toString('utf8'),
        });
      });
      response.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const timer = setTimeout(() => request.destroy(new WebhookTimeoutError(`no complete response within ${timeoutMs} ms`)), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}

export class WebhookTransport {
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly userAgent: string;

  constructor(options: WebhookTransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    this.now = options.now ?? (() => new Date());
    this.userAgent = options.userAgent ?? 'Xiaojian-Webhook/1.0';
  }

  /** Renders and signs the request without sending it. Throws on an invalid URL or missing secret. */
  async buildRequest(subscriber: WebhookSubscriber, request: BulletinDeliveryRequest): Promise<SignedWebhookRequest> {
    const check = validateWebhookUrl(subscriber.url);
    if (!check.ok) throw new Error(check.message);
    if (!subscriber.secret) throw new Error('订阅方签名密钥为空 (the subscriber has no signing secret)');
    const lang = subscriber.lang ?? DEFAULT_LANGUAGE;
    const payload = subscriber.payload ?? 'notification';
    let body: Buffer;
    let contentType: string;
    if (payload === 'notification') {
      body = Buffer.from(JSON.stringify(bulletinNotification(request, lang)), 'utf8');
      contentType = 'application/json; charset=utf-8';
    } else {
      const rendered = await renderBulletin(request.bulletin, payload, lang, {
        divisionNames: request.divisionNames,
        contentHash: request.contentHash,
      });
      body = Buffer.isBuffer(rendered.body) ? rendered.body : Buffer.from(rendered.body, 'utf8');
      contentType = rendered.contentType;
    }
    const doc = request.bulletin;
    return {
      url: check.url,
      body,
      headers: {
        'Content-Type': contentType,
        'Content-Length': String(body.length),
        'User-Agent': this.userAgent,
        [SIGNATURE_HEADER]: signWebhookBody(body, subscriber.secret),
        [TIMESTAMP_HEADER]: String(Math.floor(this.now().getTime() / 1000)),
        [DELIVERY_ID_HEADER]: request.deliveryId,
        [EVENT_HEADER]: BULLETIN_EVENT,
        'X-Xiaojian-Bulletin-Id': request.bulletinId,
        'X-Xiaojian-Bulletin-Version': String(doc.version),
        'X-Xiaojian-Content-Hash': request.contentHash,
      },
    };
  }

  async deliver(subscriber: WebhookSubscriber, request: BulletinDeliveryRequest): Promise<DeliveryOutcome> {
    const started = Date.now();
    const base = { transport: 'webhook' as const, deliveryId: request.deliveryId };
    const fail = (retryable: boolean, reason: DeliveryFailureReason, message: string, extra: { status?: number; retryAfterMs?: number } = {}): DeliveryOutcome => ({
      ok: false,
      ...base,
      retryable,
      reason,
      message,
      ...extra,
      durationMs: Date.now() - started,
    });

    const check = validateWebhookUrl(subscriber.url);
    if (!check.ok) return fail(false, 'invalid_target', check.message);
    if (!subscriber.secret) return fail(false, 'invalid_target', '订阅方签名密钥为空 (the subscriber has no signing secret)');

    let signed: SignedWebhookRequest;
    try {
      signed = await this.buildRequest(subscriber, request);
    } catch (error) {
      // Rendering failures (e.g. a missing font) are configuration problems of ours: retry after the fix.
      return fail(true, 'render', error instanceof Error ? error.message : String(error));
    }

    let result: HttpResult;
    try {
      result = await post(signed.url, signed.headers, signed.body, this.timeoutMs);
    } catch (error) {
      if (error instanceof WebhookTimeoutError) return fail(true, 'timeout', `回调超时 (timed out: ${error.message})`);
      const code = (error as NodeJS.ErrnoException).code;
      return fail(true, 'network', `回调连接失败 (network error${code ? ` ${code}` : ''}: ${error instanceof Error ? error.message : String(error)})`);
    }

    const verdict = classifyHttpStatus(result.status);
    if (verdict === 'delivered') {
      return { ok: true, ...base, status: result.status, detail: result.bodyExcerpt, durationMs: Date.now() - started };
    }
    if (result.status >= 300 && result.status < 400) {
      return fail(false, 'redirect', `回调地址返回重定向 ${result.status}，系统不跟随重定向，请更新订阅地址 (redirects are not followed; update the subscriber URL${result.headers.location ? ` to ${result.headers.location}` : ''})`, {
        status: result.status,
      });
    }
    const retryable = verdict === 'retryable';
    return fail(retryable, 'http_status', `接收方返回 HTTP ${result.status} (receiver answered HTTP ${result.status}: ${result.bodyExcerpt.slice(0, 200)})`, {
      status: result.status,
      retryAfterMs: retryable ? parseRetryAfter(result.headers['retry-after'], this.now()) : undefined,
    });
  }
}
