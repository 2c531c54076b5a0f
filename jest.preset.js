// Shared jest settings: swc compiles TypeScript (with decorator metadata for NestJS) and the
// tsconfig path aliases resolve to the libs' sources.
const path = require('path');
const root = __dirname;
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@xiaojian/(contracts|messaging|platform|testing|domain-kernel|local-infra|service-kit|service-testing)$': path.join(root, 'libs/$1/src/index.ts'),
  },
};
