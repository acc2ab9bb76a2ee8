// UserManagementClient: the core (config, auth, pipeline, transport: core/user-management-core.ts) with
// the generated resources on top (each method makes the call its standalone function makes), and `raw` on
// the same pipeline. Nothing here starts a timer or does I/O.
import type { Client } from 'openapi-fetch';
import type { ClientOptions } from './config.js';
import { describeClient, runtimeOf, type Runtime } from './core/user-management-core.js';
import { ApiResources } from './generated/index.js';
import type { paths } from './http/api-types.js';
import { createRawClient } from './http/raw.js';

/**
 * The User Management API client: one property per tag of the spec (`client.users`, `client.groups`), one
 * method per operation. Construct once and reuse: breaker and budget state live here.
 *
 * It is a {@link UserManagementCore} too, so it can be passed to the standalone functions of
 * `user-management-sdk/funcs`; an application that wants the smallest bundle uses those with a
 * `UserManagementCore` instead.
 */
export class UserManagementClient extends ApiResources {
  /**
   * The typed openapi-fetch client, for requests the generated methods do not cover. Each request runs
   * through the same pipeline as the methods: retries, breaker, deadline, auth refresh, logging, telemetry,
   * and an `Idempotency-Key` for operations that declare one.
   */
  readonly raw: Client<paths>;

  /** Resolves options (then env `USER_MGMT_*`, then defaults); throws ConfigError on bad config. */
  constructor(options: ClientOptions = {}) {
    super(options);
    // The core's own runtime: the same fetch and pipeline, so `raw` shares breaker, budget and limits.
    const { clientOptions, fetch, pipeline } = ownRuntime(this);
    this.raw = createRawClient(clientOptions, fetch, pipeline);
  }

  /** A description without credentials. */
  override toString(): string {
    return describeClient('UserManagementClient', ownRuntime(this).config);
  }
}

function ownRuntime(client: UserManagementClient): Runtime {
  const runtime = runtimeOf(client);
  // A client is a core by construction (ApiResources extends UserManagementCore).
  if (!runtime) throw new TypeError('UserManagementClient without its core');
  return runtime;
}
