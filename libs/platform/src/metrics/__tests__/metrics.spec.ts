import { Controller, Get, Module, Param } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Counter } from 'prom-client';
import request from 'supertest';
import { PlatformModule } from '../../bootstrap/platform.module';
import { createTestApp } from '../../testing/create-test-app';
import { bearer, testPlatformConfig } from '../../testing/test-helpers';
import { metricsRegistry } from '../metrics.registry';

@Controller('projects')
class ProjectsController {
  @Get(':id')
  get(@Param('id') id: string): { id: string } {
    return { id };
  }
}

@Module({
  imports: [PlatformModule.forRoot({ service: 'projects', config: testPlatformConfig() })],
  controllers: [ProjectsController],
})
class AppModule {}

/** The value of the one sample of `name` whose labels include `labels` (label order is not fixed). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const matches = text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`))
    .filter((line) => Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)));
  if (matches.length > 1) throw new Error(`ambiguous sample ${name} ${JSON.stringify(labels)}`);
  return matches.length === 1 ? Number(matches[0].split(' ').pop()) : undefined;
}

describe('metrics', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp(AppModule);
  });
  afterAll(() => app.close());

  it('GET /metrics is public, unprefixed Prometheus text with default metrics and the service label', async () => {
    const res = await request(app.getHttpServer()).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(res.text).toMatch(/^process_cpu_user_seconds_total\{service="projects"\} /m);
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('observes request durations by method, route template and status', async () => {
    const auth = bearer('planner', ['341321']);
    await request(app.getHttpServer()).get('/api/v1/projects/p-1').set('Authorization', auth);
    await request(app.getHttpServer()).get('/api/v1/projects/p-2').set('Authorization', auth);
    await request(app.getHttpServer()).get('/api/v1/projects/p-3');
    await request(app.getHttpServer()).get('/api/v1/nope/123');
    const text = (await request(app.getHttpServer()).get('/metrics')).text;
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/projects/:id', status: '200', service: 'projects' })).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/projects/:id', status: '401' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(text).not.toContain('p-1');
    expect(text).not.toMatch(/route="\/metrics"/);
  });

  it('exposes counters other libraries register on the shared registry', async () => {
    const counter = new Counter({ name: 'outbox_published_total', help: 'events published', registers: [metricsRegistry] });
    counter.inc(3);
    const text = (await request(app.getHttpServer()).get('/metrics')).text;
    expect(text).toMatch(/^outbox_published_total\{service="projects"\} 3$/m);
  });
});
