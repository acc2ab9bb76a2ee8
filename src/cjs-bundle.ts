// The CommonJS build's one bundle (dist/sdk.cjs): the main entry, user-management-sdk/core and
// user-management-sdk/funcs as three namespaces of one module graph, so that dist/index.cjs, core.cjs and
// funcs.cjs (which re-export a namespace each, see tsup.config.ts) share one copy of every class.
export * as main from './index.js';
export * as core from './core/index.js';
export * as funcs from './funcs/index.js';
