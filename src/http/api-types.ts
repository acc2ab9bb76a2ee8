// The one door to the generated schema types: hand-written code imports them from here (lint enforces it),
// and only the generated files themselves touch src/generated/ otherwise. The models (User, Group, …)
// are generated as named interfaces so the API docs show each as a documented type.
import type { operations as operationTypes, paths as GeneratedPaths } from '../generated/schema.js';
import type { OperationId, operations } from '../generated/operations.js';
import type { Problem as SpecProblem } from '../generated/models.js';
import type { Problem } from '../errors.js';

export type * from '../generated/models.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/**
 * Fails to compile when the spec's Problem schema and the `Problem` errors.ts declares drift apart:
 * errors.ts sits below the generated code and cannot import it.
 */
export type ProblemMatchesSpec = Assert<Same<SpecProblem, Problem>>;

/** The OpenAPI paths generated from spec/openapi.yaml: the type parameter of `client.raw`. */
export type paths = GeneratedPaths;

/**
 * The query parameters of `GET /users`.
 * @inline
 */
type ListQuery = NonNullable<operationTypes['listUsers']['parameters']['query']>;
/** Fields a user list can be sorted by. */
export type UserSortField = NonNullable<ListQuery['_sort']>;
/** Sort order. */
export type SortOrder = NonNullable<ListQuery['_order']>;

// --- Types of one operation, by operationId, computed from the generated `operations` -------------------

/** @internal The generated type of one operation. */
type Operation<Id extends OperationId> = operationTypes[Id];
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type SuccessCode = 200 | 201 | 202 | 203 | 206;

/** The JSON body of an operation's 2xx responses. */
export type ResponseBody<Id extends OperationId> = {
  [S in keyof Operation<Id>['responses']]: S extends SuccessCode
    ? JsonOf<Operation<Id>['responses'][S]>
    : never;
}[keyof Operation<Id>['responses']];

/** What an SDK method resolves to: the response body, or `undefined` when every success is empty. */
export type Result<Id extends OperationId> = [ResponseBody<Id>] extends [never]
  ? undefined
  : ResponseBody<Id> extends Record<string, never>
    ? undefined
    : ResponseBody<Id>;

/** One item of a paginated operation's response (an array). */
export type Item<Id extends OperationId> = ResponseBody<Id> extends readonly (infer T)[] ? T : never;

/** The path parameters of an operation. */
export type PathParams<Id extends OperationId> = Operation<Id>['parameters']['path'];

/** The query parameters of an operation, as the spec names them (`_page`). */
export type QueryParams<Id extends OperationId> = NonNullable<Operation<Id>['parameters']['query']>;

/** The query parameters as the SDK names them: a leading `_` dropped (`_page` → `page`). */
export type SdkQuery<Id extends OperationId> = {
  [K in keyof QueryParams<Id> as K extends `_${infer R}` ? R : K]?: QueryParams<Id>[K] | undefined;
};

/** The JSON request body of an operation. */
export type RequestBody<Id extends OperationId> = JsonOf<NonNullable<Operation<Id>['requestBody']>>;

/** The operationIds of paginated operations. */
export type PaginatedId = {
  [Id in OperationId]: (typeof operations)[Id]['pagination'] extends null ? never : Id;
}[OperationId];
