// What `user-management-sdk/sync` resolves to outside Node (browsers, Workers, Deno's browser
// conditions): the sync engine needs the file system and node:crypto, so a bundle that imports it
// gets this one-line error instead of the engine. Nothing of the engine reaches a browser bundle.
throw new Error('user-management-sdk/sync runs on Node.js only (it needs node:fs and node:crypto).');
