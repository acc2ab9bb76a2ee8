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
  ['the public surface', ['src/index.ts']],
  ['the client', ['src/client.ts']],
  ['resources', ['src/resources']],
  ['the generated code and its door', ['src/http', 'generated']],
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
      'src/describe.ts',
      'src/validation.ts',
      'src/logging.ts',
      'src/env.ts',
      'src/platform.ts',
      'src/platform.browser.ts',
      'src/version.ts',
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
      'dist',
      'generated',
      'coverage',
      'docs/api',
      'node_modules',
      'scripts',
      'eslint.config.js',
      'eslint',
    ],
  },
  {
    files: ['**/*.ts'],
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
    // One door to the generated code: only src/http/api-types.ts and src/http/operations.ts import generated/.
    files: ['src/**/*.ts'],
    ignores: ['src/http/api-types.ts', 'src/http/operations.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/generated/*'], message: 'Import generated types through src/http/api-types.ts.' },
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
