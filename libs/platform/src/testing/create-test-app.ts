import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TestingModule } from '@nestjs/testing';
import { applyPlatformSetup } from '../bootstrap/platform-setup';
import { setupSwagger, type SwaggerOptions } from '../bootstrap/swagger.setup';

export interface CreateTestAppOptions {
  /** Also serve `/api/docs-json`, to assert on the OpenAPI document. */
  swagger?: SwaggerOptions;
}

function isTestingModule(value: unknown): value is TestingModule {
  return typeof (value as TestingModule | undefined)?.createNestApplication === 'function';
}

/**
 * An initialised (not listening) app with the same global setup as `bootstrapService`; use with
 * supertest: `request(app.getHttpServer())`. Pass a root module, or a compiled `TestingModule`
 * when providers need overriding. Close it in `afterAll`.
 */
export async function createTestApp(
  moduleOrRef: Type<unknown> | DynamicModule | TestingModule,
  options: CreateTestAppOptions = {},
): Promise<NestExpressApplication> {
  const app = isTestingModule(moduleOrRef)
    ? moduleOrRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false })
    : await NestFactory.create<NestExpressApplication>(moduleOrRef, { bodyParser: false, logger: false, abortOnError: false });
  applyPlatformSetup(app);
  if (options.swagger) setupSwagger(app, options.swagger);
  await app.init();
  return app;
}
