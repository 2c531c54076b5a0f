import { Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { PlatformModule } from '../../bootstrap/platform.module';
import { createTestApp } from '../../testing/create-test-app';
import { testPlatformConfig } from '../../testing/test-helpers';
import { type HealthCheck, postgresCheck, redisWriteCheck, runHealthChecks } from '../health-check';
import { HealthModule } from '../health.module';

const ok: HealthCheck = { name: 'postgres', check: async () => undefined };
const failing: HealthCheck = {
  name: 'redis',
  check: async () => {
    throw new Error('OOM command not allowed when used memory > maxmemory');
  },
};
const hanging: HealthCheck = { name: 'kafka', timeoutMs: 50, check: () => new Promise<void>(() => undefined) };

async function appWith(checks: HealthCheck[]): Promise<INestApplication> {
  @Module({ imports: [PlatformModule.forRoot({ service: 'test', config: testPlatformConfig() }), HealthModule.forRoot({ checks })] })
  class AppModule {}
  return createTestApp(AppModule);
}

describe('health endpoints', () => {
  let healthy: INestApplication;
  let sick: INestApplication;
  beforeAll(async () => {
    healthy = await appWith([ok]);
    sick = await appWith([ok, failing, hanging]);
  });
  afterAll(async () => {
    await healthy.close();
    await sick.close();
  });

  it('GET /health is public, unprefixed and always ok', async () => {
    const res = await request(sick.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('GET /health/ready is 200 with each check up and its latency', async () => {
    const res = await request(healthy.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: { status: 'up', latencyMs: expect.any(Number) } } });
  });

  it('GET /health/ready is 503 when a check fails or hangs past its timeout', async () => {
    const started = Date.now();
    const res = await request(sick.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'down',
      checks: {
        postgres: { status: 'up', latencyMs: expect.any(Number) },
        redis: { status: 'down', latencyMs: expect.any(Number), error: 'OOM command not allowed when used memory > maxmemory' },
        kafka: { status: 'down', latencyMs: expect.any(Number), error: 'timed out after 50 ms' },
      },
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('runHealthChecks', () => {
  it('runs checks in parallel', async () => {
    const slow = (name: string): HealthCheck => ({ name, check: () => new Promise((r) => setTimeout(r, 100)) });
    const started = Date.now();
    const report = await runHealthChecks([slow('a'), slow('b'), slow('c')]);
    expect(report.status).toBe('ok');
    expect(Date.now() - started).toBeLessThan(250);
  });

  it('applies the 2000 ms default timeout', async () => {
    jest.useFakeTimers();
    try {
      const pending = runHealthChecks([{ name: 'never', check: () => new Promise<void>(() => undefined) }]);
      await jest.advanceTimersByTimeAsync(1999);
      let settled = false;
      void pending.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect((await pending).checks.never).toMatchObject({ status: 'down', error: 'timed out after 2000 ms' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('catches checks that throw synchronously', async () => {
    const report = await runHealthChecks([{ name: 'x', check: () => { throw new Error('sync'); } }]);
    expect(report.checks.x).toMatchObject({ status: 'down', error: 'sync' });
  });
});

describe('check factories', () => {
  it('postgresCheck runs SELECT 1', async () => {
    const query = jest.fn().mockResolvedValue([{ '?column?': 1 }]);
    await postgresCheck({ query }).check();
    expect(query).toHaveBeenCalledWith('SELECT 1');
  });

  it('redisWriteCheck SETs a key with a short PX ttl and fails when the write fails', async () => {
    const set = jest.fn().mockResolvedValue('OK');
    const check = redisWriteCheck({ set }, { key: 'health:test', ttlMs: 5000 });
    await check.check();
    expect(set).toHaveBeenCalledWith('health:test', expect.any(String), 'PX', 5000);
    set.mockRejectedValueOnce(new Error('READONLY You can\'t write against a read only replica.'));
    await expect(check.check()).rejects.toThrow('READONLY');
  });
});
