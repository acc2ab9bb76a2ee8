// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import type { Page } from '../http/page.js';
import type { components } from './schema.js';

type Schemas = components['schemas'];

type GeoSchema = Schemas['Geo'];
/**
 * Coordinates, as strings (as JSONPlaceholder sends them).
 */
export interface Geo extends GeoSchema {}

type AddressSchema = Schemas['Address'];
/**
 * A postal address.
 */
export interface Address extends AddressSchema {}

type CompanySchema = Schemas['Company'];
/**
 * The user's employer.
 */
export interface Company extends CompanySchema {}

type UserSchema = Schemas['User'];
/**
 * A user as the server stores it.
 */
export interface User extends UserSchema {}

type NewUserSchema = Schemas['NewUser'];
/**
 * The fields of a user to create; the server assigns the id.
 */
export interface NewUser extends NewUserSchema {}

type UserReplaceSchema = Schemas['UserReplace'];
/**
 * Every field of a user, replacing the stored ones (`id` comes from the path).
 */
export interface UserReplace extends UserReplaceSchema {}

type UserPatchSchema = Schemas['UserPatch'];
/**
 * Some fields of a user, merged into the stored ones.
 */
export interface UserPatch extends UserPatchSchema {}

type GroupSchema = Schemas['Group'];
/**
 * A group of users.
 */
export interface Group extends GroupSchema {}

type NewGroupSchema = Schemas['NewGroup'];
/**
 * The fields of a group to create; the server assigns the id.
 */
export interface NewGroup extends NewGroupSchema {}

type GroupPatchSchema = Schemas['GroupPatch'];
/**
 * Some fields of a group, merged into the stored ones.
 */
export interface GroupPatch extends GroupPatchSchema {}

/**
 * What a member may do in the group.
 */
export type MembershipRole = 'member' | 'admin';

type MembershipSchema = Schemas['Membership'];
/**
 * A user's membership of a group.
 */
export interface Membership extends MembershipSchema {}

type NewMembershipSchema = Schemas['NewMembership'];
/**
 * A membership to add; the group comes from the path.
 */
export interface NewMembership extends NewMembershipSchema {}

type EmptySchema = Schemas['Empty'];
/**
 * An empty object, as json-server sends it.
 */
export interface Empty extends EmptySchema {}

type FieldErrorSchema = Schemas['FieldError'];
/**
 * One failed field.
 */
export interface FieldError extends FieldErrorSchema {}

type ProblemSchema = Schemas['Problem'];
/**
 * RFC 9457 problem details.
 */
export interface Problem extends ProblemSchema {}

/**
 * One page of {@link User} items.
 */
export type UserPage = Page<User>;

/**
 * One page of {@link Group} items.
 */
export type GroupPage = Page<Group>;

/**
 * One page of {@link Membership} items.
 */
export type MembershipPage = Page<Membership>;

/**
 * The query parameters of `client.users.list()` (`GET /users`), named as in the spec without a leading `_`.
 */
export interface ListUsersParams {
  /**
   * Page number, starting at 1.
   */
  page?: number | undefined;
  /**
   * Page size. json-server enforces no maximum, and without `_page` it slices from `_start` and sends no `Link` header; the SDK always sends both.
   */
  limit?: number | undefined;
  /**
   * Field to sort by.
   */
  sort?: 'id' | 'name' | 'username' | 'email' | undefined;
  /**
   * Sort order.
   */
  order?: 'asc' | 'desc' | undefined;
  /**
   * Full-text search over all fields.
   */
  q?: string | undefined;
  /**
   * Exact match on username.
   */
  username?: string | undefined;
  /**
   * Exact match on email.
   */
  email?: string | undefined;
}

/**
 * The query parameters of `client.groups.list()` (`GET /groups`), named as in the spec without a leading `_`.
 */
export interface ListGroupsParams {
  /**
   * Page number, starting at 1.
   */
  page?: number | undefined;
  /**
   * Page size. json-server enforces no maximum, and without `_page` it slices from `_start` and sends no `Link` header; the SDK always sends both.
   */
  limit?: number | undefined;
  /**
   * Field to sort by.
   */
  sort?: 'id' | 'name' | undefined;
  /**
   * Sort order.
   */
  order?: 'asc' | 'desc' | undefined;
  /**
   * Full-text search over all fields.
   */
  q?: string | undefined;
  /**
   * Exact match on name.
   */
  name?: string | undefined;
}

/**
 * The query parameters of `client.groups.listMemberships()` (`GET /groups/{id}/memberships`), named as in the spec without a leading `_`.
 */
export interface ListGroupMembershipsParams {
  /**
   * Page number, starting at 1.
   */
  page?: number | undefined;
  /**
   * Page size. json-server enforces no maximum, and without `_page` it slices from `_start` and sends no `Link` header; the SDK always sends both.
   */
  limit?: number | undefined;
  /**
   * Exact match on role.
   */
  role?: MembershipRole | undefined;
  /**
   * Exact match on the member's user id.
   */
  userId?: number | undefined;
}
