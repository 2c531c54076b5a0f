import { pendingSchemaChanges, startTestService, TestService } from '@xiaojian/service-testing';
import { AppModule, REPORTING_SERVICE } from '../app.module';
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
    });
  });
  afterAll(() => service.close());

  it('is live and ready once its dependencies answer', async () => {
    await service.http().get('/health').expect(200, { status: 'ok' });
    const ready = await service.http().get('/health/ready').expect(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(['consumer', 'kafka', 'postgres']);
  });

  it('serves its OpenAPI document and Prometheus metrics', async () => {
    const docs = await service.http().get('/api/docs-json').expect(200);
    expect(docs.body.info.title).toBe(REPORTING_SERVICE.title);
    const metrics = await service.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('xj_outbox_backlog');
  });

  it('has a migration for every entity change', async () => {
    expect(await pendingSchemaChanges(reportingDatabase)).toEqual([]);
  });
});
