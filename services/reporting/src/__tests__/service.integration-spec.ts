import { randomUUID } from 'node:crypto';
import { pendingSchemaChanges, startTestService, TestService } from '@xiaojian/service-testing';
import { lastDayOfMonth } from '@xiaojian/domain-kernel';
import { AppModule, REPORTING_SERVICE } from '../app.module';
import { BulletinQueues } from '../queues/bulletin-queues';
import { MONTH_END_SCHEDULER } from '../queues/queue.constants';
import { reportingConfigSchema } from '../config';
import { reportingDatabase } from '../database/database';

describe('reporting service on real infrastructure', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({
      service: 'reporting',
      configSchema: reportingConfigSchema,
      createModule: AppModule.forRoot,
      database: reportingDatabase,
      swagger: REPORTING_SERVICE,
      env: { BULLMQ_PREFIX: `xj-test-${randomUUID().slice(0, 8)}` },
    });
  });
  afterAll(() => service.close());

  it('is live and ready once its dependencies answer', async () => {
    await service.http().get('/health').expect(200, { status: 'ok' });
    const ready = await service.http().get('/health/ready').expect(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(['consumer', 'kafka', 'postgres', 'redis']);
  });

  it('serves its OpenAPI document and Prometheus metrics', async () => {
    const docs = await service.http().get('/api/docs-json').expect(200);
    expect(docs.body.info.title).toBe(REPORTING_SERVICE.title);
    const metrics = await service.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('xj_outbox_backlog');
  });

  it('schedules the month-end bulletin run on the last day of each month, 23:30 in Shanghai', async () => {
    const scheduler = await service.app.get(BulletinQueues).generation.getJobScheduler(MONTH_END_SCHEDULER);
    expect(scheduler).toMatchObject({ pattern: '0 30 23 L * *', tz: 'Asia/Shanghai' });
    const next = new Date(Number(scheduler!.next));
    const shanghai = new Date(next.getTime() + 8 * 3600_000).toISOString();
    expect(shanghai.slice(11, 16)).toBe('23:30');
    expect(shanghai.slice(0, 10)).toBe(lastDayOfMonth(shanghai.slice(0, 7)));
  });

  it('has a migration for every entity change', async () => {
    expect(await pendingSchemaChanges(reportingDatabase)).toEqual([]);
  });
});
