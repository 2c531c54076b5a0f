import { Controller, Get, Injectable, Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { Public } from '../../auth/auth.decorators';
import { HealthModule } from '../../health/health.module';
import { createTestApp } from '../../testing/create-test-app';
import { captureLogs, testPlatformConfig } from '../../testing/test-helpers';
import { bootstrapService } from '../bootstrap-service';
import { InjectConfig } from '../platform.constants';
import { PlatformModule } from '../platform.module';

@Injectable()
class GreetingService {
  greet(): string {
    return '你好';
  }
}

@Controller('greetings')
class GreetingsController {
  constructor(
    private readonly greetings: GreetingService,
    @InjectConfig() private readonly config: { GREETING_SUFFIX: string },
  ) {}

  @Public()
  @Get()
  get(): { text: string } {
    return { text: `${this.greetings.greet()}${this.config.GREETING_SUFFIX}` };
  }
}

function appModule(config: ReturnType<typeof testPlatformConfig>, logs = captureLogs()) {
  @Module({
    imports: [PlatformModule.forRoot({ service: 'reporting', config, logDestination: logs }), HealthModule.forRoot({ checks: [] })],
    controllers: [GreetingsController],
    providers: [GreetingService],
  })
  class AppModule {}
  return AppModule;
}

describe('platform setup (createTestApp)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp(appModule(testPlatformConfig({ GREETING_SUFFIX: '！' })), {
      swagger: { title: '报表服务', description: '月度通报与统计' },
    });
  });
  afterAll(() => app.close());

  it('prefixes controllers with api/v1 and exposes the typed config', async () => {
    expect((await request(app.getHttpServer()).get('/api/v1/greetings')).body).toEqual({ text: '你好！' });
    expect((await request(app.getHttpServer()).get('/greetings')).status).toBe(404);
  });

  it('keeps health and metrics outside the prefix', async () => {
    expect((await request(app.getHttpServer()).get('/health')).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/health/ready')).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/metrics')).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/api/v1/health')).status).toBe(404);
  });

  it('serves an OpenAPI document with the bearer scheme, a zh description and problem responses', async () => {
    const doc = (await request(app.getHttpServer()).get('/api/docs-json')).body;
    expect(doc.info.title).toBe('报表服务');
    expect(doc.info.description).toContain('Authorization: Bearer');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/greetings']);
    expect(doc.paths['/api/v1/greetings'].get.responses['401'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect((await request(app.getHttpServer()).get('/api/docs')).text).toContain('swagger-ui');
  });

  it('hides the framework banner header', async () => {
    expect((await request(app.getHttpServer()).get('/health')).headers['x-powered-by']).toBeUndefined();
  });
});

describe('createTestApp with a TestingModule', () => {
  it('honours provider overrides', async () => {
    const ref = await Test.createTestingModule({ imports: [appModule(testPlatformConfig({ GREETING_SUFFIX: '' }))] })
      .overrideProvider(GreetingService)
      .useValue({ greet: () => 'stub' })
      .compile();
    const app = await createTestApp(ref);
    try {
      expect((await request(app.getHttpServer()).get('/api/v1/greetings')).body).toEqual({ text: 'stub' });
    } finally {
      await app.close();
    }
  });
});

describe('bootstrapService', () => {
  it('listens on config PORT and logs the URL through the platform logger', async () => {
    const logs = captureLogs();
    const app = await bootstrapService({
      module: appModule(testPlatformConfig({ PORT: 0, LOG_LEVEL: 'info' as const, GREETING_SUFFIX: '' }), logs),
      service: 'reporting',
      defaultPort: 3004,
      title: '报表服务',
      description: '月度通报',
    });
    try {
      const url = await app.getUrl();
      const res = await fetch(`${url.replace('[::1]', '127.0.0.1')}/health`);
      expect(res.status).toBe(200);
      expect(await (await fetch(`${url}/api/docs-json`)).json()).toMatchObject({ info: { title: '报表服务' } });
      expect(logs.lines.find((l) => l.component === 'bootstrap')?.msg).toMatch(/^reporting listening on http:\/\/localhost:\d+\/api\/v1/);
      // Nest's own start-up logs went through the platform logger.
      expect(logs.lines.some((l) => l.component === 'NestApplication' || l.component === 'RoutesResolver')).toBe(true);
    } finally {
      await app.close();
    }
  });
});
