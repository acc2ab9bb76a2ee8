// Generated with the surface, checked for every operation at once: each method's result is the spec's
// success body (or a page of its items), its body parameter is the spec's request body, and it takes
// RequestOptions last. A regenerated spec that changes a type changes what these compute.
import { describe, expectTypeOf, it } from 'vitest';
import type { operations } from '../../src/http/operations.js';
import type {
  APIPromise,
  Item,
  OperationId,
  PagePromise,
  RequestBody,
  RequestOptions,
  Result,
  UserManagementClient,
} from '../../src/index.js';

type Row<Id extends OperationId> = (typeof operations)[Id];
type Resource<Id extends OperationId> = UserManagementClient[Row<Id>['sdk']['property']];
type MethodOf<Id extends OperationId> = Resource<Id>[Row<Id>['sdk']['method'] & keyof Resource<Id>];

// The identity check of expect-type: true only when A and B are the same type.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type Expected<Id extends OperationId> = Row<Id>['pagination'] extends null
  ? // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- what an empty success resolves to
    APIPromise<Result<Id> extends undefined ? void : Result<Id>>
  : PagePromise<Item<Id>>;

type ResultMatches = {
  [Id in OperationId]: MethodOf<Id> extends (...args: never[]) => infer R ? Equal<R, Expected<Id>> : false;
};

type BodyMatches = {
  [Id in OperationId]: MethodOf<Id> extends (...args: infer P) => unknown
    ? [RequestBody<Id>] extends [never]
      ? true
      : RequestBody<Id> extends P[number]
        ? true
        : false
    : false;
};

type OptionsLast = {
  [Id in OperationId]: MethodOf<Id> extends (...args: infer P) => unknown
    ? Equal<Required<P> extends [...unknown[], infer L] ? NonNullable<L> : never, RequestOptions>
    : false;
};

type AllTrue = { [Id in OperationId]: true };

describe('every generated method against the spec’s operation types', () => {
  it('resolves to the spec’s success body, or a page of its items for a paginated operation', () => {
    expectTypeOf<ResultMatches>().toEqualTypeOf<AllTrue>();
  });

  it('takes the spec’s request body', () => {
    expectTypeOf<BodyMatches>().toEqualTypeOf<AllTrue>();
  });

  it('takes RequestOptions last', () => {
    expectTypeOf<OptionsLast>().toEqualTypeOf<AllTrue>();
  });

  it('is a method of the client for every operationId (a missing one fails to compile)', () => {
    expectTypeOf<{
      [Id in OperationId]: MethodOf<Id> extends (...args: never[]) => unknown ? true : false;
    }>().toEqualTypeOf<AllTrue>();
  });
});
