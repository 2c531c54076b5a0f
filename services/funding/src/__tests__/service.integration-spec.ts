import { pendingSchemaChanges, startTestService, TestService } from '@xiaojian/service-testing';
import { AppModule, FUNDING_SERVICE } from '../app.module';
import { fundingConfigSchema } from '../config';
import { fundingDatabase } from '../database/database';

describe('funding service on real infrastructure', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({
      service: 'funding',
      configSchema: fundingConfigSchema,
      createModule: AppModule.forRoot,
      database: fundingDatabase,
      swagger: FUNDING_SERVICE,
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
    expect(docs.body.info.title).toBe(FUNDING_SERVICE.title);
    const metrics = await service.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('xj_outbox_backlog');
  });

  it('has a migration for every entity change', async () => {
    expect(await pendingSchemaChanges(fundingDatabase)).toEqual([]);
  });
});
