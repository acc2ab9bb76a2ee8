// `npm run spec:fixtures`: writes the spec:update test fixtures in spec/fixtures/ from spec/openapi.yaml
// plus one fixed delta each, so they stay "the current spec + this change" when the spec moves on:
//
//   next-compatible.yaml  + optional User.nickname, + POST /users/{id}/deactivate (deactivateUser)  → minor
//   next-breaking.yaml    User.username → login, − deleteUser, + required NewUser.role            → major
//   docs-only.yaml        descriptions and examples only                                          → patch
//
// (swagger2.yaml and openapi31.yaml are hand-written: they only have to be the wrong version.)
//
//   tsx codegen/spec-fixtures.ts           write them
//   tsx codegen/spec-fixtures.ts --check   fail when they are out of step with spec/openapi.yaml
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function bump(version: unknown, part: 'major' | 'minor' | 'patch'): string {
  const [major = 0, minor = 0, patch = 0] = String(version)
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);
  return part === 'major'
    ? `${major + 1}.0.0`
    : part === 'minor'
      ? `${major}.${minor + 1}.0`
      : `${major}.${minor}.${patch + 1}`;
}

const stale = (what: string): Error =>
  new Error(
    `spec-fixtures: spec/openapi.yaml has no ${what}; update codegen/spec-fixtures.ts to the new spec`,
  );

/** Renames a key of a YAML map in place, keeping its position. */
function renameKey(map: YAMLMap, from: string, to: string): void {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === from);
  if (!pair || !isScalar(pair.key)) throw stale(`key ${from} to rename`);
  pair.key.value = to;
}

function mustMap(doc: Document, path: readonly string[]): YAMLMap {
  const node = doc.getIn(path, true);
  if (!isMap(node)) throw stale(path.join('.'));
  return node;
}

function mustSeq(doc: Document, path: readonly string[]): YAMLSeq {
  const node = doc.getIn(path, true);
  if (!isSeq(node)) throw stale(path.join('.'));
  return node;
}

const RESPONSE_REFS: Readonly<Record<string, string>> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

const FIXTURES: Readonly<Record<string, (doc: Document) => void>> = {
  'next-compatible.yaml'(doc) {
    doc.setIn(['info', 'version'], bump(doc.getIn(['info', 'version']), 'minor'));
    mustMap(doc, ['components', 'schemas', 'User', 'properties']).set(
      'nickname',
      doc.createNode({ type: 'string', description: 'What the user likes to be called.', example: 'Lee' }),
    );
    doc.setIn(
      ['paths', '/users/{id}/deactivate'],
      doc.createNode({
        parameters: [{ $ref: '#/components/parameters/UserId' }],
        post: {
          operationId: 'deactivateUser',
          tags: ['users'],
          summary: 'Deactivate a user',
          description: 'The user can no longer sign in; their data stays.',
          responses: {
            200: {
              description: 'The deactivated user.',
              headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } },
            },
            ...Object.fromEntries(
              Object.entries(RESPONSE_REFS).map(([s, ref]) => [s, { $ref: `#/components/responses/${ref}` }]),
            ),
          },
        },
      }),
    );
  },

  'next-breaking.yaml'(doc) {
    doc.setIn(['info', 'version'], bump(doc.getIn(['info', 'version']), 'major'));
    renameKey(mustMap(doc, ['components', 'schemas', 'User', 'properties']), 'username', 'login');
    const required = mustSeq(doc, ['components', 'schemas', 'User', 'required']);
    for (const item of required.items) if (isScalar(item) && item.value === 'username') item.value = 'login';
    // Keep the examples of User valid, or Spectral (rightly) stops the update.
    for (const name of ['User', 'CreatedUser', 'UserPage']) {
      const value = doc.getIn(['components', 'examples', name, 'value'], true);
      for (const map of isSeq(value) ? value.items : [value])
        if (isMap(map)) renameKey(map, 'username', 'login');
    }
    doc.deleteIn(['paths', '/users/{id}', 'delete']);
    mustMap(doc, ['components', 'schemas', 'NewUser', 'properties']).set(
      'role',
      doc.createNode({ type: 'string', enum: ['admin', 'member'], description: 'What the user may do.' }),
    );
    mustSeq(doc, ['components', 'schemas', 'NewUser', 'required']).add('role');
    // replaceUser shared the NewUser example; UserReplace has no role, so it gets its own.
    const newUserExample = mustMap(doc, ['components', 'examples', 'NewUser']).clone();
    mustMap(doc, ['components', 'examples']).set('UserReplace', newUserExample);
    doc.setIn(
      [
        'paths',
        '/users/{id}',
        'put',
        'requestBody',
        'content',
        'application/json',
        'examples',
        'replacement',
        '$ref',
      ],
      '#/components/examples/UserReplace',
    );
    doc.setIn(['components', 'examples', 'NewUser', 'value', 'role'], 'member');
  },

  'docs-only.yaml'(doc) {
    doc.setIn(['info', 'version'], bump(doc.getIn(['info', 'version']), 'patch'));
    doc.setIn(
      ['info', 'description'],
      `${String(doc.getIn(['info', 'description'])).trimEnd()}\n\nRevised wording; no change to the API.\n`,
    );
    doc.setIn(
      ['paths', '/users', 'get', 'description'],
      'Lists users a page at a time. The total is in `X-Total-Count`; the first, previous, next and last pages are in `Link`.',
    );
    doc.setIn(
      ['components', 'schemas', 'User', 'description'],
      'A user of the organisation, as the server stores it.',
    );
    doc.setIn(['components', 'schemas', 'User', 'properties', 'email', 'example'], 'Sincere@april.biz');
    doc.setIn(['components', 'examples', 'User', 'value', 'website'], 'hildegard.example');
  },
};

/** The fixtures for a spec's text: file name → text. */
export function buildFixtures(specText: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, edit] of Object.entries(FIXTURES)) {
    const doc = parseDocument(specText);
    edit(doc);
    // Short lists in flow style and single quotes, as spec/openapi.yaml writes them.
    visit(doc, {
      Seq: (_, seq) => {
        if (seq.items.every(isScalar) && seq.items.length <= 6) seq.flow = true;
      },
    });
    const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false, singleQuote: true });
    out[name] =
      `# generated by \`npm run spec:fixtures\` from spec/openapi.yaml — a test fixture of spec:update.\n${text}`;
  }
  return out;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const fixtures = buildFixtures(await readFile(join(root, 'spec/openapi.yaml'), 'utf8'));
  const outOfStep: string[] = [];
  for (const [name, text] of Object.entries(fixtures)) {
    const path = join(root, 'spec/fixtures', name);
    if (!check) await writeFile(path, text);
    else if ((await readFile(path, 'utf8').catch(() => '')) !== text) outOfStep.push(`spec/fixtures/${name}`);
  }
  if (outOfStep.length) {
    console.error(
      `Out of step with spec/openapi.yaml: ${outOfStep.join(', ')}. Run \`npm run spec:fixtures\`.`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      check
        ? 'spec/fixtures/ matches spec/openapi.yaml.'
        : `wrote ${Object.keys(fixtures)
            .map((n) => `spec/fixtures/${n}`)
            .join(', ')}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
