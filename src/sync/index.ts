import { InvalidArgumentError, type UserManagementClient } from 'user-management-sdk';
/** stub */
export function syncUsers(client: UserManagementClient): string {
  if (!client) throw new InvalidArgumentError('x');
  return client.baseUrl;
}
