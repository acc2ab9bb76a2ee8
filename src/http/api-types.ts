// The one door to the generated schema types: everything else imports from here.
// The schema types are re-declared as interfaces (not aliases) so the API docs show each
// as a named, documented type instead of inlining the generated object type everywhere.
import type {
  components,
  operations as operationTypes,
  paths as GeneratedPaths,
} from '../../generated/schema.js';
import type { Problem } from '../errors.js';

type UserSchema = components['schemas']['User'];
type NewUserSchema = components['schemas']['NewUser'];
type UserReplaceSchema = components['schemas']['UserReplace'];
type UserPatchSchema = components['schemas']['UserPatch'];
type ProblemSchema = components['schemas']['Problem'];
type AddressSchema = components['schemas']['Address'];
type CompanySchema = components['schemas']['Company'];

/** The OpenAPI paths generated from spec/openapi.yaml: the type parameter of `client.raw`. */
export type paths = GeneratedPaths;

/** A user as the server stores it. */
export interface User extends UserSchema {}
/** The fields of a user to create. */
export interface NewUser extends NewUserSchema {}
/** Every field of a user, replacing the stored ones. */
export interface UserReplace extends UserReplaceSchema {}
/** Some fields of a user, merged into the stored ones. */
export interface UserPatch extends UserPatchSchema {}
/** An RFC 9457 problem-details body (declared in errors.ts, where ApiError needs it). */
export type { Problem } from '../errors.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile when the spec's Problem schema and errors.ts's `Problem` drift apart. */
export type ProblemMatchesSpec = Assert<Same<ProblemSchema, Problem>>;
/** Postal address of a user. */
export interface Address extends AddressSchema {}
/** Employer of a user. */
export interface Company extends CompanySchema {}

/**
 * The query parameters of `GET /users`.
 * @inline
 */
type ListQuery = NonNullable<operationTypes['listUsers']['parameters']['query']>;
/** Fields a user list can be sorted by. */
export type UserSortField = NonNullable<ListQuery['_sort']>;
/** Sort order. */
export type SortOrder = NonNullable<ListQuery['_order']>;
