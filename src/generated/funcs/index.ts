// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

export { usersList } from './usersList.js';
export { usersCreate } from './usersCreate.js';
export { usersGet } from './usersGet.js';
export { usersReplace } from './usersReplace.js';
export { usersUpdate } from './usersUpdate.js';
export { usersDelete } from './usersDelete.js';
export { groupsList } from './groupsList.js';
export { groupsCreate } from './groupsCreate.js';
export { groupsGet } from './groupsGet.js';
export { groupsUpdate } from './groupsUpdate.js';
export { groupsDelete } from './groupsDelete.js';
export { groupsListMemberships } from './groupsListMemberships.js';
export { groupsAddMembership } from './groupsAddMembership.js';
export { groupsRemoveMembership } from './groupsRemoveMembership.js';
