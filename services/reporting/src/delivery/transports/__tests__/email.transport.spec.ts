import nodemailer from 'nodemailer';
import { readPdf } from '../../../bulletins/render/__tests__/pdf-text';
import {
  SAMPLE_DIVISION_NAMES,
  SAMPLE_DIVISION_NAMES_EN,
  sampleCountyBulletin,
  sampleReissuedTownshipBulletin,
  sampleTownshipBulletin,
} from '../../../bulletins/render/__tests__/sample-bulletin';
import { BulletinDeliveryRequest } from '../delivery-outcome';
import { EmailTransport, bulletinEmailSubject, classifySmtpError, smtpOptions, validateSmtpUrl } from '../email.transport';
import { flattenParts, parseMime, startSmtpSink } from './smtp-sink';

jest.setTimeout(30_000);

const FROM = '"青山县教育局" <bulletins@localhost>';

function request(overrides: Partial<BulletinDeliveryRequest> = {}): BulletinDeliveryRequest {
  return {
    deliveryId: 'a1a2a3a4-3333-4c2e-9d3b-5a7e8f000003',
    bulletinId: 'b0b1b2b3-2222-4c2e-9d3b-5a7e8f000002',
    bulletin: sampleTownshipBulletin(),
    contentHash: 'sha256:77aa88bb',
    links: { pdf: 'http://127.0.0.1:3004/api/v1/bulletins/b0b1b2b3/pdf' },
    divisionNames: SAMPLE_DIVISION_NAMES,
    ...overrides,
  };
}

describe('email subject and configuration', () => {
  it('writes the subject in Chinese, with the version of a re-issue', () => {
    expect(bulletinEmailSubject(sampleTownshipBulletin(), 'zh-CN', SAMPLE_DIVISION_NAMES)).toBe('【月度进度通报】城关镇 2025年10月');
    expect(bulletinEmailSubject(sampleCountyBulletin(), 'zh-CN', SAMPLE_DIVISION_NAMES)).toBe('【月度进度通报】青山县 2025年10月');
    expect(bulletinEmailSubject(sampleReissuedTownshipBulletin(), 'zh-CN', SAMPLE_DIVISION_NAMES)).toBe('【月度进度通报】城关镇 2025年10月（第2版）');
    expect(bulletinEmailSubject(sampleTownshipBulletin(), 'en', SAMPLE_DIVISION_NAMES_EN)).toBe('[Monthly progress bulletin] Chengguan Town October 2025');
  });

  it('accepts only smtp:// and smtps:// URLs', () => {
    expect(validateSmtpUrl('smtp://127.0.0.1:2525').ok).toBe(true);
    expect(validateSmtpUrl('smtps://user:pw@localhost:465').ok).toBe(true);
    for (const url of ['http://127.0.0.1:25', 'file:///tmp/x', 'localhost:25', '']) expect(validateSmtpUrl(url).ok).toBe(false);
    expect(() => new EmailTransport({ smtpUrl: 'http://127.0.0.1:25', from: FROM })).toThrow(/smtp/);
    expect(() => new EmailTransport({ smtpUrl: 'smtp://127.0.0.1:25', from: '' })).toThrow(/from/);
  });

  it('keeps host, port, TLS mode, credentials and the timeouts of the SMTP URL', () => {
    expect(smtpOptions(new URL('smtps://mailer%40localhost:p%40ss@127.0.0.1'), 1234)).toEqual({
      host: '127.0.0.1',
      port: 465,
      secure: true,
      auth: { user: 'mailer@localhost', pass: 'p@ss' },
      connectionTimeout: 1234,
      greetingTimeout: 1234,
      socketTimeout: 1234,
    });
    expect(smtpOptions(new URL('smtp://localhost:2525'), 10)).toMatchObject({ host: 'localhost', port: 2525, secure: false });
    expect(smtpOptions(new URL('smtp://localhost'), 10)).not.toHaveProperty('auth');
  });

  it('classifies SMTP failures', () => {
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 Mailbox unavailable' })).toMatchObject({ retryable: false, reason: 'rejected', status: 550 });
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 451 })).toMatchObject({ retryable: true, reason: 'rejected', status: 451 });
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535 })).toMatchObject({ retryable: false, reason: 'auth' });
    expect(classifySmtpError({ code: 'ETIMEDOUT' })).toMatchObject({ retryable: true, reason: 'timeout' });
    expect(classifySmtpError({ code: 'ECONNECTION' })).toMatchObject({ retryable: true, reason: 'network' });
    expect(classifySmtpError({ code: 'EENVELOPE' })).toMatchObject({ retryable: false, reason: 'invalid_target' });
  });
});

describe('EmailTransport message', () => {
  it('builds subject, HTML body, plain-text fallback and the PDF attachment', async () => {
    const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const transport = new EmailTransport({ smtpUrl: 'smtp://127.0.0.1:2525', from: FROM }, { transporter });
    const message = await transport.buildMessage({ to: 'office@localhost' }, request());
    expect(message.subject).toBe('【月度进度通报】城关镇 2025年10月');
    expect(message.html).toContain('<h1>城关镇 2025年10月 学校建设项目进度通报</h1>');
    expect(message.html).toContain('<dt>内容哈希</dt><dd>sha256:77aa88bb</dd>');
    expect(message.text).toContain('# 城关镇 2025年10月 学校建设项目进度通报');
    expect(message.text).toContain('| 支出资金（万元） | 914.97 |');
    expect(message.text).toContain('PDF: http://127.0.0.1:3004/api/v1/bulletins/b0b1b2b3/pdf');
    expect(message.messageId).toBe('<a1a2a3a4-3333-4c2e-9d3b-5a7e8f000003@xiaojian.bulletins>');
    expect(message.headers).toMatchObject({ 'X-Xiaojian-Delivery-Id': 'a1a2a3a4-3333-4c2e-9d3b-5a7e8f000003', 'X-Xiaojian-Content-Hash': 'sha256:77aa88bb' });
    const [attachment] = message.attachments!;
    expect(attachment.filename).toBe('bulletin-350999101-2025-10-v1.zh-CN.pdf');
    expect(attachment.contentType).toBe('application/pdf');
    expect(readPdf(attachment.content as Buffer).textRuns[0]).toBe('城关镇 2025年10月 学校建设项目进度通报');
  });
});

describe('EmailTransport over SMTP (127.0.0.1 sink)', () => {
  it('delivers one message that a mail client can read: subject, HTML, text and the PDF', async () => {
    const sink = await startSmtpSink();
    const transport = new EmailTransport({ smtpUrl: sink.url, from: FROM, timeoutMs: 5_000 });
    try {
      const outcome = await transport.deliver({ to: ['office@localhost', 'school@localhost'] }, request());
      expect(outcome).toMatchObject({ ok: true, transport: 'email', status: 250, deliveryId: 'a1a2a3a4-3333-4c2e-9d3b-5a7e8f000003' });
      expect(sink.messages).toHaveLength(1);
      const [received] = sink.messages;
      expect(received.from).toBe('bulletins@localhost');
      expect(received.to).toEqual(['office@localhost', 'school@localhost']);
      const mail = parseMime(received.raw);
      expect(mail.headers.subject).toBe('【月度进度通报】城关镇 2025年10月');
      expect(mail.headers['message-id']).toBe('<a1a2a3a4-3333-4c2e-9d3b-5a7e8f000003@xiaojian.bulletins>');
      expect(mail.headers['x-xiaojian-delivery-id']).toBe('a1a2a3a4-3333-4c2e-9d3b-5a7e8f000003');
      const parts = flattenParts(mail);
      const html = parts.find((part) => /^text\/html/.test(part.headers['content-type']))!;
      const text = parts.find((part) => /^text\/plain/.test(part.headers['content-type']))!;
      const pdf = parts.find((part) => /^application\/pdf/.test(part.headers['content-type']))!;
      expect(html.body.toString('utf8')).toContain('<h1>城关镇 2025年10月 学校建设项目进度通报</h1>');
      expect(html.body.toString('utf8')).toContain('<dt>支出资金（万元）</dt><dd>914.97</dd>');
      expect(text.body.toString('utf8')).toContain('| 支出率 | 73.5% |');
      expect(pdf.headers['content-disposition']).toMatch(/attachment; filename="?bulletin-350999101-2025-10-v1\.zh-CN\.pdf"?/);
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(readPdf(pdf.body).text).toContain('内容哈希：sha256:77aa88bb');
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('reports a rejected mailbox (550) as permanent and a deferral (451) as retryable', async () => {
    const sink = await startSmtpSink();
    const transport = new EmailTransport({ smtpUrl: sink.url, from: FROM, timeoutMs: 5_000 });
    try {
      const rejected = await transport.deliver({ to: 'reject@localhost' }, request());
      expect(rejected).toMatchObject({ ok: false, retryable: false, reason: 'rejected', status: 550 });
      const deferred = await transport.deliver({ to: 'busy@localhost' }, request());
      expect(deferred).toMatchObject({ ok: false, retryable: true, status: 451 });
      expect(sink.messages).toHaveLength(0);
      const empty = await transport.deliver({ to: [] }, request());
      expect(empty).toMatchObject({ ok: false, retryable: false, reason: 'invalid_target' });
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('reports a server that never greets as a retryable timeout, and a closed port as a network error', async () => {
    const silent = await startSmtpSink({ silent: true });
    const transport = new EmailTransport({ smtpUrl: silent.url, from: FROM, timeoutMs: 300 });
    try {
      const outcome = await transport.deliver({ to: 'office@localhost' }, request());
      expect(outcome).toMatchObject({ ok: false, retryable: true, reason: 'timeout' });
    } finally {
      transport.close();
      await silent.close();
    }
    const closed = new EmailTransport({ smtpUrl: silent.url, from: FROM, timeoutMs: 2_000 });
    const refused = await closed.deliver({ to: 'office@localhost' }, request());
    expect(refused).toMatchObject({ ok: false, retryable: true, reason: 'network' });
    closed.close();
  });
});
