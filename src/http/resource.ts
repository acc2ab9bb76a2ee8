// What the generated resource classes import: their base class and the runtime types their signatures
// use. Generated code imports nothing else of ours, so the runtime can move behind this file.
import type { Core } from './core.js';

export type { Core } from './core.js';
export type { RequestOptions } from '../config.js';
export { APIPromise, PagePromise, type WithResponse } from './response.js';
export type { Page } from './page.js';
export type { ListAllOptions } from './iterate-pages.js';
export type { ModifyFn, ModifyOptions } from './modify.js';

/** The base of every generated resource class: holds the client's request path. */
export abstract class Resource {
  /** @internal The client's request path. */
  protected readonly core: Core;

  /** @internal Created by UserManagementClient. */
  constructor(core: Core) {
    this.core = core;
  }
}
