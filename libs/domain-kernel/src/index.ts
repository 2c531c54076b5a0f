export * from './errors';
export * from './money';
export * from './ratio';
export * from './division-code';
export * from './shanghai-time';
export * from './field-errors';
