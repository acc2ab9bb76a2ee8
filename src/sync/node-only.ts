// What `user-management-sdk/sync` resolves to outside Node (browsers, Workers, bundlers without the
// "node" condition): the sync engine needs the file system and node:crypto, so each function throws
// a one-line error instead. Nothing of the engine reaches a browser bundle. (Throwing at import would
// not do: the package is sideEffects: false, so a bundler drops a module that only throws.)
const fail = (): never => {
  throw new Error('user-management-sdk/sync runs on Node.js only (it needs node:fs and node:crypto).');
};

export const syncUsers = fail;
export const reprocessDeadLetters = fail;
export const readSyncStatus = fail;
export const webhookAlert = fail;
