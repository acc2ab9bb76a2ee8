// The one door to the generated schema types: everything else imports from here.
import type { components, operations as operationTypes, paths } from '../../generated/schema.js';

export type { paths };
/** A user as the server stores it. */
export type User = components['schemas']['User'];
/** The fields of a user to create. */
export type NewUser = components['schemas']['NewUser'];
/** Every field of a user, replacing the stored ones. */
export type UserReplace = components['schemas']['UserReplace'];
/** Some fields of a user, merged into the stored ones. */
export type UserPatch = components['schemas']['UserPatch'];
/** An RFC 9457 problem-details body. */
export type Problem = components['schemas']['Problem'];
/** Postal address of a user. */
export type Address = components['schemas']['Address'];
/** Employer of a user. */
export type Company = components['schemas']['Company'];

type ListQuery = NonNullable<operationTypes['listUsers']['parameters']['query']>;
/** Fields a user list can be sorted by. */
export type UserSortField = NonNullable<ListQuery['_sort']>;
/** Sort order. */
export type SortOrder = NonNullable<ListQuery['_order']>;
