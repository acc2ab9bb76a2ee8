// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'src/generated/**',
      'coverage/**',
      'docs/api/**',
      'node_modules/**',
      'scripts/**',
      'eslint.config.js',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // One door to the generated code: only src/http/api-types.ts and src/http/operations.ts import
    // src/generated/ (plus the client, which extends the generated resources, the entry module, which
    // re-exports the generated public names, and src/testing/model.ts, the mock's door to the spec model).
    // Generated files import each other and src/http/resource.ts. The SDK never imports the mock.
    files: ['src/**/*.ts'],
    ignores: [
      'src/http/api-types.ts',
      'src/http/operations.ts',
      'src/client.ts',
      'src/index.ts',
      'src/testing/**',
      'src/tanstack-query/index.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/generated/*', '**/generated/**'],
              message:
                'Import generated types through src/http/api-types.ts (the operation table through src/http/operations.ts).',
            },
            { group: ['**/testing/*'], message: 'The SDK must not load user-management-sdk/testing.' },
          ],
        },
      ],
    },
  },
  {
    // user-management-sdk/testing stands alone (its own bundle): it reads the spec through
    // src/testing/model.ts and imports nothing else of the SDK.
    files: ['src/testing/**/*.ts'],
    ignores: ['src/testing/model.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*'], message: 'src/testing imports only its own modules (and msw, ajv).' },
          ],
        },
      ],
    },
  },
  {
    // user-management-sdk/tanstack-query stands alone too: it only produces options objects, so it needs
    // nothing of the SDK or of TanStack Query at run time — types only (its entry re-exports the generated
    // bindings, src/generated/queries.ts). Never an adapter: the same options serve React, Vue, Svelte, ….
    files: ['src/tanstack-query/**/*.ts'],
    ignores: ['src/tanstack-query/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*'],
              allowTypeImports: true,
              message: 'src/tanstack-query imports the SDK as types only; it must bundle none of it.',
            },
            {
              group: ['user-management-sdk'],
              allowTypeImports: true,
              message: 'Types only from the SDK: the subpath must bundle none of it.',
            },
            {
              group: ['@tanstack/query-core'],
              allowTypeImports: true,
              message: 'Types only from @tanstack/query-core: the subpath produces plain options objects.',
            },
            {
              group: ['@tanstack/*-query', '@tanstack/*-query-*'],
              message: 'Adapter-neutral: import from @tanstack/query-core only.',
            },
          ],
        },
      ],
    },
  },
  {
    // api-types.ts re-declares each generated schema as `interface User extends UserSchema {}`,
    // so the API docs show a named, documented type instead of the inlined generated one.
    files: ['src/http/api-types.ts'],
    rules: {
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // Tests may poke at values loosely; the public surface is what must be strict.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
);
