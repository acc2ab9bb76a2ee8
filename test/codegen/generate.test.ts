// The generator on the real spec and on a provider's next spec with new operations and a new tag:
// methods appear under the naming rules, with the arguments in the documented order.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { render, SPEC_PATH } from '../../codegen/generate.js';
import { buildModel } from '../../codegen/model.js';
import { parseSpec, SpecError } from '../../codegen/spec.js';
import { operations } from '../../src/http/operations.js';
import { UserManagementClient } from '../../src/index.js';

const specText = await readFile(SPEC_PATH, 'utf8');
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** The real spec with an edit, written to a temp file. */
async function variant(edit: (spec: any) => void): Promise<string> {
  const spec = parse(specText);
  edit(spec);
  const dir = await mkdtemp(join(tmpdir(), 'um-codegen-'));
  dirs.push(dir);
  const path = join(dir, 'openapi.yaml');
  await writeFile(path, stringify(spec));
  return path;
}

const ok = (schema: string) => ({
  '200': {
    description: 'OK',
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
  },
});

describe('the generated surface of spec/openapi.yaml', () => {
  it('has a method on the client for every operation of the spec', () => {
    const client = new UserManagementClient({ baseUrl: 'https://api.example.com' }) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    const missing = Object.entries(operations)
      .filter(([, row]) => typeof client[row.sdk.property]?.[row.sdk.method] !== 'function')
      .map(([id]) => id);
    expect(missing).toEqual([]);
    expect(Object.keys(operations).sort()).toEqual(
      buildModel(parseSpec(specText, 'spec'))
        .resources.flatMap((r) => r.methods.map((m) => m.operationId))
        .sort(),
    );
  });

  it('names and orders the groups methods as the README says', () => {
    const rows = Object.fromEntries(
      Object.entries(operations)
        .filter(([, r]) => r.tag === 'groups')
        .map(([id, r]) => [id, `${r.sdk.property}.${r.sdk.method}`]),
    );
    expect(rows).toEqual({
      addGroupMembership: 'groups.addMembership',
      createGroup: 'groups.create',
      deleteGroup: 'groups.delete',
      getGroup: 'groups.get',
      listGroupMemberships: 'groups.listMemberships',
      listGroups: 'groups.list',
      removeGroupMembership: 'groups.removeMembership',
      updateGroup: 'groups.update',
    });
    expect(operations.listGroups.pagination).toEqual({ page: '_page', limit: '_limit' });
    expect(operations.addGroupMembership.acceptsIdempotencyKey).toBe(true);
    expect(operations.getGroup.pagination).toBeNull();
  });
});

// Rendering runs openapi-typescript and Prettier over the whole spec: seconds on a busy machine.
describe('a provider spec that adds operations and a new tag', { timeout: 60_000 }, () => {
  it('gives each new operation a method under the naming rules, path params → body → query → options', async () => {
    const path = await variant((spec) => {
      spec.tags.push({ name: 'teams', description: 'Teams of users.' });
      spec.paths['/teams/{teamId}'] = {
        get: {
          operationId: 'getTeam',
          tags: ['teams'],
          summary: 'Get one team',
          parameters: [{ name: 'teamId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: ok('Team'),
        },
      };
      spec.paths['/users/{id}/todos/{todoId}'] = {
        post: {
          operationId: 'completeUserTodo',
          tags: ['users'],
          summary: 'Complete a todo',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
            { name: 'todoId', in: 'path', required: true, schema: { type: 'integer' } },
            { name: '_notify', in: 'query', schema: { type: 'boolean' } },
            { $ref: '#/components/parameters/IdempotencyKey' },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Team' } } },
          },
          responses: ok('Team'),
        },
      };
      spec.components.schemas.Team = {
        type: 'object',
        description: 'A team.',
        required: ['id'],
        properties: { id: { type: 'string' } },
      };
    });
    const { files, model } = await render(path);
    expect(model.operations.getTeam?.sdk).toEqual({ property: 'teams', method: 'get' });
    expect(model.operations.completeUserTodo?.sdk).toEqual({ property: 'users', method: 'completeTodo' });
    expect(model.operations.completeUserTodo?.acceptsIdempotencyKey).toBe(true);
    const teams = files.get('resources/teams.ts')!;
    expect(teams).toContain('export class Teams extends Resource {');
    expect(teams).toContain('get(teamId: string, options?: RequestOptions): APIPromise<Team> {');
    // Prettier wraps the long signature: one parameter per line, in the documented order.
    expect(files.get('resources/users.ts')).toContain(
      [
        '  completeTodo(',
        '    id: number,',
        '    todoId: number,',
        '    body: Team,',
        '    params?: CompleteUserTodoParams,',
        '    options?: RequestOptions,',
        '  ): APIPromise<Team> {',
      ].join('\n'),
    );
    expect(files.get('models.ts')).toContain('notify?: boolean | undefined;');
    expect(files.get('client.ts')).toContain('readonly teams: Teams;');
    expect(files.get('index.ts')).toContain("export { Teams } from './resources/teams.js';");
  });

  it('gives each new operation its standalone function, with the same signature after the core', async () => {
    const path = await variant((spec) => {
      spec.tags.push({ name: 'teams', description: 'Teams of users.' });
      spec.paths['/teams/{teamId}'] = {
        get: {
          operationId: 'getTeam',
          tags: ['teams'],
          summary: 'Get one team',
          parameters: [{ name: 'teamId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: ok('User'),
        },
      };
    });
    const { files } = await render(path);
    const func = files.get('funcs/teamsGet.ts')!;
    // Prettier wraps the long signature: one parameter per line, the core first.
    expect(func).toContain(
      [
        'export function teamsGet(',
        '  core: UserManagementCore,',
        '  teamId: string,',
        '  options?: RequestOptions,',
        '): APIPromise<User> {',
      ].join('\n'),
    );
    expect(func).toContain(
      "callOperation(core, 'getTeam', getTeamOperation, { path: { teamId } }, options);",
    );
    expect(files.get('funcs/index.ts')).toContain("export { teamsGet } from './teamsGet.js';");
    expect(files.get('operations.ts')).toContain('export const getTeamOperation = {');
  });

  it('fails generation when two operations would get the same function name, naming both', async () => {
    const path = await variant((spec) => {
      // client.users.getAll() and client.usersGet.all() are different methods but both usersGetAll().
      spec.tags.push({ name: 'usersGet', description: 'A tag whose name runs into a method name.' });
      spec.paths['/users-all'] = {
        get: {
          ...spec.paths['/users/{id}'].get,
          operationId: 'allUsers',
          'x-sdk-method': 'getAll',
          parameters: [],
        },
      };
      spec.paths['/users-get-all'] = {
        get: {
          ...spec.paths['/users/{id}'].get,
          operationId: 'allUsersGet',
          tags: ['usersGet'],
          'x-sdk-method': 'all',
          parameters: [],
        },
      };
    });
    await expect(render(path)).rejects.toThrow(
      new SpecError(
        'allUsers and allUsersGet both become the function usersGetAll(); give one of them an x-sdk-method.',
      ),
    );
  });

  it('fails generation on a collision, naming both operations', async () => {
    const path = await variant((spec) => {
      spec.paths['/users/{id}/other'] = {
        get: { ...spec.paths['/users/{id}'].get, operationId: 'getUsers' },
      };
    });
    await expect(render(path)).rejects.toThrow(
      new SpecError('getUser and getUsers both become client.users.get(); give one of them an x-sdk-method.'),
    );
  });
});
