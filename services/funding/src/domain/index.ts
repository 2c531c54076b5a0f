export * from './funding-source';
export * from './ledger';
export * from './ledger-guards';
export * from './schedule';
export * from './rates';
export * from './expenditure-attribution';
