import { describe, expectTypeOf, it } from 'vitest';
import {
  UserManagementClient,
  type APIPromise,
  type PagePromise,
  type ListUsersParams,
  type NewUser,
  type RequestOptions,
  type User,
  type UserPage,
  type UserPatch,
  type UserReplace,
  type Users,
} from '../../src/index.js';

const client = new UserManagementClient({ baseUrl: 'https://api.example.com' });

describe('the users facade types', () => {
  it('get takes a numeric id and resolves to a User', () => {
    expectTypeOf<Users['get']>().parameter(0).toEqualTypeOf<number>();
    expectTypeOf<Users['get']>().returns.toEqualTypeOf<APIPromise<User>>();
    expectTypeOf<Users['get']>().returns.resolves.toEqualTypeOf<User>();
  });

  it('list takes ListUsersParams and resolves to a UserPage', () => {
    expectTypeOf<Users['list']>().parameter(0).toEqualTypeOf<ListUsersParams | undefined>();
    expectTypeOf<Users['list']>().returns.toEqualTypeOf<PagePromise<User>>();
    expectTypeOf<Users['list']>().returns.resolves.toEqualTypeOf<UserPage>();
    expectTypeOf<Users['list']>().returns.toExtend<AsyncIterable<User>>();
    expectTypeOf<UserPage['data']>().toEqualTypeOf<User[]>();
    expectTypeOf<UserPage['total']>().toEqualTypeOf<number | undefined>();
  });

  it('create takes a NewUser and resolves to a User', () => {
    expectTypeOf<Users['create']>().parameter(0).toEqualTypeOf<NewUser>();
    expectTypeOf<Users['create']>().returns.toEqualTypeOf<APIPromise<User>>();
  });

  it('update takes a UserPatch, replace a UserReplace, both resolving to a User', () => {
    expectTypeOf<Users['update']>().parameter(1).toEqualTypeOf<UserPatch>();
    expectTypeOf<Users['update']>().returns.toEqualTypeOf<APIPromise<User>>();
    expectTypeOf<Users['replace']>().parameter(1).toEqualTypeOf<UserReplace>();
    expectTypeOf<Users['replace']>().returns.toEqualTypeOf<APIPromise<User>>();
  });

  it('delete resolves to void', () => {
    expectTypeOf<Users['delete']>().returns.toEqualTypeOf<APIPromise<void>>();
    expectTypeOf<Users['delete']>().returns.resolves.toBeVoid();
  });

  it('listAll yields Users', () => {
    expectTypeOf(client.users.listAll()).toEqualTypeOf<AsyncGenerator<User, void, undefined>>();
    expectTypeOf<AsyncGenerator<User, void, undefined>>().toExtend<AsyncIterable<User>>();
  });

  it('every method takes RequestOptions last', () => {
    expectTypeOf<Users['get']>().parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf<Users['create']>().parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf<Users['delete']>().parameter(1).toEqualTypeOf<RequestOptions | undefined>();
  });

  it('types User fields from the spec', () => {
    expectTypeOf<User['id']>().toEqualTypeOf<number>();
    expectTypeOf<User['email']>().toEqualTypeOf<string>();
    expectTypeOf<NewUser>().not.toHaveProperty('id');
  });

  it('rejects fields and values the spec does not have', () => {
    // @ts-expect-error -- `nope` is not a field of NewUser
    void client.users.create({ name: 'a', username: 'b', email: 'c', nope: 1 });
    // @ts-expect-error -- NewUser requires email
    void client.users.create({ name: 'a', username: 'b' });
    // @ts-expect-error -- notAField is not a UserSortField
    void client.users.list({ sort: 'notAField' });
    // @ts-expect-error -- order is asc or desc
    void client.users.list({ order: 'up' });
    // @ts-expect-error -- ids are numbers
    void client.users.get('1');
  });

  it('types client.raw by the spec paths', async () => {
    const { data } = await client.raw.GET('/users/{id}', { params: { path: { id: 1 } } });
    expectTypeOf(data).toEqualTypeOf<User | undefined>();
    // @ts-expect-error -- not a path of the spec
    void client.raw.GET('/accounts');
  });

  it('accepts possibly-undefined values for optional options under exactOptionalPropertyTypes', () => {
    const fromEnv: string | undefined = undefined;
    const options: {
      baseUrl: string;
      apiKey: string | undefined;
      timeoutMs: undefined;
      circuitBreaker: undefined;
    } = {
      baseUrl: 'https://api.example.com',
      apiKey: fromEnv,
      timeoutMs: undefined,
      circuitBreaker: undefined,
    };
    expectTypeOf(options).toExtend<ConstructorParameters<typeof UserManagementClient>[0]>();
    void client.users.list({ page: undefined, q: fromEnv }, { signal: undefined, idempotencyKey: fromEnv });
  });
});
