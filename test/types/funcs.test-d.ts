// The standalone functions have the signatures of the client's methods, with the core in front.
import { describe, expectTypeOf, it } from 'vitest';
import { UserManagementCore } from '../../src/core/index.js';
import {
  groupsAddMembership,
  usersCreate,
  usersDelete,
  usersGet,
  usersList,
  usersUpdate,
} from '../../src/funcs/index.js';
import {
  UserManagementClient,
  type APIPromise,
  type Groups,
  type PagePromise,
  type User,
  type UserPage,
  type Users,
} from '../../src/index.js';

type Tail<F> = F extends (first: never, ...rest: infer R) => unknown ? R : never;

describe('standalone function types', () => {
  it('take the core first, then exactly the method parameters, and return the same type', () => {
    expectTypeOf(usersGet).parameter(0).toEqualTypeOf<UserManagementCore>();
    expectTypeOf<Tail<typeof usersGet>>().toEqualTypeOf<Parameters<Users['get']>>();
    expectTypeOf(usersGet).returns.toEqualTypeOf<ReturnType<Users['get']>>();
    expectTypeOf(usersGet).returns.toEqualTypeOf<APIPromise<User>>();
    expectTypeOf<Tail<typeof usersCreate>>().toEqualTypeOf<Parameters<Users['create']>>();
    expectTypeOf<Tail<typeof usersUpdate>>().toEqualTypeOf<Parameters<Users['update']>>();
    expectTypeOf(usersDelete).returns.toEqualTypeOf<APIPromise<void>>();
    expectTypeOf<Tail<typeof groupsAddMembership>>().toEqualTypeOf<Parameters<Groups['addMembership']>>();
  });

  it('paginated functions return a PagePromise: a page when awaited, items when iterated', () => {
    expectTypeOf(usersList).returns.toEqualTypeOf<PagePromise<User>>();
    expectTypeOf(usersList).returns.resolves.toEqualTypeOf<UserPage>();
    expectTypeOf(usersList).returns.toExtend<AsyncIterable<User>>();
  });

  it('accept a UserManagementClient as the core, and nothing that is not one', () => {
    expectTypeOf<UserManagementClient>().toExtend<UserManagementCore>();
    expectTypeOf<UserManagementCore>().not.toExtend<UserManagementClient>();
    expectTypeOf<{ baseUrl: string }>().not.toExtend<UserManagementCore>();
    const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
    // @ts-expect-error an id is a number
    void usersGet(core, '1');
    // @ts-expect-error the core comes first
    void usersGet(1, core);
  });
});
