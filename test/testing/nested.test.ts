// The mock is driven by the spec, not by a list of operations: a spec with a second tag and a nested
// collection (groups and their memberships, keyed by userId) is mocked with no code of its own, the
// nested records carrying the enclosing group's id as json-server's foreign key.
import { describe, expect, it } from 'vitest';
import { deriveSpecModel } from '../../codegen/spec-model.js';
import { parseSpec } from '../../codegen/spec.js';
import { routeOf, type SpecModel } from '../../src/testing/model.js';
import { mockFromSpec } from '../../src/testing/mock.js';

const SPEC = parseSpec(
  `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users/{id}:
    get:
      operationId: getUser
      parameters: [{ name: id, in: path, required: true, schema: { type: integer, minimum: 1 } }]
      responses:
        '200':
          description: ok
          content: { application/json: { schema: { $ref: '#/components/schemas/User' }, example: { id: 7, name: Grace } } }
        '404': { description: missing }
  /groups:
    get:
      operationId: listGroups
      parameters: [{ name: _page, in: query, schema: { type: integer, minimum: 1 } }, { name: _limit, in: query, schema: { type: integer } }]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Group' } }
              examples: { two: { value: [{ id: 1, name: admins, description: Full access }, { id: 2, name: readers }] } }
    post:
      operationId: createGroup
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/NewGroup' } } }
      responses:
        '201': { description: created, content: { application/json: { schema: { $ref: '#/components/schemas/Group' } } } }
        '422': { description: invalid }
  /groups/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    delete:
      operationId: deleteGroup
      responses: { '204': { description: gone }, '404': { description: missing } }
    post:
      operationId: touchGroup
      responses:
        '202': { description: queued, content: { application/json: { example: { queued: true } } } }
  /groups/{id}/memberships:
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    get:
      operationId: listMemberships
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Membership' } }
              example: [{ groupId: 1, userId: 7, role: owner }]
        '404': { description: missing }
    post:
      operationId: addMembership
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/NewMembership' } } }
      responses:
        '201': { description: added, content: { application/json: { schema: { $ref: '#/components/schemas/Membership' } } } }
        '404': { description: missing }
        '422': { description: invalid }
  /groups/{id}/memberships/{userId}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: integer } }
      - { name: userId, in: path, required: true, schema: { type: integer } }
    delete:
      operationId: removeMembership
      responses: { '204': { description: removed }, '404': { description: missing } }
components:
  schemas:
    User: { type: object, properties: { id: { type: integer }, name: { type: string } } }
    Group:
      type: object
      required: [id, name]
      properties: { id: { type: integer }, name: { type: string }, description: { type: string, description: prose } }
    NewGroup:
      type: object
      required: [name]
      additionalProperties: false
      properties: { name: { type: string, minLength: 1 }, description: { type: string } }
    Membership:
      type: object
      properties: { groupId: { type: integer }, userId: { type: integer }, role: { type: string } }
    NewMembership:
      type: object
      required: [userId]
      additionalProperties: false
      properties: { userId: { type: integer }, role: { type: string, enum: [owner, member] } }
`,
  'a synthetic spec',
);

const model = deriveSpecModel(SPEC) as unknown as SpecModel;

describe('a spec with nested collections, mocked with no code of its own', () => {
  it('derives each route from method and path: nested lists filter by the foreign key', () => {
    expect(routeOf('listMemberships', model.operations.listMemberships!, model)).toMatchObject({
      action: 'list',
      collection: 'memberships',
      parents: [{ param: 'id', field: 'groupId', collection: 'groups' }],
    });
    expect(routeOf('removeMembership', model.operations.removeMembership!, model)).toMatchObject({
      action: 'remove',
      collection: 'memberships',
      key: { param: 'userId', field: 'userId' },
    });
    expect(routeOf('getUser', model.operations.getUser!, model)).toMatchObject({
      action: 'read',
      key: { field: 'id' },
    });
  });

  it('keeps a property named `description` while dropping the prose of the same name', () => {
    expect(model.schemas.Group).toEqual({
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'integer' }, name: { type: 'string' }, description: { type: 'string' } },
    });
  });

  it('creates, lists and removes memberships of a group, and 404s for a group that does not exist', async () => {
    const mock = mockFromSpec(model);
    const url = (path: string) => `${mock.baseUrl}${path}`;
    const post = (path: string, body: unknown) =>
      mock.fetch(url(path), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });

    expect(await (await mock.fetch(url('/groups/1/memberships'))).json()).toEqual([
      { groupId: 1, userId: 7, role: 'owner' },
    ]);
    const added = await post('/groups/2/memberships', { userId: 7, role: 'member' });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ groupId: 2, userId: 7, role: 'member' });
    expect(await (await mock.fetch(url('/groups/2/memberships'))).json()).toEqual([
      { groupId: 2, userId: 7, role: 'member' },
    ]);

    const invalid = await post('/groups/2/memberships', { userId: 'seven', role: 'boss' });
    expect(invalid.status).toBe(422);
    expect(
      ((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort(),
    ).toEqual(['role', 'userId']);

    expect((await post('/groups/9/memberships', { userId: 7 })).status).toBe(404);
    const missing = await mock.fetch(url('/groups/9/memberships'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ detail: 'Group 9 does not exist.' });

    const removed = await mock.fetch(url('/groups/2/memberships/7'), { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await (await mock.fetch(url('/groups/2/memberships'))).json()).toEqual([]);
    expect((await mock.fetch(url('/groups/2/memberships/7'), { method: 'DELETE' })).status).toBe(404);
    // Group 1's membership of user 7 was not touched.
    expect(await (await mock.fetch(url('/groups/1/memberships'))).json()).toHaveLength(1);
  });

  it('deletes a group’s memberships with the group, as json-server removes dependents', async () => {
    const mock = mockFromSpec(model);
    expect((await mock.fetch(`${mock.baseUrl}/groups/1`, { method: 'DELETE' })).status).toBe(204);
    expect((await mock.fetch(`${mock.baseUrl}/groups/1/memberships`)).status).toBe(404);
    const groups = mockFromSpec(model, {
      data: { groups: [{ id: 1, name: 'a' }], memberships: [{ groupId: 1, userId: 7 }] },
    });
    await groups.fetch(`${groups.baseUrl}/groups/1`, { method: 'DELETE' });
    const res = await groups.fetch(`${groups.baseUrl}/groups`);
    expect(await res.json()).toEqual([]);
  });

  it('answers an operation no json-server action fits with the spec’s example', async () => {
    const mock = mockFromSpec(model);
    const res = await mock.fetch(`${mock.baseUrl}/groups/1`, { method: 'POST' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ queued: true });
  });

  it('assigns ids to new groups (their schema has one) and validates them', async () => {
    const mock = mockFromSpec(model);
    const create = (body: unknown) =>
      mock.fetch(`${mock.baseUrl}/groups`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(await (await create({ name: 'writers' })).json()).toEqual({ name: 'writers', id: 3 });
    expect((await create({ name: '' })).status).toBe(422);
  });
});
