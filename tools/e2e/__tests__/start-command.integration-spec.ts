/**
 * Issue 6, the start path: `npm start`'s entry (tools/start/start.ts) as a county IT officer runs
 * it — its own PostgreSQL, Redis and broker in a fresh data directory, migrations, the four
 * services, the demo county loaded through the APIs — then health, the latest county bulletin as
 * HTML and PDF, and Ctrl-C: everything stops, exit code 0, no port left listening.
 *
 * It does not use the jest global setup's stack (only ports and a temp directory of its own).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@xiaojian/local-infra';
import { bearer, TEST_JWT_SECRET } from '@xiaojian/platform';
import { DEMO_COUNTY, demoProjects } from '../../demo/demo-county';
import { historyMonths } from '../../demo/timeline';
import { SERVICES, WORKSPACE } from '../../start/suite-config';
import { http, waitFor } from '../e2e-support';

const BANNER = 'is running';
const START_TIMEOUT_MS = 6 * 60_000;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** true when something accepts TCP connections on the loopback port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** An offset (≥ 1000) that puts the services' 3001–3004 on four free ports. */
async function freePortOffset(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const offset = 1000 + randomInt(0, 20_000);
    const free = await Promise.all(SERVICES.map((s) => canListen(s.port + offset)));
    if (free.every(Boolean)) return offset;
  }
  throw new Error('no free port offset found');
}

describe('npm start: the whole suite with the demo county, then Ctrl-C', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaojian-start-'));
  // As root, PostgreSQL runs as the "postgres" user, which must be able to enter this directory.
  chmodSync(dataDir, 0o711);
  let child: ChildProcess | undefined;
  let output = '';
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  const ports = { offset: 0, postgres: 0, redis: 0, kafka: 0 };
  const serviceUrl = (port: number) => `http://127.0.0.1:${port + ports.offset}`;
  const reporting = () => serviceUrl(SERVICES.find((s) => s.name === 'reporting')!.port);
  const leader = () => bearer('leader', [DEMO_COUNTY.code]);
  const tail = () => output.split('\n').slice(-40).join('\n');
  let latestCountyBulletin: { id: string; month: string } | undefined;
  let stoppedCleanly = false;

  afterAll(async () => {
    // Whatever happened, leave nothing running: Ctrl-C to the whole group, then SIGKILL.
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        // already gone
      }
      const gone = await Promise.race([exit!.then(() => true), sleep(60_000).then(() => false)]);
      if (!gone) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    if (stoppedCleanly) rmSync(dataDir, { recursive: true, force: true });
    else process.stderr.write(`[e2e] start command data and logs kept in ${dataDir}\n`);
  }, 90_000);

  it('starts PostgreSQL, Redis, the broker and the four services, and loads the demo county', async () => {
    ports.offset = await freePortOffset();
    ports.postgres = await freePort();
    ports.redis = await freePort();
    ports.kafka = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      XJ_DATA_DIR: dataDir,
      XJ_PORT_OFFSET: String(ports.offset),
      XJ_POSTGRES_PORT: String(ports.postgres),
      XJ_REDIS_PORT: String(ports.redis),
      XJ_KAFKA_PORT: String(ports.kafka),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      FORCE_COLOR: '0',
    };
    delete env.XJ_NO_DEMO;
    const startedAt = Date.now();
    // Its own process group, as in a terminal: Ctrl-C reaches the command and everything it started.
    child = spawn(process.execPath, ['-r', '@swc-node/register', join(WORKSPACE, 'tools', 'start', 'start.ts')], {
      cwd: WORKSPACE,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    exit = new Promise((resolve) => child!.once('exit', (code, signal) => resolve({ code, signal })));

    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!output.includes(BANNER)) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the start command stopped (exit ${child.exitCode ?? child.signalCode}) before "${BANNER}":\n${tail()}`);
      }
      if (Date.now() > deadline) throw new Error(`no "${BANNER}" banner after ${START_TIMEOUT_MS / 1000} s:\n${tail()}`);
      await sleep(500);
    }
    process.stderr.write(`[e2e] npm start ready with the demo county in ${Math.round((Date.now() - startedAt) / 1000)} s\n`);
    expect(output).toContain(`demo county loaded: ${demoProjects().length} projects`);
    for (const service of SERVICES) expect(output).toContain(`http://localhost:${service.port + ports.offset}/api/docs`);
    expect(output).not.toMatch(/✖/);
  }, START_TIMEOUT_MS + 30_000);

  it('all four services are ready', async () => {
    for (const service of SERVICES) {
      const ready = await http(serviceUrl(service.port), 'GET', '/health/ready');
      expect({ service: service.name, status: ready.status }).toEqual({ service: service.name, status: 200 });
    }
  }, 30_000);

  it('serves the county bulletins of the last twelve months, the latest as HTML and PDF', async () => {
    const months = historyMonths(new Date());
    const list = await waitFor(
      'the demo bulletins',
      () => http(reporting(), 'GET', `/api/v1/bulletins?county=${DEMO_COUNTY.code}&latest=true&pageSize=200`, { authorization: leader(), expect: 200 }),
      (answer) => answer.body.total > 0,
      30_000,
    );
    const countyBulletins = (list.body.items as { id: string; kind: string; month: string; contentHash: string }[])
      .filter((b) => b.kind === 'county')
      .sort((a, b) => a.month.localeCompare(b.month));
    // One county bulletin per month of the history, and the months' figures differ.
    expect(countyBulletins.map((b) => b.month)).toEqual(months);
    expect(new Set(countyBulletins.map((b) => b.contentHash)).size).toBe(months.length);
    latestCountyBulletin = countyBulletins[countyBulletins.length - 1];
    expect(latestCountyBulletin.month).toBe(months[months.length - 1]);

    const json = await http(reporting(), 'GET', `/api/v1/bulletins/${latestCountyBulletin.id}/content?format=json`, { authorization: leader(), expect: 200 });
    const projects = demoProjects();
    expect(json.body).toMatchObject({ kind: 'county', countyCode: DEMO_COUNTY.code, month: latestCountyBulletin.month });
    expect(json.body.summary.projects.total).toBe(projects.length);
    // Every demo allocation is of the last month's fiscal year: the bulletin adds up to the plan.
    expect(json.body.summary.funding.allocatedFen).toBe(projects.reduce((sum, p) => sum + p.investmentYuan * 100, 0));

    const html = await http(reporting(), 'GET', `/api/v1/bulletins/${latestCountyBulletin.id}/content?format=html`, { authorization: leader(), expect: 200 });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const [year, month] = latestCountyBulletin.month.split('-').map(Number);
    expect(html.text).toContain(`${year}年${month}月`);
    expect(html.text).toContain('</html>');

    const pdf = await http(reporting(), 'GET', `/api/v1/bulletins/${latestCountyBulletin.id}/content?format=pdf`, { authorization: leader(), expect: 200 });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('Ctrl-C stops everything: exit code 0 within 60 s and no port left listening', async () => {
    expect(child?.pid).toBeDefined();
    const signalledAt = Date.now();
    process.kill(-child!.pid!, 'SIGINT');
    const result = await Promise.race([exit!, sleep(60_000).then(() => null)]);
    if (result === null) throw new Error(`the start command did not exit within 60 s of SIGINT:\n${tail()}`);
    process.stderr.write(`[e2e] npm start stopped ${Math.round((Date.now() - signalledAt) / 1000)} s after SIGINT\n`);
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });

    const allPorts = [...SERVICES.map((s) => s.port + ports.offset), ports.postgres, ports.redis, ports.kafka];
    // start.ts awaited every stop before exiting: every port is closed now.
    const listening = (await Promise.all(allPorts.map(async (port) => ((await isListening(port)) ? port : null)))).filter((p) => p !== null);
    expect(listening).toEqual([]);
    stoppedCleanly = true;
  }, 90_000);
});
