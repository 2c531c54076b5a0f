import nx from '@nx/eslint-plugin';

const shared = (type, allowed) => ({ sourceTag: `type:${type}`, onlyDependOnLibsWithTags: allowed.map((t) => `type:${t}`) });

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', 'tmp/**', '.nx/**', 'infra/kafka-mock/build/**', '.xiaojian/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // A service sees only shared libs, never another service; libs never see services.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:projects', onlyDependOnLibsWithTags: ['scope:shared', 'scope:projects'] },
            { sourceTag: 'scope:funding', onlyDependOnLibsWithTags: ['scope:shared', 'scope:funding'] },
            { sourceTag: 'scope:capacity', onlyDependOnLibsWithTags: ['scope:shared', 'scope:capacity'] },
            { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:shared', 'scope:reporting'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Layers among the libs.
            shared('contracts', []),
            shared('domain', ['domain']),
            shared('platform', ['domain']),
            shared('messaging', ['contracts', 'platform', 'domain', 'testing']),
            shared('infra', []),
            shared('testing', ['infra', 'contracts']),
            shared('service-testing', ['testing', 'contracts', 'messaging', 'platform', 'domain', 'service-kit']),
            shared('service-kit', ['contracts', 'messaging', 'platform', 'domain']),
            shared('service', ['contracts', 'messaging', 'platform', 'domain', 'testing', 'service-kit', 'service-testing']),
            shared('tool', ['contracts', 'messaging', 'platform', 'domain', 'infra', 'testing', 'service-kit', 'service-testing']),
          ],
        },
      ],
    },
  },
];
