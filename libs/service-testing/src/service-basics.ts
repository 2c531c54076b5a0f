import { pendingSchemaChanges, startTestService, TestService, TestServiceOptions } from './service-app';

export interface ServiceBasicsOptions<C> extends TestServiceOptions<C> {
  swagger: { title: string; description: string };
  /** The names `/health/ready` must report, sorted. */
  readinessChecks: string[];
}

/**
 * What every service must do on real infrastructure: liveness, readiness of each dependency,
 * OpenAPI, Prometheus metrics, and a migration for every entity change. `more` adds a service's
 * own start-up checks against the same instance.
 */
export function describeServiceBasics<C>(options: ServiceBasicsOptions<C>, more?: (service: () => TestService) => void): void {
  describe(`${options.service} service on real infrastructure`, () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService(options);
    });
    afterAll(() => service.close());

    it('is live and ready once its dependencies answer', async () => {
      await service.http().get('/health').expect(200, { status: 'ok' });
      const ready = await service.http().get('/health/ready').expect(200);
      expect(Object.keys(ready.body.checks).sort()).toEqual(options.readinessChecks);
    });

    it('serves its OpenAPI document and Prometheus metrics', async () => {
      const docs = await service.http().get('/api/docs-json').expect(200);
      expect(docs.body.info.title).toBe(options.swagger.title);
      const metrics = await service.http().get('/metrics').expect(200);
      expect(metrics.text).toContain('xj_outbox_backlog');
    });

    it('has a migration for every entity change', async () => {
      expect(await pendingSchemaChanges(options.database)).toEqual([]);
    });

    more?.(() => service);
  });
}
