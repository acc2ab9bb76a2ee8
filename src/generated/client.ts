// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import type { Core } from '../http/resource.js';
import { Users } from './resources/users.js';
import { Groups } from './resources/groups.js';

/**
 * The resources of the API: one property per tag of the spec, each a class with one method per operation.
 * `UserManagementClient` extends it.
 */
export abstract class ApiResources {
  /**
   * Users of the organisation.
   */
  readonly users: Users;
  /**
   * Groups of users, and who is a member of which.
   */
  readonly groups: Groups;

  /** @internal Created by UserManagementClient. */
  protected constructor(core: Core) {
    this.users = new Users(core);
    this.groups = new Groups(core);
  }
}
