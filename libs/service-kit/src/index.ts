export * from './service-config';
export * from './database';
export * from './service-core.module';
export * from './service-cli';
