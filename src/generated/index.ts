// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

export { ApiResources } from './client.js';
export { Users } from './resources/users.js';
export { Groups } from './resources/groups.js';
export type {
  Geo,
  Address,
  Company,
  User,
  NewUser,
  UserReplace,
  UserPatch,
  Group,
  NewGroup,
  GroupPatch,
  MembershipRole,
  Membership,
  NewMembership,
  Empty,
  FieldError,
  Problem,
  UserPage,
  GroupPage,
  MembershipPage,
  ListUsersParams,
  ListGroupsParams,
  ListGroupMembershipsParams,
} from './models.js';
