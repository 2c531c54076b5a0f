import { BadRequestException, Controller, Get, Module, Post, HttpCode, Body } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Public } from '../../auth/auth.decorators';
import { PlatformModule } from '../../bootstrap/platform.module';
import { createTestApp } from '../../testing/create-test-app';
import { captureLogs, testPlatformConfig } from '../../testing/test-helpers';
import { negotiateLanguage } from '../accept-language.util';
import { ProblemException } from '../problem.exception';

@Public()
@Controller('demo')
class DemoController {
  @Get('conflict')
  conflict(): never {
    throw new ProblemException({
      status: 409,
      code: 'illegal-phase-transition',
      title: { zh: '项目阶段不能这样变更', en: 'Illegal phase transition' },
      detail: { zh: '“立项”阶段只能进入“前期手续”或“取消”。', en: 'From "approved" only "preparation" or "cancelled" are allowed.' },
      extensions: { currentPhase: 'approved', allowedNextPhases: ['preparation', 'cancelled'], status: 999 },
    });
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection to 10.0.0.7 refused by pg_hba.conf');
  }

  @Get('nest-bad-request')
  nestBadRequest(): never {
    throw new BadRequestException('whatever');
  }

  @Post('echo')
  @HttpCode(200)
  echo(@Body() body: unknown): unknown {
    return body;
  }
}

const logs = captureLogs();

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'test', config: testPlatformConfig({ LOG_LEVEL: 'info' as const, HTTP_BODY_LIMIT: '1kb' }), logDestination: logs }),
  ],
  controllers: [DemoController],
})
class AppModule {}

describe('problem+json errors', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp(AppModule);
  });
  afterAll(() => app.close());

  it('renders a ProblemException in zh-CN by default with extensions', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/demo/conflict').set('X-Correlation-Id', 'corr-1');
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers['content-language']).toBe('zh-CN');
    expect(JSON.parse(res.text)).toEqual({
      type: 'https://xiaojian.example/problems/illegal-phase-transition',
      title: '项目阶段不能这样变更',
      status: 409,
      detail: '“立项”阶段只能进入“前期手续”或“取消”。',
      instance: '/api/v1/demo/conflict',
      code: 'illegal-phase-transition',
      correlationId: 'corr-1',
      currentPhase: 'approved',
      allowedNextPhases: ['preparation', 'cancelled'],
    });
  });

  it('renders English when the client prefers en', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/v1/demo/conflict?x=1')
      .set('Accept-Language', 'en-US,en;q=0.9,zh-CN;q=0.5');
    expect(res.headers['content-language']).toBe('en');
    const body = JSON.parse(res.text);
    expect(body.title).toBe('Illegal phase transition');
    expect(body.detail).toMatch(/^From "approved"/);
    expect(body.instance).toBe('/api/v1/demo/conflict');
    expect(body.correlationId).toBe(res.headers['x-correlation-id']);
  });

  it('hides unknown errors behind a 500 and logs them with the stack', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/demo/boom').set('X-Correlation-Id', 'corr-boom');
    expect(res.status).toBe(500);
    const body = JSON.parse(res.text);
    expect(body).toMatchObject({ status: 500, code: 'internal-error', title: '系统出现异常', correlationId: 'corr-boom' });
    expect(res.text).not.toContain('pg_hba');
    expect(res.text).not.toContain('at ');
    const logged = logs.lines.find((l) => l.component === 'problem-details' && l.level === 'error');
    expect(logged).toMatchObject({ correlationId: 'corr-boom' });
    expect((logged?.err as { stack: string }).stack).toContain('pg_hba.conf');
  });

  it('maps an unknown route to a 404 problem', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text)).toMatchObject({
      code: 'not-found',
      title: '找不到相关内容',
      detail: '接口地址不存在：GET /api/v1/nothing-here',
    });
  });

  it('maps malformed JSON to 400 "请求体不是合法的 JSON"', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/demo/echo')
      .set('Content-Type', 'application/json')
      .send('{"plannedSeats": 12,');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(res.text)).toMatchObject({ code: 'malformed-json', title: '请求体不是合法的 JSON' });
    expect(res.headers['x-correlation-id']).toBeDefined();
  });

  it('maps a body above HTTP_BODY_LIMIT to 413', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/demo/echo')
      .set('Accept-Language', 'en')
      .send({ text: 'x'.repeat(2048) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'payload-too-large', detail: 'The request body exceeds the 1kb limit.' });
  });

  it('gives plain Nest HttpExceptions a generic problem without their internal message', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/demo/nest-bad-request');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'bad-request', title: '请求有误' });
  });
});

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['*', 'zh'],
    ['fr-FR', 'zh'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['zh-CN,en;q=0.8', 'zh'],
    ['en;q=0.4,zh-TW;q=0.9', 'zh'],
    ['fr,en;q=0.7,zh;q=0.6', 'en'],
    ['en;q=0,zh', 'zh'],
  ])('%s → %s', (header, lang) => {
    expect(negotiateLanguage(header)).toBe(lang);
  });
});
