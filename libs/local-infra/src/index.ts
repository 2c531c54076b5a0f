export * from './free-port';
export * from './kafka';
export * from './postgres';
export * from './postgres-admin';
export * from './redis';
export * from './stack';
