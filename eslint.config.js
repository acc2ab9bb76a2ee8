// @ts-check
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import sdk, { layerAssigned } from './eslint/import-graph.js';

// The layers of src/, outermost first. A file may import from its own layer and the layers below it,
// never from one above (import-x/no-restricted-paths, type-only imports included); no import cycle
// between files or folders (import-x/no-cycle for run-time edges, sdk/no-import-cycle for type-only
// edges and folders); and every file under src/ is in a layer (sdk/layer-assigned).
/** @type {readonly (readonly [string, readonly string[]])[]} */
const LAYERS = [
  // user-management-sdk, and user-management-sdk/testing and /tanstack-query (which stand alone: see below);
  // user-management-sdk/sync and the CLI, which import the SDK by its package name.
  // user-management-sdk/core and /funcs: the core alone, and the standalone functions.
  [
    'the entry modules',
    [
      'src/index.ts',
      'src/cjs-bundle.ts',
      'src/core/index.ts',
      'src/funcs',
      'src/testing',
      'src/tanstack-query',
      'src/sync',
      'src/cli',
    ],
  ],
  ['the client', ['src/client.ts']],
  // Written by `npm run generate`: one standalone function per operation, calling the core's narrow
  // entry point (src/core/resource.ts), and one class per tag calling the functions.
  [
    'the generated resources',
    [
      'src/generated/client.ts',
      'src/generated/index.ts',
      'src/generated/resources',
      'src/generated/funcs',
      'src/generated/queries.ts',
    ],
  ],
  // UserManagementCore (config → pipeline → transport, no operation) and the door the generated code
  // comes in by.
  ['the SDK core', ['src/core']],
  [
    'the core and the generated tables',
    [
      'src/http',
      'src/generated/schema.ts',
      'src/generated/operations.ts',
      'src/generated/models.ts',
      'src/generated/spec-model.ts',
    ],
  ],
  ['the pipeline', ['src/pipeline']],
  ['config', ['src/config.ts', 'src/config']],
  ['policies', ['src/policies']],
  ['auth and telemetry', ['src/auth', 'src/telemetry']],
  ['transport', ['src/transport']],
  ['resilience primitives', ['src/resilience']],
  [
    'errors and platform',
    [
      'src/errors.ts',
      'src/error-details.ts',
      'src/describe.ts',
      'src/validation.ts',
      'src/logging.ts',
      'src/env.ts',
      'src/platform.ts',
      'src/platform.browser.ts',
      'src/version.ts',
      'src/load-once.ts',
      'src/options',
      'src/text',
    ],
  ],
];
const layerZones = LAYERS.slice(1).map(([name, target], i) => ({
  target: [...target],
  from: LAYERS.slice(0, i + 1).flatMap(([, globs]) => globs),
  message: `${name} may import only from its own layer and those below it (see LAYERS in eslint.config.js).`,
}));

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
      'eslint/**',
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
    files: ['src/**/*.ts'],
    plugins: {
      'import-x': importX,
      sdk: { rules: { ...sdk.rules, 'layer-assigned': layerAssigned(LAYERS) } },
    },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }],
      'import-x/no-cycle': 'error',
      'sdk/no-import-cycle': 'error',
      'sdk/layer-assigned': 'error',
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
      'src/funcs/index.ts',
      'src/testing/**',
      'src/tanstack-query/index.ts',
      // sync validates mapped records against the spec's schemas from the same model the mock reads.
      'src/sync/validate.ts',
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
