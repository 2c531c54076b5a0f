export * from './service-app';
export * from './event-producer';
