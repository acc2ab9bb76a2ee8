// The cache plans of user-management-sdk/tanstack-query are derived from the spec, not configured: on the
// real spec, and on a provider's next spec with a new tag whose nested records point at users.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { SPEC_PATH } from '../../codegen/generate.js';
import { buildModel } from '../../codegen/model.js';
import { buildQueryModel, collectionOf } from '../../codegen/queries-model.js';
import { renderQueries } from '../../codegen/queries-render.js';
import { parseSpec } from '../../codegen/spec.js';

const specText = await readFile(SPEC_PATH, 'utf8');

function plansOf(text: string) {
  const doc = parseSpec(text, 'spec');
  const model = buildModel(doc);
  const ops = buildQueryModel(doc, model);
  return {
    model,
    ops,
    kind: (id: string) => ops.find((q) => q.method.operationId === id)?.kind,
    plan: (id: string) => ops.find((q) => q.method.operationId === id)?.plan,
  };
}

describe('the cache plans of the real spec', () => {
  const { kind, plan } = plansOf(specText);

  it('makes reads queries, paginated reads infinite queries and writes mutations', () => {
    expect(kind('getUser')).toBe('query');
    expect(kind('listUsers')).toBe('infinite');
    expect(kind('listGroupMemberships')).toBe('infinite');
    for (const id of ['createUser', 'replaceUser', 'updateUser', 'deleteUser', 'addGroupMembership'])
      expect(kind(id)).toBe('mutation');
  });

  it('update sets the read from the response, patches and invalidates the lists of its tag', () => {
    expect(plan('updateUser')).toEqual({
      item: { key: ['users', 'getUser'], params: [['id', 'id']], action: 'set', from: 'path' },
      lists: [{ key: ['users', 'listUsers'], params: [] }],
      patch: [['users', 'listUsers']],
      fromResponse: true,
      refs: [],
    });
  });

  it('create caches the new record under the id the response carries; delete removes the read', () => {
    expect(plan('createUser')?.item).toEqual({
      key: ['users', 'getUser'],
      params: [['id', 'id']],
      action: 'set',
      from: 'record',
    });
    expect(plan('deleteGroup')?.item).toMatchObject({ action: 'remove', from: 'path' });
  });

  it("memberships invalidate their group's memberships (scoped by groupId), the group and the user", () => {
    const add = plan('addGroupMembership');
    expect(add?.lists).toContainEqual({
      key: ['groups', 'listGroupMemberships'],
      params: [['id', 'groupId']],
    });
    expect(add?.refs).toEqual([
      { key: ['groups', 'getGroup'], params: [['id', 'groupId']] },
      { key: ['users', 'getUser'], params: [['id', 'userId']] },
    ]);
    // A removal's response is empty: the membership is looked up in the cached lists by its id.
    expect(plan('removeGroupMembership')?.lookup).toEqual({
      queries: [['groups', 'listGroupMemberships']],
      param: 'id',
      field: 'id',
    });
  });

  it("a delete invalidates the lists of the records that point at it (json-server removes them): a user's memberships", () => {
    expect(plan('deleteUser')?.lists).toEqual([
      { key: ['users', 'listUsers'], params: [] },
      { key: ['groups', 'listGroupMemberships'], params: [] },
    ]);
    // Memberships point at groups too, and are already among the group's tag's lists: listed once.
    expect(plan('deleteGroup')?.lists).toEqual([
      { key: ['groups', 'listGroups'], params: [] },
      { key: ['groups', 'listGroupMemberships'], params: [] },
    ]);
    // A write that is not a delete leaves the records pointing at it as they are.
    expect(plan('updateUser')?.lists).toEqual([{ key: ['users', 'listUsers'], params: [] }]);
  });

  it('names a path’s collection by its last literal segment', () => {
    expect(collectionOf('/groups/{id}/memberships')).toBe('memberships');
    expect(collectionOf('/memberships/{id}')).toBe('memberships');
    expect(collectionOf('/users')).toBe('users');
  });
});

describe('a provider’s next spec: a new tag of nested records that point at users', () => {
  const spec = parse(specText);
  const ok = (schema: object, headers?: object) => ({
    '200': {
      description: 'OK',
      ...(headers ? { headers } : {}),
      content: { 'application/json': { schema } },
    },
  });
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  spec.components.schemas.Project = {
    type: 'object',
    required: ['id', 'name'],
    properties: { id: { type: 'integer' }, name: { type: 'string' } },
  };
  spec.components.schemas.Task = {
    type: 'object',
    required: ['id', 'projectId', 'userId', 'title'],
    properties: {
      id: { type: 'integer' },
      projectId: { type: 'integer' },
      userId: { type: 'integer' },
      title: { type: 'string' },
    },
  };
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
  spec.paths['/projects/{id}'] = {
    parameters: [id],
    get: { operationId: 'getProject', tags: ['projects'], responses: ok(ref('Project')) },
  };
  spec.paths['/projects/{id}/tasks'] = {
    parameters: [id],
    get: {
      operationId: 'listProjectTasks',
      tags: ['projects'],
      parameters: [
        { name: '_page', in: 'query', schema: { type: 'integer' } },
        { name: '_limit', in: 'query', schema: { type: 'integer' } },
      ],
      responses: ok(
        { type: 'array', items: ref('Task') },
        { 'X-Total-Count': { schema: { type: 'integer' } } },
      ),
    },
    post: {
      operationId: 'addProjectTask',
      tags: ['projects'],
      parameters: [{ name: 'notify', in: 'query', schema: { type: 'boolean' } }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { title: { type: 'string' }, userId: { type: 'integer' } },
            },
          },
        },
      },
      responses: { '201': ok(ref('Task'))['200'] },
    },
  };
  spec.paths['/tasks/{id}'] = {
    parameters: [id],
    delete: { operationId: 'deleteTask', tags: ['projects'], responses: { '204': { description: 'Gone' } } },
  };
  const { model, ops, kind, plan } = plansOf(stringify(spec));

  it('binds the new operations with no hand-written line', () => {
    expect(kind('listProjectTasks')).toBe('infinite');
    expect(kind('addProjectTask')).toBe('mutation');
    const text = renderQueries('', model, ops);
    expect(text).toContain('export interface ProjectsQueries');
    expect(text).toContain('readonly projects: ProjectsQueries;');
    expect(text).toContain('export interface AddProjectTaskVariables');
    // Variables: the path parameters by name, `body`, and `query` for a write with query parameters.
    const variables = /export interface AddProjectTaskVariables \{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
    expect(variables.match(/readonly \w+\??:/g)).toEqual([
      'readonly id:',
      'readonly body:',
      'readonly query?:',
    ]);
    expect(text).toMatch(
      /\(v: AddProjectTaskVariables\) => client\.projects\.\w+\(v\.id, v\.body, v\.query\)/,
    );
  });

  it("derives the plan: the project's tasks (scoped), the project and the task's user", () => {
    expect(plan('addProjectTask')).toEqual({
      lists: [{ key: ['projects', 'listProjectTasks'], params: [['id', 'projectId']] }],
      patch: [],
      fromResponse: true,
      refs: [
        { key: ['projects', 'getProject'], params: [['id', 'projectId']] },
        { key: ['users', 'getUser'], params: [['id', 'userId']] },
      ],
    });
    // Tasks point at users: deleting a user now refreshes every project's tasks as well.
    expect(plan('deleteUser')?.lists).toContainEqual({ key: ['projects', 'listProjectTasks'], params: [] });
    expect(plan('deleteTask')).toMatchObject({
      fromResponse: false,
      lookup: { queries: [['projects', 'listProjectTasks']], param: 'id', field: 'id' },
    });
  });
});
