import { Controller, Get, Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { PlatformModule } from '../../bootstrap/platform.module';
import { createTestApp } from '../../testing/create-test-app';
import { bearer, TEST_JWT_SECRET, testPlatformConfig } from '../../testing/test-helpers';
import { CurrentUser, Public, Roles } from '../auth.decorators';
import { signDevToken, verifyAccessToken } from '../jwt.util';
import type { Principal } from '../principal';

@Controller('funding')
@Roles('finance')
class FundingController {
  @Get('me')
  me(@CurrentUser() user: Principal): Principal {
    return user;
  }

  @Get('summary')
  @Roles('finance', 'leader')
  summary(): { ok: true } {
    return { ok: true };
  }

  @Get('open')
  @Public()
  open(): { ok: true } {
    return { ok: true };
  }
}

@Controller('anyone')
class AnyoneController {
  @Get()
  get(@CurrentUser() user: Principal): { role: string } {
    return { role: user.role };
  }
}

@Module({
  imports: [PlatformModule.forRoot({ service: 'test', config: testPlatformConfig() })],
  controllers: [FundingController, AnyoneController],
})
class AppModule {}

describe('AuthGuard', () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => {
    app = await createTestApp(AppModule);
  });
  afterAll(() => app.close());

  it('401 unauthenticated without a token, with a Bearer challenge', async () => {
    const res = await http().get('/api/v1/anyone');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(JSON.parse(res.text)).toMatchObject({ code: 'unauthenticated', title: '请先登录' });
  });

  it('401 invalid-token for a token signed with another secret', async () => {
    const res = await http().get('/api/v1/anyone').set('Authorization', bearer('planner', ['341321'], { secret: 'another-secret-0123456' }));
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).code).toBe('invalid-token');
  });

  it('401 invalid-token for garbage and for alg=none', async () => {
    const none = jwt.sign({ sub: 'u', role: 'admin', counties: [], townships: [] }, '', { algorithm: 'none' });
    for (const token of ['not.a.jwt', none]) {
      const res = await http().get('/api/v1/anyone').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.text).code).toBe('invalid-token');
    }
  });

  it('401 invalid-token when claims are malformed (unknown role, bad division codes)', async () => {
    for (const claims of [
      { sub: 'u', role: 'mayor', counties: [], townships: [] },
      { sub: 'u', role: 'planner', counties: ['3413'], townships: [] },
    ]) {
      const token = jwt.sign(claims, TEST_JWT_SECRET, { algorithm: 'HS256' });
      const res = await http().get('/api/v1/anyone').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
    }
  });

  it('401 token-expired for an expired token, in English on request', async () => {
    const token = jwt.sign({ sub: 'u', role: 'planner', counties: ['341321'], exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET);
    const res = await http().get('/api/v1/anyone').set('Authorization', `Bearer ${token}`).set('Accept-Language', 'en');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'token-expired', title: 'Token expired' });
  });

  it('lets any authenticated role through routes without @Roles', async () => {
    const res = await http().get('/api/v1/anyone').set('Authorization', bearer('township', ['341321001']));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ role: 'township' });
  });

  it('403 when the role is not allowed, naming the role in Chinese', async () => {
    const res = await http().get('/api/v1/funding/me').set('Authorization', bearer('planner', ['341321']));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text)).toMatchObject({
      code: 'forbidden',
      detail: '您的账号角色（规划（基建）股）无权进行此操作，仅限计财股。',
      role: 'planner',
      allowedRoles: ['finance'],
    });
  });

  it('method @Roles overrides the controller and admin is always allowed', async () => {
    expect((await http().get('/api/v1/funding/summary').set('Authorization', bearer('leader', ['341321']))).status).toBe(200);
    expect((await http().get('/api/v1/funding/me').set('Authorization', bearer('leader', ['341321']))).status).toBe(403);
    expect((await http().get('/api/v1/funding/me').set('Authorization', bearer('admin'))).status).toBe(200);
  });

  it('@CurrentUser returns the typed principal', async () => {
    const res = await http()
      .get('/api/v1/funding/me')
      .set('Authorization', bearer('finance', ['341321', '341321102'], { name: '李会计', sub: 'u-42' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: 'u-42', name: '李会计', role: 'finance', counties: ['341321'], townships: ['341321102'] });
  });

  it('@Public routes need no token, even under a @Roles controller', async () => {
    expect((await http().get('/api/v1/funding/open')).status).toBe(200);
    expect((await http().get('/api/v1/funding/open').set('Authorization', 'Bearer broken')).status).toBe(200);
  });
});

describe('signDevToken', () => {
  it('sorts 6-digit codes into counties and 9-digit into townships', () => {
    const token = signDevToken({ role: 'township', divisions: ['341321', '341321001'], secret: TEST_JWT_SECRET });
    expect(verifyAccessToken(token, TEST_JWT_SECRET)).toEqual({
      userId: 'dev-township',
      name: '',
      role: 'township',
      counties: ['341321'],
      townships: ['341321001'],
    });
  });

  it('refuses other division codes', () => {
    expect(() => signDevToken({ role: 'planner', divisions: ['3413'], secret: TEST_JWT_SECRET })).toThrow(/neither/);
  });
});
