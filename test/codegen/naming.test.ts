import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nameOperations,
  queryName,
  singular,
  stripTagNoun,
  tagClass,
  tagProperty,
} from '../../codegen/naming.js';
import type { SpecOperation } from '../../codegen/spec.js';

const op = (operationId: string, tag: string, extra: Record<string, string> = {}): SpecOperation => ({
  operationId,
  tag,
  method: 'get',
  path: `/${operationId}`,
  summary: undefined,
  description: undefined,
  parameters: [],
  node: { operationId, ...extra },
  item: {},
});

describe('the naming rules', () => {
  it.each([
    ['listUsers', 'users', 'list'],
    ['getUser', 'users', 'get'],
    ['createUser', 'users', 'create'],
    ['replaceUser', 'users', 'replace'],
    ['updateUser', 'users', 'update'],
    ['deleteUser', 'users', 'delete'],
    ['listGroupMemberships', 'groups', 'listMemberships'],
    ['addGroupMembership', 'groups', 'addMembership'],
    ['removeGroupMembership', 'groups', 'removeMembership'],
    ['listUserTodos', 'users', 'listTodos'],
    ['deactivateUser', 'users', 'deactivate'],
    ['getTeam', 'teams', 'get'],
    ['listPolicies', 'policies', 'list'],
    ['userSessions', 'users', 'sessions'],
    ['getUsername', 'users', 'getUsername'],
  ])('%s (tag %s) becomes %s', (operationId, tag, method) => {
    expect(stripTagNoun(operationId, tag)).toBe(method);
  });

  it('names the client property and class after the tag in camelCase', () => {
    expect(tagProperty('users')).toBe('users');
    expect(tagProperty('user-roles')).toBe('userRoles');
    expect(tagClass('user roles')).toBe('UserRoles');
    expect(singular('groups')).toBe('group');
    expect(singular('policies')).toBe('policy');
    expect(singular('addresses')).toBe('address');
  });

  it('drops a leading underscore from query parameter names', () => {
    expect(['_page', '_limit', '_sort', '_order', 'q'].map(queryName)).toEqual([
      'page',
      'limit',
      'sort',
      'order',
      'q',
    ]);
  });

  it('takes x-sdk-method over the derived name', () => {
    const names = nameOperations([op('listUsers', 'users', { 'x-sdk-method': 'search' })]);
    expect(names.get('listUsers')).toEqual({ property: 'users', className: 'Users', method: 'search' });
  });

  it('fails on a collision, naming both operations', () => {
    expect(() => nameOperations([op('getUser', 'users'), op('getUsers', 'users')])).toThrow(
      'getUser and getUsers both become client.users.get(); give one of them an x-sdk-method.',
    );
  });

  it('fails on an empty name, naming the operation', () => {
    expect(() => nameOperations([op('users', 'users')])).toThrow(
      /users \(tag users\) gives an empty method name/,
    );
  });

  it('removes the noun from <verb><Noun> for any verb, singular or plural (property)', () => {
    const verb = fc.stringMatching(/^[a-z]{2,8}$/);
    const noun = fc.constantFrom('users', 'groups', 'teams', 'policies', 'widgets');
    fc.assert(
      fc.property(verb, noun, fc.boolean(), (v, n, plural) => {
        const word = plural ? n : singular(n);
        const id = v + word.charAt(0).toUpperCase() + word.slice(1);
        expect(stripTagNoun(id, n)).toBe(v);
      }),
    );
  });
});
