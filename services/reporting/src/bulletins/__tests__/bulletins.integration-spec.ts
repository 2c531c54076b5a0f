import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { shanghaiMonth } from '@xiaojian/domain-kernel';
import { bearer } from '@xiaojian/platform';
import { eventually, startTestService, TestEventProducer, TestService } from '@xiaojian/service-testing';
import { AppModule } from '../../app.module';
import { reportingConfigSchema } from '../../config';
import { reportingDatabase } from '../../database/database';
import { verifyWebhookSignature } from '../../delivery/transports/webhook.transport';
import { BulletinQueues } from '../../queues/bulletin-queues';
import { MONTH_END_JOB } from '../../queues/queue.constants';
import { loggedEvents, publishLateExpenditure, publishScriptedCounty, SCRIPTED_EVENT_COUNT, scriptedCounty } from '../../__tests__/scripted-county';
import { canonicalJson, sha256 } from '../bulletin-content';

interface Received {
  path: string;
  body: Buffer;
  signature: string | undefined;
  deliveryId: string | undefined;
}

/** A webhook receiver on 127.0.0.1: `/flaky` fails once with 503 then accepts, `/broken` always answers 400. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: Received = {
        path: req.url ?? '',
        body: Buffer.concat(chunks),
        signature: req.headers['x-xiaojian-signature'] as string | undefined,
        deliveryId: req.headers['x-xiaojian-delivery-id'] as string | undefined,
      };
      received.push(entry);
      const previous = received.filter((r) => r.path === entry.path).length - 1;
      if (entry.path === '/broken') res.writeHead(400).end('unknown receiver');
      else if (entry.path === '/flaky' && previous === 0) res.writeHead(503).end('busy');
      else res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const SECRET = 'whsec-0123456789abcdef';

describe('monthly bulletins: runs, versions, delivery (real PostgreSQL, Redis and broker)', () => {
  let service: TestService;
  let producer: TestEventProducer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const s = scriptedCounty();
  const admin = bearer('admin', []);
  const leader = bearer('leader', [s.county]);
  const subscribers: Record<string, string> = {};

  const runMonth = async (month: string) => {
    const first = service.http().post('/api/v1/bulletins/runs').set('Authorization', leader).send({ county: s.county, month });
    const second = service.http().post('/api/v1/bulletins/runs').set('Authorization', leader).send({ county: s.county, month });
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.jobId).toBe(`run:${s.county}:${month}`);
    expect(b.body.jobId).toBe(a.body.jobId);
    return eventually(
      async () => (await service.http().get('/api/v1/bulletins/runs').query({ county: s.county, month }).set('Authorization', leader)).body,
      (state) => state.state === 'completed' || state.state === 'failed',
    );
  };
  const list = async (token = leader, query: Record<string, string> = {}) =>
    (await service.http().get('/api/v1/bulletins').query({ county: s.county, month: '2025-10', pageSize: '50', ...query }).set('Authorization', token).expect(200)).body;
  const deliveries = async (subscriberId: string) =>
    (await service.http().get(`/api/v1/subscribers/${subscriberId}/deliveries`).set('Authorization', admin).expect(200)).body as { status: string; attempts: number; bulletinId: string; lastError: string | null }[];

  beforeAll(async () => {
    receiver = await startReceiver();
    service = await startTestService({
      service: 'reporting',
      configSchema: reportingConfigSchema,
      createModule: AppModule.forRoot,
      database: reportingDatabase,
      env: { BULLMQ_PREFIX: `xj-test-${randomUUID().slice(0, 8)}`, BULLETIN_SCHEDULE_ENABLED: 'false', DELIVERY_BACKOFF_MS: '200', DELIVERY_ATTEMPTS: '4' },
    });
    producer = await TestEventProducer.connect();
    await publishScriptedCounty(producer, s);
    await eventually(() => loggedEvents(service.dataSource, s.county), (n) => n === SCRIPTED_EVENT_COUNT);

    const add = async (key: string, body: Record<string, unknown>) => {
      const res = await service.http().post('/api/v1/subscribers').set('Authorization', admin).send({ countyCode: s.county, name: key, ...body }).expect(201);
      expect(res.body).not.toHaveProperty('secret');
      subscribers[key] = res.body.id;
    };
    await add('flaky', { townshipCode: s.t1, kind: 'webhook', url: `${receiver.url}/flaky`, secret: SECRET, format: 'json' });
    await add('broken', { townshipCode: s.t1, kind: 'webhook', url: `${receiver.url}/broken`, secret: SECRET });
    await add('county', { kind: 'webhook', url: `${receiver.url}/county`, secret: SECRET, format: 'md', language: 'en' });
  });
  afterAll(async () => {
    await producer?.close();
    await service?.close();
    await receiver?.close();
  });

  it('validates subscribers and keeps them admin-only', async () => {
    const bad = await service.http().post('/api/v1/subscribers').set('Authorization', admin).send({ countyCode: s.county, name: 'x', kind: 'webhook', url: 'ftp://example.org' }).expect(400);
    expect(bad.body.code).toBe('invalid-subscriber');
    await service.http().get('/api/v1/subscribers').set('Authorization', leader).expect(403);
  });

  it('issues every township bulletin and the county summary once, even when triggered twice', async () => {
    const state = await runMonth('2025-10');
    expect(state.state).toBe('completed');
    const page = await list();
    expect(page.items.map((b: { townshipCode: string | null; version: number }) => [b.townshipCode, b.version])).toEqual([
      [null, 1], // scope code = county code sorts first
      [s.t1, 1],
      [s.t2, 1],
    ]);
    const county = page.items.find((b: { townshipCode: string | null }) => b.townshipCode === null);
    const doc = (await service.http().get(`/api/v1/bulletins/${county.id}`).set('Authorization', leader).expect(200)).body.document;
    expect(doc.ranking.map((r: { townshipCode: string; rankBySpending: number }) => [r.townshipCode, r.rankBySpending])).toEqual([[s.t1, 1], [s.t2, 2]]);
    expect(doc.laggards).toEqual({ overdueProjects: [s.codes.p3], staleProjects: [], townshipsBehindSchedule: [s.t1] });
    expect(doc.summary.funding.spentFen).toBe(1_900_000);
  });

  it('retries a failing subscriber, gives up on a broken one, and never blocks the others', async () => {
    await eventually(
      async () => [...(await deliveries(subscribers.flaky)), ...(await deliveries(subscribers.broken)), ...(await deliveries(subscribers.county))].map((d) => d.status),
      (statuses) => statuses.length === 3 && !statuses.includes('pending'),
    );
    expect((await deliveries(subscribers.flaky)).map((d) => [d.status, d.attempts])).toEqual([['sent', 2]]);
    const broken = await deliveries(subscribers.broken);
    expect(broken.map((d) => [d.status, d.attempts])).toEqual([['failed', 1]]);
    expect(broken[0].lastError).toContain('400');
    expect((await deliveries(subscribers.county)).map((d) => [d.status, d.attempts])).toEqual([['sent', 1]]);

    const flaky = receiver.received.filter((r) => r.path === '/flaky');
    expect(flaky).toHaveLength(2);
    expect(flaky[0].deliveryId).toBe(flaky[1].deliveryId);
    expect(verifyWebhookSignature(flaky[1].body, SECRET, flaky[1].signature)).toBe(true);
    expect(verifyWebhookSignature(flaky[1].body, 'wrong-secret-0123456789', flaky[1].signature)).toBe(false);
    expect(JSON.parse(flaky[1].body.toString('utf8'))).toMatchObject({ kind: 'township', townshipCode: s.t1, month: '2025-10', version: 1 });
    expect(receiver.received.filter((r) => r.path === '/county')[0].body.toString('utf8')).toContain('2025');
  });

  it('does not issue or send again when the same month is run again without changes', async () => {
    const before = receiver.received.length;
    const state = await runMonth('2025-10');
    expect(state.result).toMatchObject({ issued: [], unchanged: 3 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received.length).toBe(before);
    expect((await list()).total).toBe(3);
  });

  it('keeps issued bulletins immutable, with the hash of their canonical JSON', async () => {
    const [first] = (await list()).items;
    const one = (await service.http().get(`/api/v1/bulletins/${first.id}`).set('Authorization', leader).expect(200)).body;
    expect(one.contentHash).toBe(sha256(canonicalJson(one.document)));
    await expect(service.dataSource.query(`UPDATE bulletin SET month = '2025-11' WHERE id = $1`, [first.id])).rejects.toThrow(/immutable/);
    await expect(service.dataSource.query(`DELETE FROM bulletin WHERE id = $1`, [first.id])).rejects.toThrow(/immutable/);

    const json = await service.http().get(`/api/v1/bulletins/${first.id}/content`).query({ format: 'json' }).set('Authorization', leader).expect(200);
    expect(JSON.parse(json.text)).toEqual(one.document);
    const html = await service.http().get(`/api/v1/bulletins/${first.id}/content`).query({ format: 'html' }).set('Authorization', leader).expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('通报');
    const pdf = await service.http().get(`/api/v1/bulletins/${first.id}/content`).query({ format: 'pdf' }).set('Authorization', leader).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('re-issues version 2 with the changed figures after a late event, and delivers it once', async () => {
    await publishLateExpenditure(producer, s);
    await eventually(() => loggedEvents(service.dataSource, s.county), (n) => n === SCRIPTED_EVENT_COUNT + 1);
    const state = await runMonth('2025-10');
    expect(state.result.issued.map((i: { scopeCode: string; version: number }) => [i.scopeCode, i.version]).sort()).toEqual([[s.county, 2], [s.t1, 2]]);

    const latest = (await service.http().get(`/api/v1/bulletins/township/${s.t1}/2025-10`).set('Authorization', leader).expect(200)).body;
    expect(latest.version).toBe(2);
    expect(latest.summary.funding.spentFen).toBe(2_000_000);
    expect(latest.changes).toEqual(
      expect.arrayContaining([
        { path: 'summary.funding.spentFen', previous: 1_900_000, current: 2_000_000 },
        { path: 'summary.funding.spendingRate', previous: { kind: 'rate', percent: '63.3' }, current: { kind: 'rate', percent: '66.7' } },
        { path: `projects.${s.codes.p1}.spentFen`, previous: 600_000, current: 700_000 },
      ]),
    );
    expect(latest.changes.every((c: { path: string }) => !c.path.startsWith('version') && c.path !== 'issuedAt')).toBe(true);
    // version 1 is still there, unchanged
    const versions = (await list(leader, { township: s.t1 })).items.map((b: { version: number }) => b.version);
    expect(versions).toEqual([2, 1]);

    await eventually(async () => (await deliveries(subscribers.flaky)).map((d) => d.status), (st) => st.length === 2 && st.every((x) => x === 'sent'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received.filter((r) => r.path === '/flaky')).toHaveLength(3);
    expect(JSON.parse(receiver.received.filter((r) => r.path === '/flaky')[2].body.toString('utf8'))).toMatchObject({ version: 2 });
  });

  it('shows a township user only its own township’s bulletins', async () => {
    const township = bearer('township', [s.t1]);
    const mine = await list(township);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((b: { townshipCode: string }) => b.townshipCode === s.t1)).toBe(true);
    const county = (await list(leader)).items.find((b: { townshipCode: string | null }) => b.townshipCode === null);
    await service.http().get(`/api/v1/bulletins/${county.id}`).set('Authorization', township).expect(403);
    await service.http().get(`/api/v1/bulletins/township/${s.t1}/2025-10`).query({ format: 'md' }).set('Authorization', township).expect(200);
    await service.http().get(`/api/v1/bulletins/township/${s.t2}/2025-10`).set('Authorization', township).expect(403);
    await service.http().post('/api/v1/bulletins/runs').set('Authorization', township).send({ county: s.county, month: '2025-10' }).expect(403);
    await service.http().post('/api/v1/bulletins/runs').set('Authorization', leader).send({ county: s.county, month: '2099-01' }).expect(422);
  });

  it('runs every known county for the current month when the month-end job fires', async () => {
    const month = shanghaiMonth(new Date());
    await service.app.get(BulletinQueues).generation.add(MONTH_END_JOB, {}, { jobId: `month-end-test-${randomUUID().slice(0, 8)}` });
    const page = await eventually(() => list(leader, { month }), (p) => p.total === 3, 60_000);
    expect(page.items.every((b: { version: number }) => b.version === 1)).toBe(true);
  });

  it('serves the queue dashboard to administrators only', async () => {
    await service.http().get('/admin/queues').expect(401);
    await service.http().get('/admin/queues').set('Authorization', bearer('leader', [s.county])).expect(403);
    const page = await service.http().get('/admin/queues').query({ token: admin.replace('Bearer ', '') }).expect(200);
    expect(page.headers['set-cookie']?.[0]).toContain('xj_queues_token=');
    const cookie = page.headers['set-cookie'][0].split(';')[0];
    const queues = await service.http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['bulletin-delivery', 'bulletin-generation']);
  });
});
