// The classifier as a pure function on two parsed specs: our TypeScript-level rules one by one, the merge
// with openapi-diff, and the bump. Most cases inject a diffSpecs that finds nothing, to isolate our rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeChange, renderChangeset } from '../../codegen/compare/changelog.js';
import { bumpFor, classifySpecs, type DiffSpecs } from '../../codegen/compare/classify.js';
import { compareSpecs, type Change } from '../../codegen/compare/compare.js';
import { parseSpec, SpecError } from '../../codegen/spec.js';

/** The tests edit parsed documents freely; the comparison takes them as the reader's OpenApiDocument. */
type OpenApiDocument = Record<string, any> & { openapi: string };
import { buildFixtures } from '../../codegen/spec-fixtures.js';

const read = (path: string): OpenApiDocument =>
  parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const base = read('spec/openapi.yaml');
const schemas = (spec: OpenApiDocument) => spec.components.schemas;

/** The current spec with one edit. */
function edited(edit: (spec: OpenApiDocument) => void): OpenApiDocument {
  const next = structuredClone(base);
  edit(next);
  return next;
}

const noDiff: DiffSpecs = async () => ({
  breakingDifferences: [],
  nonBreakingDifferences: [],
  unclassifiedDifferences: [],
});
const brief = (changes: readonly Change[]) => changes.map((c) => `${c.severity}: ${describeChange(c)}`);

describe('compareSpecs (our TypeScript-level rules)', () => {
  it('finds nothing between a spec and itself', () => {
    expect(compareSpecs(base, structuredClone(base))).toEqual([]);
  });

  it('calls a response field becoming optional breaking, in every operation that returns it', () => {
    const changes = compareSpecs(
      base,
      edited((s) => (schemas(s).User.required = ['id', 'name', 'username'])),
    );
    expect(changes).toEqual([
      {
        severity: 'breaking',
        area: 'response',
        subject: 'User.email',
        message: '`User.email` may now be missing (became optional)',
        operations: ['createUser', 'getUser', 'listUsers', 'replaceUser', 'updateUser'],
      },
    ]);
  });

  it('calls a new enum value breaking in a response, but an addition in a request parameter', () => {
    const withStatus = edited(
      (s) => (schemas(s).User.properties.status = { type: 'string', enum: ['active', 'suspended'] }),
    );
    const next = structuredClone(withStatus);
    schemas(next).User.properties.status.enum.push('deleted');
    next.paths['/users'].get.parameters[2].schema.enum.push('phone');
    expect(brief(compareSpecs(withStatus, next))).toEqual([
      "addition: Query parameter `_sort` has new enum value(s) 'phone' — requests of `listUsers`",
      "breaking: `User.status` has new enum value(s) 'deleted' — responses of `createUser`, `getUser`, `listUsers`, `replaceUser`, `updateUser`",
    ]);
  });

  it('calls a field type change breaking in both directions', () => {
    const changes = compareSpecs(
      base,
      edited((s) => {
        schemas(s).User.properties.phone = { type: 'integer' };
        schemas(s).NewUser.properties.phone = { type: 'integer' };
      }),
    );
    expect(brief(changes)).toEqual([
      'breaking: `User.phone` changed type from string to integer — responses of `createUser`, `getUser`, `listUsers`, `replaceUser`, `updateUser`',
      'breaking: `NewUser.phone` changed type from string to integer — requests of `createUser`',
    ]);
  });

  it('calls a removed operation and a renamed operationId breaking', () => {
    const changes = compareSpecs(
      base,
      edited((s) => {
        delete s.paths['/users/{id}'].delete;
        s.paths['/users/{id}'].get.operationId = 'fetchUser';
      }),
    );
    expect(brief(changes)).toEqual([
      'breaking: Operation `deleteUser` (DELETE /users/{id}) was removed',
      'breaking: Operation `getUser` (GET /users/{id}) was renamed to `fetchUser`',
    ]);
  });

  it('calls a new required request field breaking and a new optional one an addition', () => {
    const changes = compareSpecs(
      base,
      edited((s) => {
        schemas(s).NewUser.properties.role = { type: 'string' };
        schemas(s).NewUser.required.push('role');
        schemas(s).UserPatch.properties.nickname = { type: 'string' };
      }),
    );
    expect(brief(changes)).toEqual([
      'breaking: `NewUser.role` is a new required field — requests of `createUser`',
      'addition: `UserPatch.nickname` was added (optional) — requests of `updateUser`',
    ]);
  });

  it('calls a removed optional response field breaking, though every message stays valid (openapi-diff sees nothing)', () => {
    expect(
      brief(
        compareSpecs(
          base,
          edited((s) => delete schemas(s).User.properties.website),
        ),
      ),
    ).toEqual([
      'breaking: `User.website` was removed — responses of `createUser`, `getUser`, `listUsers`, `replaceUser`, `updateUser`',
    ]);
  });

  it('reports a field that disappears while a twin appears as a rename', () => {
    const changes = compareSpecs(
      base,
      edited((s) => {
        const { username, ...rest } = schemas(s).User.properties;
        schemas(s).User.properties = { ...rest, login: username };
        schemas(s).User.required = ['id', 'name', 'login', 'email'];
      }),
    );
    expect(changes.map((c) => c.message)).toEqual(['`User.username` was renamed to `login`']);
  });

  it('treats parameters by direction: new required → breaking, new optional → addition, removed → breaking', () => {
    const changes = compareSpecs(
      base,
      edited((s) => {
        const params = s.paths['/users'].get.parameters;
        params.push({ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } });
        params.push({ name: 'city', in: 'query', schema: { type: 'string' } });
        s.paths['/users'].get.parameters = params.filter((p: { name: string }) => p.name !== 'email');
      }),
    );
    expect(brief(changes)).toEqual([
      'breaking: Query parameter `email` was removed — requests of `listUsers`',
      'breaking: Query parameter `tenant` is new and required — requests of `listUsers`',
      'addition: Query parameter `city` was added (optional) — requests of `listUsers`',
    ]);
  });

  it('calls a tighter request rule breaking and a looser one a change', () => {
    const changes = compareSpecs(
      base,
      edited((s) => {
        s.paths['/users'].get.parameters[1].schema.maximum = 50;
        schemas(s).NewUser.properties.name.maxLength = 80;
        schemas(s).User.properties.name.minLength = 0;
      }),
    );
    expect(brief(changes)).toEqual([
      'breaking: Query parameter `_limit` maximum changed from 100 to 50 — requests of `listUsers`',
      'change: `User.name` minLength changed from 1 to 0 — responses of `createUser`, `getUser`, `listUsers`, `replaceUser`, `updateUser`',
      'breaking: `NewUser.name` gained maxLength 80 — requests of `createUser`',
    ]);
  });

  it('calls a response field that may now be null breaking', () => {
    expect(
      compareSpecs(
        base,
        edited((s) => (schemas(s).User.properties.phone.nullable = true)),
      )[0],
    ).toMatchObject({
      severity: 'breaking',
      message: '`User.phone` may now be null',
    });
  });

  it('compares a recursive schema without looping', () => {
    const recursive = edited(
      (s) => (schemas(s).User.properties.manager = { $ref: '#/components/schemas/User' }),
    );
    const next = structuredClone(recursive);
    schemas(next).User.properties.phone.type = 'integer';
    expect(compareSpecs(recursive, next).map((c) => c.message)).toEqual([
      '`User.phone` changed type from string to integer',
    ]);
  });

  it('keeps a field named like a documentation keyword, and sees nothing structural in a docs-only fixture', () => {
    const withDescription = edited((s) => (schemas(s).User.properties.description = { type: 'string' }));
    expect(brief(compareSpecs(withDescription, base))[0]).toMatch(
      /^breaking: `User.description` was removed/,
    );
    expect(compareSpecs(base, read('spec/fixtures/docs-only.yaml'))).toEqual([]);
  });
});

describe('classifySpecs', () => {
  it('bumps major for breaking, minor for additions or changes, patch for docs, nothing for no change', () => {
    const c = (severity: Change['severity']): Change => ({
      severity,
      area: 'spec',
      subject: 's',
      message: 'm',
      operations: [],
    });
    expect(bumpFor([c('docs'), c('addition'), c('breaking')])).toBe('major');
    expect(bumpFor([c('docs'), c('change')])).toBe('minor');
    expect(bumpFor([c('docs')])).toBe('patch');
    expect(bumpFor([])).toBeNull();
  });

  it('classifies a docs-only change as patch and names what was reworded', async () => {
    const result = await classifySpecs(base, read('spec/fixtures/docs-only.yaml'), { diffSpecs: noDiff });
    expect(result.bump).toBe('patch');
    expect(result.docs.map((c) => c.message)).toEqual([
      'API info: description changed',
      '`listUsers` (GET /users): description changed',
      '`User`: description changed',
      '`User.email`: example changed',
      'shared example `User` changed',
    ]);
  });

  it('classifies a version-only change as patch', async () => {
    const result = await classifySpecs(
      base,
      edited((s) => (s.info.version = '1.0.1')),
      { diffSpecs: noDiff },
    );
    expect(result).toMatchObject({ bump: 'patch', docs: [{ message: 'API info: version changed' }] });
  });

  it("adds openapi-diff's findings where our rules name nothing, and drops them where they do", async () => {
    const next = edited((s) => {
      schemas(s).NewUser.properties.name.pattern = '^[A-Z]';
      delete schemas(s).User.properties.website;
    });
    const diffSpecs: DiffSpecs = async () => ({
      breakingDifferences: [
        {
          type: 'breaking',
          code: 'request.body.scope.remove',
          action: 'remove',
          destinationSpecEntityDetails: [
            { location: 'paths./users.post.requestBody.content.application/json.schema' },
          ],
        },
        {
          type: 'breaking',
          code: 'response.body.scope.add',
          action: 'add',
          destinationSpecEntityDetails: [
            { location: 'paths./users/{id}.get.responses.200.content.application/json.schema' },
          ],
        },
      ],
      nonBreakingDifferences: [],
      unclassifiedDifferences: [],
    });
    const result = await classifySpecs(base, next, { diffSpecs });
    // The pattern is ours too (a tighter request rule), so openapi-diff's request finding is named; the
    // response one is named by the removed field. Nothing from openapi-diff is left over.
    expect(result.breaking.map((c) => c.message)).toEqual([
      '`User.website` was removed',
      "`NewUser.name` gained pattern '^[A-Z]'",
    ]);
    const unnamed = await classifySpecs(base, base, { diffSpecs });
    expect(unnamed.breaking.map(describeChange)).toEqual([
      'The request body accepts fewer values than before (openapi-diff: request.body.scope.remove at paths./users.post.requestBody.content.application/json.schema) — requests of `createUser`',
      'The response body may hold values it could not before (openapi-diff: response.body.scope.add at paths./users/{id}.get.responses.200.content.application/json.schema) — responses of `getUser`',
    ]);
    expect(unnamed.bump).toBe('major');
  });

  it('classifies the breaking fixture with the real openapi-diff: three breaking changes, major', async () => {
    const result = await classifySpecs(base, read('spec/fixtures/next-breaking.yaml'));
    expect(result.bump).toBe('major');
    expect(result.breaking.map((c) => c.message)).toEqual([
      'operation `deleteUser` (DELETE /users/{id}) was removed',
      '`User.username` was renamed to `login`',
      '`NewUser.role` is a new required field',
    ]);
    expect(result.additions).toEqual([]);
    const changeset = renderChangeset(result, 'user-management-sdk');
    expect(changeset).toMatch(
      /^---\n"user-management-sdk": major\n---\n\nFollow the provider's User Management API spec 2\.0\.0 \(was 1\.0\.0\)/,
    );
  });
});

describe('spec/fixtures', () => {
  it('are the current spec plus their one change (else run `npm run spec:fixtures`)', () => {
    const specText = readFileSync(new URL('../../spec/openapi.yaml', import.meta.url), 'utf8');
    for (const [name, text] of Object.entries(buildFixtures(specText))) {
      expect(readFileSync(new URL(`../../spec/fixtures/${name}`, import.meta.url), 'utf8'), name).toBe(text);
    }
  });
});

describe('parseSpec', () => {
  it.each([
    [
      'spec/fixtures/swagger2.yaml',
      /is Swagger 2\.0 \(OpenAPI 2\), but this SDK is generated from OpenAPI 3\.0\.x/,
    ],
    [
      'spec/fixtures/openapi31.yaml',
      /is OpenAPI 3\.1\.0, but this SDK's toolchain .* expects OpenAPI 3\.0\.x/,
    ],
  ])('refuses %s with a SpecError that says what to do', (path, message) => {
    const text = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    expect(() => parseSpec(text, path)).toThrow(SpecError);
    expect(() => parseSpec(text, path)).toThrow(message);
  });

  it('refuses text that is not YAML, a document without a version, and one that refers to other files', () => {
    expect(() => parseSpec('a: [', 'x.yaml')).toThrow(/neither valid YAML nor JSON/);
    expect(() => parseSpec('info: {}', 'x.yaml')).toThrow(/no `openapi: 3\.0\.x` field/);
    expect(() => parseSpec("openapi: 3.0.3\npaths:\n  /a:\n    $ref: 'paths.yaml#/a'\n", 'x.yaml')).toThrow(
      /refers to other files \(paths\.yaml#\/a\); bundle it/,
    );
  });
});
