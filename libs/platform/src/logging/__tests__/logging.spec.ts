import { Body, Controller, HttpCode, Logger, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { Logger as PinoLogger } from 'pino';
import request from 'supertest';
import { Public } from '../../auth/auth.decorators';
import { PlatformModule } from '../../bootstrap/platform.module';
import { runWithCorrelation } from '../../context/correlation';
import { HealthModule } from '../../health/health.module';
import { createTestApp } from '../../testing/create-test-app';
import { captureLogs, testPlatformConfig } from '../../testing/test-helpers';
import { createLogger } from '../logger.factory';
import { InjectLogger } from '../logging.constants';
import { NestLoggerAdapter } from '../nest-logger.adapter';
import { prettyStream } from '../pretty.stream';

@Public()
@Controller('things')
class ThingsController {
  private readonly nestLogger = new Logger('ThingsController');
  private readonly log: PinoLogger;

  constructor(@InjectLogger() root: PinoLogger) {
    this.log = root.child({ component: 'things' });
  }

  @Post()
  @HttpCode(201)
  async create(@Body() body: { name: string }): Promise<{ ok: true }> {
    await new Promise((r) => setTimeout(r, 2));
    this.log.info({ name: body.name }, 'creating thing');
    this.nestLogger.log('created via Nest logger');
    return { ok: true };
  }
}

const logs = captureLogs();

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'capacity', config: testPlatformConfig({ LOG_LEVEL: 'info' as const }), logDestination: logs }),
    HealthModule.forRoot({ checks: [] }),
  ],
  controllers: [ThingsController],
})
class AppModule {}

describe('request logging and correlation over HTTP', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp(AppModule);
  });
  afterAll(() => app.close());
  beforeEach(() => logs.lines.splice(0));

  it('echoes a valid X-Correlation-Id and puts it on every line of the request', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/things')
      .set('X-Correlation-Id', 'req-123')
      .set('Authorization', 'Bearer secret-token-value')
      .send({ name: '教学楼' });
    expect(res.status).toBe(201);
    expect(res.headers['x-correlation-id']).toBe('req-123');

    const domain = logs.lines.find((l) => l.msg === 'creating thing');
    expect(domain).toMatchObject({ service: 'capacity', component: 'things', correlationId: 'req-123', name: '教学楼', level: 'info' });

    const nest = logs.lines.find((l) => l.msg === 'created via Nest logger');
    expect(nest).toMatchObject({ component: 'ThingsController', correlationId: 'req-123' });

    const access = logs.lines.find((l) => l.component === 'http');
    expect(access).toMatchObject({
      msg: 'POST /api/v1/things 201',
      correlationId: 'req-123',
      req: { method: 'POST', url: '/api/v1/things' },
      res: { statusCode: 201 },
      responseTime: expect.any(Number),
    });
    expect(JSON.stringify(logs.lines)).not.toContain('secret-token-value');
  });

  it('generates a uuid when the header is missing or invalid', async () => {
    for (const header of [undefined, 'not valid!']) {
      const req = request(app.getHttpServer()).post('/api/v1/things').send({ name: 'x' });
      const res = await (header ? req.set('X-Correlation-Id', header) : req);
      const id = res.headers['x-correlation-id'];
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(logs.lines.find((l) => l.msg === 'creating thing' && l.correlationId === id)).toBeDefined();
    }
  });

  it('does not request-log /health and /metrics', async () => {
    await request(app.getHttpServer()).get('/health');
    await request(app.getHttpServer()).get('/health/ready');
    await request(app.getHttpServer()).get('/metrics');
    expect(logs.lines.filter((l) => l.component === 'http')).toEqual([]);
  });
});

describe('createLogger', () => {
  it('writes JSON with service, default component, ISO time and the context correlation id', () => {
    const out = captureLogs();
    const logger = createLogger({ service: 'funding', destination: out });
    logger.info('outside');
    runWithCorrelation('evt-9', () => logger.child({ component: 'outbox-relay' }).warn({ eventId: 'e1' }, 'inside'));
    expect(out.lines[0]).toMatchObject({ service: 'funding', component: 'app', level: 'info', msg: 'outside' });
    expect(out.lines[0].correlationId).toBeUndefined();
    expect(out.lines[0].time).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(out.lines[1]).toMatchObject({ component: 'outbox-relay', correlationId: 'evt-9', eventId: 'e1', level: 'warn' });
  });

  it('never prints a key twice when a child binds component', () => {
    const raw: string[] = [];
    const logger = createLogger({ service: 's', destination: { write: (l: string) => void raw.push(l) } });
    logger.child({ component: 'a' }).info('x');
    expect(raw[0].match(/"component"/g)).toHaveLength(1);
  });

  it('respects the level', () => {
    const out = captureLogs();
    const logger = createLogger({ service: 's', level: 'warn', destination: out });
    logger.info('dropped');
    logger.error('kept');
    expect(out.lines.map((l) => l.msg)).toEqual(['kept']);
  });

  it('pretty format prints a readable line', () => {
    const written: string[] = [];
    const logger = createLogger({ service: 's', destination: prettyStream({ write: (c: string) => written.push(c) }) });
    runWithCorrelation('c-7', () => logger.child({ component: 'x' }).info({ n: 1 }, 'hello'));
    expect(written[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}\[x\] hello \{"n":1\} cid=c-7\n$/);
  });
});

describe('NestLoggerAdapter', () => {
  it('maps Nest context to component and keeps error stacks', () => {
    const out = captureLogs();
    const adapter = new NestLoggerAdapter(createLogger({ service: 's', level: 'trace', destination: out }));
    adapter.log('Mapped {/x, GET} route', 'RouterExplorer');
    adapter.error('failed', 'Error: failed\n    at foo (file.ts:1:1)', 'ExceptionHandler');
    adapter.warn('no context');
    adapter.verbose('chatty', 'InstanceLoader');
    expect(out.lines).toEqual([
      expect.objectContaining({ level: 'info', component: 'RouterExplorer', msg: 'Mapped {/x, GET} route' }),
      expect.objectContaining({ level: 'error', component: 'ExceptionHandler', msg: 'failed', stack: expect.stringContaining('at foo') }),
      expect.objectContaining({ level: 'warn', component: 'nest', msg: 'no context' }),
      expect.objectContaining({ level: 'trace', component: 'InstanceLoader', msg: 'chatty' }),
    ]);
  });
});
