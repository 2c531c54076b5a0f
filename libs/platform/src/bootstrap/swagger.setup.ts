import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem.types';
import { DOCS_JSON_PATH, DOCS_PATH } from './platform.constants';

export interface SwaggerOptions {
  title: string;
  description: string;
  version?: string;
}

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 问题详情；title/detail 按 Accept-Language 返回中文（默认）或英文。',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', example: 'https://xiaojian.example/problems/validation-failed' },
    title: { type: 'string', example: '提交的信息有误' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string' },
    instance: { type: 'string', example: '/api/v1/projects' },
    code: { type: 'string', example: 'validation-failed' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string', example: 'grades[2].pupils' },
          code: { type: 'string', example: 'too-small' },
          message: { type: 'string', example: '不能小于 0' },
        },
      },
    },
  },
  additionalProperties: true,
} as const;

const STANDARD_ERRORS: Record<string, string> = {
  '400': '请求参数有误（validation-failed / malformed-json）',
  '401': '未登录或登录已失效',
  '403': '角色无权操作或超出管辖范围',
  '500': '系统异常',
};

/** Adds the shared `Problem` schema and 400/401/403/500 problem responses to every operation. */
function addProblemResponses(document: OpenAPIObject): void {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, Problem: PROBLEM_SCHEMA as never };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = pathItem[method];
      if (!operation) continue;
      for (const [status, description] of Object.entries(STANDARD_ERRORS)) {
        operation.responses[status] ??= {
          description,
          content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
    }
  }
}

export function buildOpenApiDocument(app: INestApplication, options: SwaggerOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(
      `${options.description}\n\n` +
        '除 /health、/metrics 外，所有接口都需要在请求头携带 `Authorization: Bearer <令牌>`。' +
        '出错时返回 RFC 9457 格式（application/problem+json），标题和说明默认为中文，' +
        '请求头 `Accept-Language: en` 时为英文；每个响应都带有 `X-Correlation-Id` 请求编号，反馈问题时请一并提供。',
    )
    .setVersion(options.version ?? '1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '登录令牌（JWT）' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addProblemResponses(document);
  return document;
}

/** Swagger UI at `/api/docs`, the JSON document at `/api/docs-json`. */
export function setupSwagger(app: INestApplication, options: SwaggerOptions): OpenAPIObject {
  const document = buildOpenApiDocument(app, options);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    customSiteTitle: options.title,
    swaggerOptions: { persistAuthorization: true },
  });
  return document;
}
