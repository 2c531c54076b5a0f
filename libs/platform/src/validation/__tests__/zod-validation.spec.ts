import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { z } from 'zod';
import { Public } from '../../auth/auth.decorators';
import { PlatformModule } from '../../bootstrap/platform.module';
import { ProblemException } from '../../errors/problem.exception';
import { createTestApp } from '../../testing/create-test-app';
import { testPlatformConfig } from '../../testing/test-helpers';
import { paginationQuery, pageOffset, toPage } from '../pagination';
import { formatIssuePath, localized, translateZodIssues } from '../zod-issue.translator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { ApiZodBody, ApiZodQuery, ZodBody, ZodQuery } from '../zod.decorators';

const createProject = z
  .object({
    name: z.string().min(1).max(10),
    kind: z.enum(['new_build', 'expansion', 'renovation']),
    plannedSeats: z.number().int().min(0),
    startDate: z.iso.date(),
    countyCode: z.string().regex(/^\d{6}$/, localized('应为 6 位县级行政区划代码', 'must be a 6-digit county code')),
    grades: z.array(z.object({ grade: z.number().int(), pupils: z.number().int().nonnegative() })).min(1),
  })
  .strict();

const listQuery = paginationQuery({ sortable: ['name', 'createdAt'], defaultSort: '-createdAt' });

@Public()
@Controller('projects')
class ProjectsController {
  @Post()
  @HttpCode(201)
  @ApiZodBody(createProject)
  create(@ZodBody(createProject) body: z.output<typeof createProject>) {
    return body;
  }

  @Get()
  @ApiZodQuery(listQuery)
  list(@ZodQuery(listQuery) query: z.output<typeof listQuery>) {
    return { query, ...pageOffset(query) };
  }
}

@Module({
  imports: [PlatformModule.forRoot({ service: 'test', config: testPlatformConfig() })],
  controllers: [ProjectsController],
})
class AppModule {}

const valid = {
  name: '城关一小',
  kind: 'expansion',
  plannedSeats: 450,
  startDate: '2024-09-01',
  countyCode: '341321',
  grades: [{ grade: 1, pupils: 45 }],
};

function errorsOf(schema: z.ZodType, value: unknown) {
  try {
    new ZodValidationPipe(schema).transform(value);
  } catch (err) {
    return (err as ProblemException).problem.errors ?? [];
  }
  throw new Error('expected a validation failure');
}

describe('ZodValidationPipe over HTTP', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp(AppModule, { swagger: { title: 't', description: 'd' } });
  });
  afterAll(() => app.close());

  it('passes a valid body through', async () => {
    const res = await request(app.getHttpServer()).post('/api/v1/projects').send(valid);
    expect(res.status).toBe(201);
    expect(res.body).toEqual(valid);
  });

  it('answers 400 validation-failed with field paths and zh messages', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/projects')
      .send({ ...valid, plannedSeats: -1, kind: 'castle', grades: [{ grade: 1, pupils: 1 }, { grade: 2, pupils: 1 }, { grade: 3, pupils: '三十' }], name: undefined, extra: 1 });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text);
    expect(body).toMatchObject({ code: 'validation-failed', title: '提交的信息有误', status: 400 });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'required', message: '此项为必填项' },
        { field: 'plannedSeats', code: 'too-small', message: '不能小于 0' },
        { field: 'kind', code: 'invalid-value', message: '取值无效，只能是以下之一：new_build、expansion、renovation' },
        { field: 'grades[2].pupils', code: 'invalid-type', message: '应为数字，实际提交的是文本' },
        { field: 'extra', code: 'unrecognized-key', message: '不支持此字段，请删除' },
      ]),
    );
    expect(body.errors).toHaveLength(5);
    expect(body.detail).toBe('共有 5 处填写有误，请按提示修改后重新提交。');
  });

  it('answers in English on request', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/projects')
      .set('Accept-Language', 'en')
      .send({ ...valid, plannedSeats: -1, countyCode: '34' });
    const body = JSON.parse(res.text);
    expect(body.title).toBe('Validation failed');
    expect(body.errors).toEqual([
      { field: 'plannedSeats', code: 'too-small', message: 'must be at least 0' },
      { field: 'countyCode', code: 'invalid-format', message: 'must be a 6-digit county code' },
    ]);
  });

  it('coerces and defaults pagination query parameters', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/projects?page=3&pageSize=50');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      query: { page: 3, pageSize: 50, sort: { field: 'createdAt', direction: 'desc' } },
      offset: 100,
      limit: 50,
    });
  });

  it('rejects out-of-range pages and unknown sort fields', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/projects?page=0&pageSize=201&sort=-budget');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors).toEqual([
      { field: 'page', code: 'too-small', message: '不能小于 1' },
      { field: 'pageSize', code: 'too-big', message: '不能大于 200' },
      { field: 'sort', code: 'invalid', message: '不支持按“budget”排序，可选：name、createdAt（前加“-”表示倒序）' },
    ]);
  });

  it('documents the body in the OpenAPI document via ApiZodBody', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json');
    const op = res.body.paths['/api/v1/projects'].post;
    const schema = op.requestBody.content['application/json'].schema;
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'plannedSeats', 'grades']));
    expect(schema.properties.kind.enum).toEqual(['new_build', 'expansion', 'renovation']);
    expect(schema.properties.grades.items.properties.pupils.type).toBe('integer');
    expect(schema.$schema).toBeUndefined();
  });

  it('documents query parameters via ApiZodQuery', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json');
    const params = res.body.paths['/api/v1/projects'].get.parameters;
    expect(params.map((p: { name: string; in: string; required: boolean }) => [p.name, p.in, p.required])).toEqual([
      ['page', 'query', false],
      ['pageSize', 'query', false],
      ['sort', 'query', false],
    ]);
    expect(params[1].schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200, default: 20 });
  });
});

describe('zod issue translation', () => {
  it('formats paths with indices', () => {
    expect(formatIssuePath(['grades', 2, 'pupils'])).toBe('grades[2].pupils');
    expect(formatIssuePath([0, 'a'])).toBe('[0].a');
    expect(formatIssuePath([])).toBe('');
  });

  it.each<[string, z.ZodType, unknown, { code: string; zh: string; en: string }]>([
    ['empty string', z.string().min(1), '', { code: 'too-small', zh: '不能为空', en: 'must not be empty' }],
    ['long string', z.string().max(5), 'abcdefg', { code: 'too-big', zh: '不能超过 5 个字符', en: 'must be at most 5 characters' }],
    ['exclusive min', z.number().positive(), 0, { code: 'too-small', zh: '必须大于 0', en: 'must be greater than 0' }],
    ['max', z.number().max(100), 101, { code: 'too-big', zh: '不能大于 100', en: 'must be at most 100' }],
    ['array min', z.array(z.string()).min(2), ['a'], { code: 'too-small', zh: '至少需要 2 项', en: 'must contain at least 2 items' }],
    ['array max', z.array(z.string()).max(1), ['a', 'b'], { code: 'too-big', zh: '最多只能有 1 项', en: 'must contain at most 1 items' }],
    ['integer', z.number().int(), 1.5, { code: 'invalid-type', zh: '应为整数，实际提交的是数字', en: 'must be an integer, got number' }],
    ['boolean', z.boolean(), 'yes', { code: 'invalid-type', zh: '应为布尔值（true 或 false），实际提交的是文本', en: 'must be a boolean, got string' }],
    ['literal', z.literal('approved'), 'x', { code: 'invalid-value', zh: '只能为“approved”', en: 'must be "approved"' }],
    ['date', z.iso.date(), '2024-13-01', { code: 'invalid-format', zh: '日期格式不正确，应为“年-月-日”，如 2024-09-01', en: 'must be a date like 2024-09-01' }],
    ['uuid', z.uuid(), 'abc', { code: 'invalid-format', zh: '编号格式不正确（应为 UUID）', en: 'must be a UUID' }],
    ['email', z.email(), 'abc', { code: 'invalid-format', zh: '邮箱地址格式不正确', en: 'must be a valid email address' }],
    ['regex', z.string().regex(/^\d+$/), 'a', { code: 'invalid-format', zh: '格式不正确', en: 'has an invalid format' }],
    ['money', z.number().multipleOf(0.01), 1.234, { code: 'not-multiple-of', zh: '最多保留 2 位小数', en: 'must have at most 2 decimal places' }],
  ])('%s', (_name, schema, value, expected) => {
    const [error] = errorsOf(schema, value);
    expect(error).toEqual({ field: '', code: expected.code, message: { zh: expected.zh, en: expected.en } });
  });

  it('keeps a custom message from the schema for both languages', () => {
    expect(errorsOf(z.string().min(3, '名称太短'), 'a')).toEqual([{ field: '', code: 'too-small', message: '名称太短' }]);
  });

  it('names the discriminator of a discriminated union', () => {
    const schema = z.object({
      funding: z.discriminatedUnion('source', [
        z.object({ source: z.literal('central'), amount: z.number() }),
        z.object({ source: z.literal('county'), amount: z.number() }),
      ]),
    });
    expect(translateZodIssues(schema.safeParse({ funding: { source: 'x' } }).error!.issues, {})).toEqual([
      { field: 'funding.source', code: 'invalid-value', message: { zh: '取值无效，只能是以下之一：central、county', en: 'must be one of: central, county' } },
    ]);
  });
});

describe('pagination helpers', () => {
  it('builds a Page', () => {
    expect(toPage(['a'], 41, { page: 3, pageSize: 20 })).toEqual({ items: ['a'], page: 3, pageSize: 20, total: 41 });
  });

  it('defaults page 1 / size 20 and leaves sort undefined without a default', () => {
    expect(paginationQuery({ sortable: ['name'] }).parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(paginationQuery({ sortable: ['name'] }).parse({ sort: 'name' }).sort).toEqual({ field: 'name', direction: 'asc' });
  });
});
