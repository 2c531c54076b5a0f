import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sampleTownshipBulletin, SAMPLE_DIVISION_NAMES } from '../../../bulletins/render/__tests__/sample-bulletin';
import { readPdf } from '../../../bulletins/render/__tests__/pdf-text';
import { BulletinDeliveryRequest, DeliveryFailedError, assertDelivered, classifyHttpStatus, parseRetryAfter } from '../delivery-outcome';
import {
  WebhookTransport,
  isFreshWebhookTimestamp,
  signWebhookBody,
  validateWebhookUrl,
  verifyWebhookSignature,
} from '../webhook.transport';

jest.setTimeout(30_000);

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A receiver on 127.0.0.1 (ephemeral port) that records requests and answers as told. */
async function startReceiver(respond: (req: Received, res: http.ServerResponse) => void) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      received.push(entry);
      respond(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/bulletins`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const SECRET = 'whsec_城关镇_test';

function request(overrides: Partial<BulletinDeliveryRequest> = {}): BulletinDeliveryRequest {
  return {
    deliveryId: 'd6c1f5a0-1111-4c2e-9d3b-5a7e8f000001',
    bulletinId: 'b0b1b2b3-2222-4c2e-9d3b-5a7e8f000002',
    bulletin: sampleTownshipBulletin(),
    contentHash: 'sha256:4d5e6f',
    links: {
      pdf: 'http://127.0.0.1:3004/api/v1/bulletins/b0b1b2b3/pdf',
      html: 'http://127.0.0.1:3004/api/v1/bulletins/b0b1b2b3/html',
    },
    divisionNames: SAMPLE_DIVISION_NAMES,
    ...overrides,
  };
}

describe('webhook signature', () => {
  it('signs the raw body with HMAC-SHA256 and verifies it', () => {
    const body = Buffer.from('{"a":1}');
    const signature = signWebhookBody(body, 'secret');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(body, 'secret', signature)).toBe(true);
    expect(verifyWebhookSignature('{"a":1}', 'secret', signature.toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
    expect(verifyWebhookSignature('{"a":2}', 'secret', signature)).toBe(false);
    expect(verifyWebhookSignature(body, 'other', signature)).toBe(false);
    expect(verifyWebhookSignature(body, 'secret', signature.slice(0, -2))).toBe(false);
    expect(verifyWebhookSignature(body, 'secret', undefined)).toBe(false);
    expect(verifyWebhookSignature(body, 'secret', `sha1=${signature.slice(7)}`)).toBe(false);
    expect(verifyWebhookSignature(body, '', signature)).toBe(false);
  });

  it('matches a known HMAC-SHA256 test vector (RFC 4231 case 2)', () => {
    expect(signWebhookBody('what do ya want for nothing?', 'Jefe')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('checks the timestamp window', () => {
    const now = new Date('2025-11-01T00:00:00Z');
    expect(isFreshWebhookTimestamp(String(now.getTime() / 1000 - 60), now)).toBe(true);
    expect(isFreshWebhookTimestamp(String(now.getTime() / 1000 - 3600), now)).toBe(false);
    expect(isFreshWebhookTimestamp('soon', now)).toBe(false);
  });
});

describe('webhook URL validation', () => {
  it.each(['ftp://127.0.0.1/x', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://127.0.0.1:70/', 'data:text/plain,hi', '//127.0.0.1/x', 'not a url', ''])(
    'rejects %j',
    (url) => expect(validateWebhookUrl(url).ok).toBe(false),
  );

  it('accepts http and https, refuses credentials in the URL', () => {
    expect(validateWebhookUrl('http://127.0.0.1:8080/hook').ok).toBe(true);
    expect(validateWebhookUrl('https://localhost/hook').ok).toBe(true);
    const withCredentials = validateWebhookUrl('http://user:pw@127.0.0.1/hook');
    expect(withCredentials.ok).toBe(false);
    expect(!withCredentials.ok && withCredentials.message).toMatch(/用户名或密码/);
  });

  it('does not send to a non-http URL, permanently', async () => {
    const outcome = await new WebhookTransport().deliver({ url: 'file:///etc/passwd', secret: SECRET }, request());
    expect(outcome).toMatchObject({ ok: false, retryable: false, reason: 'invalid_target' });
  });
});

describe('WebhookTransport.deliver', () => {
  it('POSTs a signed notification with metadata and links; the receiver verifies it', async () => {
    const receiver = await startReceiver((_req, res) => res.writeHead(202).end('accepted'));
    try {
      const now = new Date('2025-11-01T00:30:05Z');
      const outcome = await new WebhookTransport({ now: () => now }).deliver({ url: receiver.url, secret: SECRET }, request());
      expect(outcome).toMatchObject({ ok: true, transport: 'webhook', status: 202, detail: 'accepted', deliveryId: request().deliveryId });
      expect(receiver.received).toHaveLength(1);
      const [got] = receiver.received;
      expect(got.method).toBe('POST');
      expect(got.url).toBe('/hooks/bulletins');
      expect(verifyWebhookSignature(got.body, SECRET, got.headers['x-xiaojian-signature'])).toBe(true);
      expect(verifyWebhookSignature(got.body, 'wrong secret', got.headers['x-xiaojian-signature'])).toBe(false);
      expect(got.headers['x-xiaojian-timestamp']).toBe(String(now.getTime() / 1000));
      expect(got.headers['x-xiaojian-delivery-id']).toBe('d6c1f5a0-1111-4c2e-9d3b-5a7e8f000001');
      expect(got.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(got.body.toString('utf8'))).toEqual({
        type: 'bulletin.issued',
        deliveryId: 'd6c1f5a0-1111-4c2e-9d3b-5a7e8f000001',
        bulletinId: 'b0b1b2b3-2222-4c2e-9d3b-5a7e8f000002',
        kind: 'township',
        countyCode: '350999',
        townshipCode: '350999101',
        month: '2025-10',
        version: 1,
        issuedAt: '2025-10-31T16:30:00.000Z',
        contentHash: 'sha256:4d5e6f',
        title: '城关镇 2025年10月 学校建设项目进度通报',
        links: request().links,
      });
    } finally {
      await receiver.close();
    }
  });

  it('sends the rendered format the subscriber asked for (PDF, with the content hash inside)', async () => {
    const receiver = await startReceiver((_req, res) => res.writeHead(200).end());
    try {
      const outcome = await new WebhookTransport().deliver({ url: receiver.url, secret: SECRET, payload: 'pdf' }, request());
      assertDelivered(outcome);
      const [got] = receiver.received;
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(Number(got.headers['content-length'])).toBe(got.body.length);
      expect(verifyWebhookSignature(got.body, SECRET, got.headers['x-xiaojian-signature'])).toBe(true);
      const text = readPdf(got.body).text;
      expect(text).toContain('城关镇 2025年10月 学校建设项目进度通报');
      expect(text).toContain('内容哈希：sha256:4d5e6f');
    } finally {
      await receiver.close();
    }
  });

  it('classifies 500 and 503 as retryable (with Retry-After), 400 and 410 as permanent', async () => {
    const statuses = [500, 503, 400, 410, 408, 429, 301];
    const receiver = await startReceiver((req, res) => {
      const status = Number(/status=(\d+)/.exec(req.url)![1]);
      res.writeHead(status, status === 503 ? { 'Retry-After': '120' } : status === 301 ? { Location: 'http://127.0.0.1/elsewhere' } : {}).end(`status ${status}`);
    });
    try {
      const transport = new WebhookTransport();
      const outcomes = await Promise.all(statuses.map((status) => transport.deliver({ url: `${receiver.url}?status=${status}`, secret: SECRET }, request())));
      expect(outcomes.map((o) => (o.ok ? 'ok' : `${o.status}:${o.retryable ? 'retry' : 'permanent'}:${o.reason}`))).toEqual([
        '500:retry:http_status',
        '503:retry:http_status',
        '400:permanent:http_status',
        '410:permanent:http_status',
        '408:retry:http_status',
        '429:retry:http_status',
        '301:permanent:redirect',
      ]);
      expect(outcomes[1]).toMatchObject({ retryAfterMs: 120_000 });
      expect(receiver.received).toHaveLength(statuses.length);
      expect(() => assertDelivered(outcomes[0])).toThrow(DeliveryFailedError);
      const permanent = (() => {
        try {
          assertDelivered(outcomes[2]);
          return null;
        } catch (error) {
          return error;
        }
      })();
      expect(permanent).toBeInstanceOf(DeliveryFailedError);
      expect((permanent as DeliveryFailedError).retryable).toBe(false);
    } finally {
      await receiver.close();
    }
  });

  it('times out a receiver that does not answer, as retryable', async () => {
    const receiver = await startReceiver(() => undefined /* never answers */);
    try {
      const started = Date.now();
      const outcome = await new WebhookTransport({ timeoutMs: 300 }).deliver({ url: receiver.url, secret: SECRET }, request());
      expect(outcome).toMatchObject({ ok: false, retryable: true, reason: 'timeout' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await receiver.close();
    }
  });

  it('treats a refused connection as a retryable network error', async () => {
    const receiver = await startReceiver((_req, res) => res.end());
    const url = receiver.url;
    await receiver.close();
    const outcome = await new WebhookTransport({ timeoutMs: 2_000 }).deliver({ url, secret: SECRET }, request());
    expect(outcome).toMatchObject({ ok: false, retryable: true, reason: 'network' });
    expect(!outcome.ok && outcome.message).toContain('ECONNREFUSED');
  });

  it('refuses to send without a secret', async () => {
    const outcome = await new WebhookTransport().deliver({ url: 'http://127.0.0.1:9/hook', secret: '' }, request());
    expect(outcome).toMatchObject({ ok: false, retryable: false, reason: 'invalid_target' });
  });
});

describe('delivery outcome helpers', () => {
  it('classifies HTTP statuses', () => {
    expect([200, 204, 302, 400, 401, 404, 408, 409, 429, 500, 502, 504].map(classifyHttpStatus)).toEqual([
      'delivered', 'delivered', 'permanent', 'permanent', 'permanent', 'permanent', 'retryable', 'permanent', 'retryable', 'retryable', 'retryable', 'retryable',
    ]);
  });

  it('reads Retry-After as seconds or a date', () => {
    const now = new Date('2025-11-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Nov 2025 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
