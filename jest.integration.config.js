// Integration tests: real PostgreSQL, Redis and a Kafka-protocol broker, started once by the
// global setup on free loopback ports and always stopped by the global teardown.
const preset = require('./jest.preset');
module.exports = {
  ...preset,
  displayName: 'integration',
  rootDir: __dirname,
  reporters: ['default', ['<rootDir>/tools/jest/summary-reporter.js', { name: 'integration' }]],
  testMatch: ['<rootDir>/{libs,services,infra,tools}/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 2,
};
