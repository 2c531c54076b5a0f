// Unit tests: plain TypeScript and NestJS with fakes, no infrastructure.
const preset = require('./jest.preset');
module.exports = {
  ...preset,
  displayName: 'unit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/{libs,services,infra,tools}/**/*.spec.ts'],
};
