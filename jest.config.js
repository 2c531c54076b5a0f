// Unit tests: plain TypeScript and NestJS with fakes, no infrastructure.
const preset = require('./jest.preset');
module.exports = {
  ...preset,
  displayName: 'unit',
  rootDir: __dirname,
  reporters: ['default', ['<rootDir>/tools/jest/summary-reporter.js', { name: 'unit' }]],
  testMatch: ['<rootDir>/{libs,services,infra,tools}/**/*.spec.ts'],
};
