import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { bearer } from '@xiaojian/platform';
import { eventually, startTestService, TestEventProducer, TestService } from '@xiaojian/service-testing';
import { AppModule } from '../../app.module';
import { reportingConfigSchema } from '../../config';
import { reportingDatabase } from '../../database/database';
import { loggedEvents, publishScriptedCounty, SCRIPTED_EVENT_COUNT, scriptedCounty } from '../../__tests__/scripted-county';

/** Records every webhook POST, answers 200. */
async function startReceiver() {
  const received: { path: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const SECRET = 'whsec-divisions-0123456789';
const MONTH = '2025-10';

describe('division names in rendered and delivered bulletins (real PostgreSQL, Redis and broker)', () => {
  let service: TestService;
  let producer: TestEventProducer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const s = scriptedCounty();
  const names = { county: `砀山县${s.county.slice(-3)}`, t1: `砀城镇${s.county.slice(-3)}`, t2: `薛楼镇${s.county.slice(-3)}` };
  const admin = bearer('admin', []);
  const leader = bearer('leader', [s.county]);
  const townshipUser = bearer('township', [s.t1]);
  const http_ = () => service.http();

  const bulletinsOfRun = async () =>
    (await http_().get('/api/v1/bulletins').query({ county: s.county, month: MONTH, pageSize: '50' }).set('Authorization', leader).expect(200)).body.items as { id: string; townshipCode: string | null }[];
  const content = async (id: string, format: string, lang = 'zh-CN') =>
    (await http_().get(`/api/v1/bulletins/${id}/content`).query({ format, lang }).set('Authorization', leader).expect(200)).text;

  beforeAll(async () => {
    receiver = await startReceiver();
    service = await startTestService({
      service: 'reporting',
      configSchema: reportingConfigSchema,
      createModule: AppModule.forRoot,
      database: reportingDatabase,
      env: { BULLMQ_PREFIX: `xj-test-${randomUUID().slice(0, 8)}`, BULLETIN_SCHEDULE_ENABLED: 'false', DELIVERY_BACKOFF_MS: '200', DELIVERY_ATTEMPTS: '2' },
    });
    producer = await TestEventProducer.connect();
    await publishScriptedCounty(producer, s);
    await eventually(() => loggedEvents(service.dataSource, s.county), (n) => n === SCRIPTED_EVENT_COUNT);
  });
  afterAll(async () => {
    await producer?.close();
    await service?.close();
    await receiver?.close();
  });

  it('refuses malformed codes and names with a Chinese problem+json, and stores nothing of a refused list', async () => {
    const shortCode = await http_().put('/api/v1/divisions/34132').set('Authorization', admin).send({ name: '某县' }).expect(400);
    expect(shortCode.headers['content-type']).toContain('application/problem+json');
    expect(shortCode.body.code).toBe('validation-failed');
    expect(JSON.stringify(shortCode.body)).toContain('6 位（县级）或 9 位（乡镇级）数字');

    const serial000 = await http_().put(`/api/v1/divisions/${s.county}000`).set('Authorization', admin).send({ name: '某镇' }).expect(400);
    expect(JSON.stringify(serial000.body)).toContain('后 3 位不能是 000');

    const emptyName = await http_().put(`/api/v1/divisions/${s.county}`).set('Authorization', admin).send({ name: '   ' }).expect(400);
    expect(emptyName.body.errors).toEqual([{ field: 'name', code: 'too-small', message: '不能为空' }]);

    const repeated = await http_()
      .put('/api/v1/divisions')
      .set('Authorization', admin)
      .send([{ code: s.county, name: names.county }, { code: s.t1, name: names.t1 }, { code: s.t1, name: '重复' }])
      .expect(400);
    expect(repeated.body.errors.map((e: { field: string }) => e.field)).toEqual(['[2].code']);
    expect(JSON.stringify(repeated.body)).toContain(`区划代码 ${s.t1} 重复`);
    await http_().put('/api/v1/divisions').set('Authorization', admin).send({ code: s.county, name: names.county }).expect(400);

    const stored = await http_().get('/api/v1/divisions').query({ county: s.county }).set('Authorization', admin).expect(200);
    expect(stored.body.total).toBe(0);
  });

  it('lets only administrators set names', async () => {
    await http_().put(`/api/v1/divisions/${s.county}`).send({ name: names.county }).expect(401);
    await http_().put(`/api/v1/divisions/${s.county}`).set('Authorization', leader).send({ name: names.county }).expect(403);
    await http_().put('/api/v1/divisions').set('Authorization', bearer('planner', [s.county])).send([{ code: s.county, name: names.county }]).expect(403);
    await http_().put(`/api/v1/divisions/${s.t1}`).set('Authorization', townshipUser).send({ name: names.t1 }).expect(403);
    expect((await http_().get('/api/v1/divisions').query({ county: s.county }).set('Authorization', admin).expect(200)).body.total).toBe(0);
  });

  it('sets names in bulk and one by one, and shows each user the names within its scope', async () => {
    const bulk = await http_()
      .put('/api/v1/divisions')
      .set('Authorization', admin)
      .send([{ code: s.t2, name: '旧名称' }, { code: s.county, name: names.county }, { code: s.t1, name: ` ${names.t1} ` }])
      .expect(200);
    expect(bulk.body.count).toBe(3);
    expect(bulk.body.items.map((d: { code: string; level: string; name: string }) => [d.code, d.level, d.name])).toEqual([
      [s.county, 'county', names.county],
      [s.t1, 'township', names.t1],
      [s.t2, 'township', '旧名称'],
    ]);
    const renamed = await http_().put(`/api/v1/divisions/${s.t2}`).set('Authorization', admin).send({ name: names.t2 }).expect(200);
    expect(renamed.body).toMatchObject({ code: s.t2, level: 'township', countyCode: s.county, name: names.t2 });
    expect(renamed.body.updatedBy).not.toBe('');

    const forLeader = await http_().get('/api/v1/divisions').query({ county: s.county }).set('Authorization', leader).expect(200);
    expect(forLeader.body.items.map((d: { code: string; name: string }) => [d.code, d.name])).toEqual([
      [s.county, names.county],
      [s.t1, names.t1],
      [s.t2, names.t2],
    ]);
    const forTownship = await http_().get('/api/v1/divisions').query({ county: s.county }).set('Authorization', townshipUser).expect(200);
    expect(forTownship.body.items.map((d: { code: string }) => d.code)).toEqual([s.county, s.t1]);
    const unfiltered = await http_().get('/api/v1/divisions').set('Authorization', townshipUser).expect(200);
    expect(unfiltered.body.items.map((d: { code: string }) => d.code)).toEqual([s.county, s.t1]);

    const otherCounty = s.county === '399999' ? '399998' : '399999';
    await http_().get('/api/v1/divisions').query({ county: otherCounty }).set('Authorization', townshipUser).expect(403);
    await http_().get('/api/v1/divisions').query({ county: otherCounty }).set('Authorization', leader).expect(403);
    await http_().get('/api/v1/divisions').query({ county: s.county }).expect(401);
  });

  it('prints the names in rendered bulletins (HTML, Markdown, English) and in webhook deliveries; JSON stays the document', async () => {
    const subscribe = async (body: Record<string, unknown>) =>
      http_().post('/api/v1/subscribers').set('Authorization', admin).send({ countyCode: s.county, kind: 'webhook', secret: SECRET, ...body }).expect(201);
    await subscribe({ name: 't1-md', townshipCode: s.t1, url: `${receiver.url}/t1-md`, format: 'md' });
    await subscribe({ name: 'county-html-en', url: `${receiver.url}/county-html-en`, format: 'html', language: 'en' });

    await http_().post('/api/v1/bulletins/runs').set('Authorization', leader).send({ county: s.county, month: MONTH }).expect(202);
    const state = await eventually(
      async () => (await http_().get('/api/v1/bulletins/runs').query({ county: s.county, month: MONTH }).set('Authorization', leader)).body,
      (st) => st.state === 'completed' || st.state === 'failed',
    );
    expect(state.state).toBe('completed');
    const items = await bulletinsOfRun();
    const county = items.find((b) => b.townshipCode === null)!;
    const t1 = items.find((b) => b.townshipCode === s.t1)!;

    const t1Html = await content(t1.id, 'html');
    expect(t1Html).toContain(`<h1>${names.t1} 2025年10月`);
    expect(t1Html).not.toContain(`乡镇（${s.t1}）`);
    const countyHtml = await content(county.id, 'html');
    expect(countyHtml).toContain(`<h1>${names.county} 2025年10月`);
    // the county summary's ranking names both townships
    expect(countyHtml).toContain(names.t1);
    expect(countyHtml).toContain(names.t2);

    expect(await content(t1.id, 'md')).toMatch(new RegExp(`^# ${names.t1} 2025年10月`));
    expect(await content(county.id, 'md')).toMatch(new RegExp(`^# ${names.county} 2025年10月`));
    expect(await content(county.id, 'html', 'en')).toContain(`<h1>${names.county} — `);
    expect(await content(t1.id, 'md', 'en')).toMatch(new RegExp(`^# ${names.t1} — `));

    const viaTownship = await http_().get(`/api/v1/bulletins/township/${s.t1}/${MONTH}`).query({ format: 'md' }).set('Authorization', townshipUser).expect(200);
    expect(viaTownship.text).toMatch(new RegExp(`^# ${names.t1} 2025年10月`));

    const json = await content(t1.id, 'json');
    expect(json).not.toContain(names.t1);
    const one = (await http_().get(`/api/v1/bulletins/${t1.id}`).set('Authorization', leader).expect(200)).body;
    expect(JSON.parse(json)).toEqual(one.document);

    const delivered = await eventually(
      async () => receiver.received,
      (r) => r.some((x) => x.path === '/t1-md') && r.some((x) => x.path === '/county-html-en'),
    );
    expect(delivered.find((x) => x.path === '/t1-md')!.body).toMatch(new RegExp(`^# ${names.t1} 2025年10月`));
    expect(delivered.find((x) => x.path === '/county-html-en')!.body).toContain(`<h1>${names.county} — `);
  });
});
