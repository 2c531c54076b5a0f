import { Inject } from '@nestjs/common';

/** DI token of the root pino logger. Libraries take `logger.child({ component: 'my-lib' })`. */
export const PLATFORM_LOGGER = Symbol('PLATFORM_LOGGER');

export const InjectLogger = (): ParameterDecorator & PropertyDecorator => Inject(PLATFORM_LOGGER);

/** Paths that are neither request-logged nor measured: probes and scrapes. */
export const QUIET_PATHS: readonly string[] = ['/health', '/health/ready', '/metrics'];

export const DEFAULT_COMPONENT = 'app';
