export * from './service-app';
export * from './event-producer';
export * from './service-basics';
