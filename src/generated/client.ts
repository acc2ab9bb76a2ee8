// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import { UserManagementCore, type ClientOptions } from '../core/resource.js';
import { Users } from './resources/users.js';
import { Groups } from './resources/groups.js';

/**
 * The resources of the API: one property per tag of the spec, each a class with one method per operation.
 * `UserManagementClient` extends it; it extends {@link UserManagementCore}, so a client can be passed to the standalone functions.
 */
export abstract class ApiResources extends UserManagementCore {
  /**
   * Users of the organisation.
   */
  readonly users: Users;
  /**
   * Groups of users, and who is a member of which.
   */
  readonly groups: Groups;

  /** @internal Created by UserManagementClient. */
  protected constructor(options?: ClientOptions) {
    super(options);
    this.users = new Users(this);
    this.groups = new Groups(this);
  }
}
