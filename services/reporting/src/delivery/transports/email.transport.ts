import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { BulletinDocument, BulletinLanguage } from '../../bulletins/bulletin-document';
import {
  DEFAULT_LANGUAGE,
  DivisionNames,
  bulletinFileName,
  bulletinSubject,
  fillContentHash,
  formatMonth,
  renderBulletinHtml,
  renderBulletinMarkdown,
  renderBulletinPdf,
} from '../../bulletins/render';
import { BulletinDeliveryRequest, DeliveryFailureReason, DeliveryOutcome } from './delivery-outcome';
import { DELIVERY_ID_HEADER } from './webhook.transport';

/**
 * Email delivery over SMTP (nodemailer): subject "【月度进度通报】城关镇 2025年10月", the HTML
 * bulletin as the body, the Markdown as the plain-text alternative, the PDF attached. The
 * Message-ID derives from the delivery id, so a retried send is recognisable as the same mail.
 */
export const DEFAULT_SMTP_TIMEOUT_MS = 30_000;

export interface EmailTransportConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. */
  smtpUrl: string;
  /** Sender, e.g. '"青山县教育局" <bulletins@example.org>'. */
  from: string;
  /** Connection, greeting and socket timeouts; default 30 s. */
  timeoutMs?: number;
}

export interface EmailRecipient {
  to: string | string[];
  lang?: BulletinLanguage;
}

export type SmtpUrlCheck = { ok: true; url: URL } | { ok: false; message: string };

export function validateSmtpUrl(value: unknown): SmtpUrlCheck {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: 'SMTP 地址不能为空 (SMTP URL is required)' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: 'SMTP 地址格式不正确 (not a valid SMTP URL, expected smtp://host:port or smtps://host:port)' };
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    return { ok: false, message: `SMTP 地址只支持 smtp:// 或 smtps://，不支持 ${url.protocol} (only smtp and smtps URLs are allowed)` };
  }
  if (!url.hostname) return { ok: false, message: 'SMTP 地址缺少主机名 (SMTP URL has no host)' };
  return { ok: true, url };
}

/** "【月度进度通报】城关镇 2025年10月" / "[Monthly progress bulletin] Chengguan Town October 2025"; re-issues say which version. */
export function bulletinEmailSubject(doc: BulletinDocument, lang: BulletinLanguage = DEFAULT_LANGUAGE, names: DivisionNames = {}): string {
  const subject = bulletinSubject(doc, names, lang);
  const month = formatMonth(doc.month, lang);
  if (lang === 'en') return `[Monthly progress bulletin] ${subject} ${month}${doc.version > 1 ? ` (version ${doc.version})` : ''}`;
  return `【月度进度通报】${subject} ${month}${doc.version > 1 ? `（第${doc.version}版）` : ''}`;
}

/**
 * nodemailer options from the URL. (Given `{ url, ...rest }`, nodemailer keeps only what the URL
 * says and drops `rest` — the timeouts included — so the URL is taken apart here.)
 */
export function smtpOptions(url: URL, timeoutMs: number): SMTPTransport.Options {
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
}

export interface SmtpFailure {
  retryable: boolean;
  reason: DeliveryFailureReason;
  message: string;
  status?: number;
}

const NETWORK_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'ECONNRESET', 'ECONNREFUSED', 'EPROTOCOL']);

/** SMTP 5xx replies and authentication failures are permanent; 4xx replies, timeouts and network errors retryable. */
export function classifySmtpError(error: unknown): SmtpFailure {
  const err = (error ?? {}) as { code?: string; responseCode?: number; message?: string; response?: string };
  const message = err.response ?? err.message ?? String(error);
  const status = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  if (err.code === 'EAUTH') return { retryable: false, reason: 'auth', message: `SMTP 认证失败，请检查发信账号配置 (SMTP authentication failed: ${message})`, status };
  if (status !== undefined && status >= 500) return { retryable: false, reason: 'rejected', message: `邮件服务器拒收 (SMTP server rejected the message: ${message})`, status };
  if (status !== undefined && status >= 400) return { retryable: true, reason: 'rejected', message: `邮件服务器暂时拒收 (SMTP server deferred the message: ${message})`, status };
  if (err.code === 'ETIMEDOUT') return { retryable: true, reason: 'timeout', message: `SMTP 超时 (SMTP timed out: ${message})` };
  if (err.code && NETWORK_CODES.has(err.code)) return { retryable: true, reason: 'network', message: `无法连接邮件服务器 (SMTP network error ${err.code}: ${message})` };
  if (err.code === 'EENVELOPE') return { retryable: false, reason: 'invalid_target', message: `收件人地址无效 (invalid envelope: ${message})` };
  return { retryable: true, reason: 'unknown', message };
}

export interface EmailTransportDeps {
  /** Any nodemailer transporter (tests: streamTransport/jsonTransport); default: SMTP from `smtpUrl`. */
  transporter?: nodemailer.Transporter;
}

export class EmailTransport {
  private readonly transporter: nodemailer.Transporter;

  constructor(private readonly config: EmailTransportConfig, deps: EmailTransportDeps = {}) {
    const check = validateSmtpUrl(config.smtpUrl);
    if (!check.ok) throw new Error(check.message);
    if (!config.from) throw new Error('发件人地址不能为空 (the sender address `from` is required)');
    this.transporter = deps.transporter ?? nodemailer.createTransport(smtpOptions(check.url, config.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS));
  }

  async buildMessage(recipient: EmailRecipient, request: BulletinDeliveryRequest): Promise<Mail.Options> {
    const doc = request.bulletin;
    const lang = recipient.lang ?? DEFAULT_LANGUAGE;
    const options = { divisionNames: request.divisionNames, contentHash: request.contentHash };
    const [html, text, pdf] = await Promise.all([
      Promise.resolve(fillContentHash(renderBulletinHtml(doc, lang, options), request.contentHash)),
      Promise.resolve(fillContentHash(renderBulletinMarkdown(doc, lang, options), request.contentHash)),
      renderBulletinPdf(doc, lang, options),
    ]);
    const links = Object.entries(request.links)
      .map(([format, url]) => `${format.toUpperCase()}: ${url}`)
      .join('\n');
    return {
      from: this.config.from,
      to: recipient.to,
      subject: bulletinEmailSubject(doc, lang, request.divisionNames ?? {}),
      html,
      text: links ? `${text}\n${links}\n` : text,
      attachments: [{ filename: bulletinFileName(doc, 'pdf', lang), content: pdf, contentType: 'application/pdf' }],
      messageId: `<${request.deliveryId}@xiaojian.bulletins>`,
      date: new Date(doc.issuedAt),
      headers: {
        [DELIVERY_ID_HEADER]: request.deliveryId,
        'X-Xiaojian-Bulletin-Id': request.bulletinId,
        'X-Xiaojian-Bulletin-Version': String(doc.version),
        'X-Xiaojian-Content-Hash': request.contentHash,
      },
    };
  }

  async deliver(recipient: EmailRecipient, request: BulletinDeliveryRequest): Promise<DeliveryOutcome> {
    const started = Date.now();
    const base = { transport: 'email' as const, deliveryId: request.deliveryId };
    const recipients = (Array.isArray(recipient.to) ? recipient.to : [recipient.to]).filter((address) => address && address.trim() !== '');
    if (recipients.length === 0) {
      return { ok: false, ...base, retryable: false, reason: 'invalid_target', message: '收件人地址为空 (no recipient address)', durationMs: Date.now() - started };
    }
    let message: Mail.Options;
    try {
      message = await this.buildMessage(recipient, request);
    } catch (error) {
      return { ok: false, ...base, retryable: true, reason: 'render', message: error instanceof Error ? error.message : String(error), durationMs: Date.now() - started };
    }
    try {
      const info = (await this.transporter.sendMail(message)) as { response?: string; rejected?: unknown[] };
      if (Array.isArray(info.rejected) && info.rejected.length > 0) {
        return {
          ok: false,
          ...base,
          retryable: false,
          reason: 'rejected',
          message: `部分收件人被拒收 (rejected recipients: ${info.rejected.map(String).join(', ')})`,
          durationMs: Date.now() - started,
        };
      }
      const response = typeof info.response === 'string' ? info.response : '';
      const status = /^\d{3}/.test(response) ? Number(response.slice(0, 3)) : undefined;
      return { ok: true, ...base, status, detail: response, durationMs: Date.now() - started };
    } catch (error) {
      const failure = classifySmtpError(error);
      return { ok: false, ...base, ...failure, durationMs: Date.now() - started };
    }
  }

  /** Closes pooled connections, if any. */
  close(): void {
    this.transporter.close();
  }
}
