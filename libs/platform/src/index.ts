// config
export * from './config/config-fields';
export * from './config/base-service-config';
export * from './config/config.loader';
// request context
export * from './context/correlation';
// http
export type { PlatformRequest, PlatformResponse, NextFunction, RequestHandler, ErrorRequestHandler } from './http/http.types';
export { requestPath } from './http/http.types';
// logging
export * from './logging/logging.constants';
export * from './logging/logger.factory';
export * from './logging/nest-logger.adapter';
export * from './logging/http-logger.middleware';
export * from './logging/pretty.stream';
// errors
export * from './errors/problem.types';
export * from './errors/problem.exception';
export * from './errors/problem-catalog';
export * from './errors/problem-details.filter';
export * from './errors/accept-language.util';
// validation
export * from './validation/zod-issue.translator';
export * from './validation/zod-validation.pipe';
export * from './validation/zod.decorators';
export * from './validation/zod-openapi.util';
export * from './validation/pagination';
// auth
export * from './auth/principal';
export * from './auth/auth.constants';
export * from './auth/jwt.util';
export * from './auth/auth.decorators';
export * from './auth/auth.guard';
export * from './auth/jurisdiction';
// health
export * from './health/health-check';
export * from './health/health.constants';
export * from './health/health.controller';
export * from './health/health.module';
// metrics
export * from './metrics/metrics.registry';
export * from './metrics/http-metrics.middleware';
export * from './metrics/metrics.controller';
export * from './metrics/metrics.module';
// bootstrap
export * from './bootstrap/platform.constants';
export * from './bootstrap/platform.module';
export * from './bootstrap/platform-setup';
export * from './bootstrap/swagger.setup';
export * from './bootstrap/bootstrap-service';
// testing (no runtime dependency on @nestjs/testing: its types only)
export * from './testing/create-test-app';
export * from './testing/test-helpers';
