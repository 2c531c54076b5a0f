import { Inject } from '@nestjs/common';

/** DI token of the service's parsed config (whatever `loadConfig` returned). */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

/** `constructor(@InjectConfig() config: ProjectsConfig)`. */
export const InjectConfig = (): ParameterDecorator & PropertyDecorator => Inject(PLATFORM_CONFIG);

export const API_PREFIX = 'api/v1';
/** Routes outside the API prefix. */
export const UNPREFIXED_ROUTES = ['health', 'health/ready', 'metrics'];
export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';
