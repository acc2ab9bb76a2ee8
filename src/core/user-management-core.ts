// UserManagementCore: resolves the config once, then wires auth, the openapi-fetch client and the
// resilience pipeline — everything a request needs, and nothing a given request does not: no resources,
// no operation table, no `raw`. The standalone functions (user-management-sdk/funcs) take it as their
// first argument, and UserManagementClient is built on it. Nothing here starts a timer or does I/O.
import createClient, { type ClientOptions as FetchClientOptions } from 'openapi-fetch';
import { createAuthorizer, staticAuthHeaders, type Authorizer } from '../auth/credentials.js';
import { resolveConfig, type ClientOptions, type ResolvedConfig } from '../config.js';
import { ApiError } from '../errors.js';
import type { paths } from '../http/api-types.js';
import { Core } from '../http/core.js';
import { createLogger, withRedaction } from '../logging.js';
import { createPipeline, type Pipeline } from '../pipeline/create-pipeline.js';
import { createSecretScrubber, type SecretScrubber } from '../text/scrub.js';
import { createBaseFetch, takesSignalInInit, type FetchLike } from '../transport/fetch.js';
import { PlainRequest } from '../transport/plain-request.js';
import { sdkHeaders } from '../version.js';

/** What a core holds for the functions and the client built on it; never public. */
export interface Runtime {
  /** The request path of every operation (core.ts). */
  readonly core: Core;
  readonly config: ResolvedConfig;
  /** What `client.raw` needs to run on the same pipeline (http/raw.ts). */
  readonly clientOptions: FetchClientOptions & { baseUrl: string };
  readonly fetch: FetchLike;
  readonly pipeline: Pipeline;
}

// The one way the standalone functions and UserManagementClient reach a core's private runtime: a
// function the class defines in its static block, where `#runtime` is in scope (ES private fields have no
// other "friend" access). Assigned once, when the class is defined; it holds no state of its own.
let runtimeOf: (core: unknown) => Runtime | undefined;

/**
 * The request machinery of the SDK without any operation: resolved options, auth, the resilience pipeline
 * (retries, circuit breaker, timeouts, deadline, logging, telemetry, the optional features) and the
 * transport. Pass it to the standalone functions of `user-management-sdk/funcs`, which a bundler keeps
 * one by one: an application ships only the operations it calls.
 *
 * Takes the same {@link ClientOptions} as `UserManagementClient` (which is built on it, so a client can be
 * passed wherever a core is expected). Construct once and reuse: breaker and budget state live here.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { usersGet } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com', apiKey: 'key' });
 * const user = await usersGet(core, 1);
 * ```
 */
export class UserManagementCore {
  readonly #runtime: Runtime;

  static {
    runtimeOf = (core) =>
      typeof core === 'object' && core !== null && #runtime in core ? core.#runtime : undefined;
  }

  /** Resolves options (then env `USER_MGMT_*`, then defaults); throws ConfigError on bad config. */
  constructor(options: ClientOptions = {}) {
    const config = resolveConfig(options);
    // The application's fetch (or the global one) with its fetchOptions; the pipeline adds redirects and
    // the size cap around it.
    const fetch = createBaseFetch(config.fetch, config.fetchOptions, config.transport);
    // The client's own credentials are scrubbed from every log line and error message it produces.
    const secrets = createSecretScrubber([
      config.apiKey,
      config.auth.kind === 'bearer' && typeof config.auth.token === 'string' ? config.auth.token : undefined,
      config.auth.kind === 'oauth2' ? config.auth.credentials.clientSecret : undefined,
    ]);
    const log = withRedaction(createLogger(config.logLevel, config.logger), config.redactKeys, (text) =>
      secrets.scrub(text),
    );
    const clientOptions = {
      baseUrl: config.baseUrl,
      // The transport follows redirects itself (see transport/redirects.ts); fetch must hand them over.
      redirect: 'manual' as const,
      headers: {
        Accept: 'application/json, application/problem+json;q=0.9',
        ...sdkHeaders(),
        ...config.headers,
        ...staticAuthHeaders(config.apiKey, config.auth),
      },
    };
    const fetched = createAuthorizer(config.auth, fetch, config.timeoutMs, config.maxResponseBytes);
    const authorize: Authorizer | undefined = fetched
      ? async (refresh) => {
          const token = await fetched(refresh);
          secrets.remember(token);
          return token;
        }
      : undefined;
    // One pipeline per core: every operation (and a client's `raw`) shares its breaker, budget and rate
    // limits, and its transport (redirects, size cap), which it hands each attempt.
    const pipeline = withScrubbedErrors(createPipeline(config, log, authorize, { fetch }), secrets);
    // Where the SDK makes the fetch call itself, openapi-fetch builds a PlainRequest, not a Request that
    // fetch would copy into another (see transport/plain-request.ts); an application's fetch gets a Request.
    const Request = takesSignalInInit(config.fetch, config.transport)
      ? (PlainRequest as unknown as typeof globalThis.Request)
      : globalThis.Request;
    const core = new Core(createClient<paths>({ ...clientOptions, fetch, Request }), config, pipeline);
    this.#runtime = { core, config, clientOptions, fetch, pipeline };
  }

  /** The base URL requests go to. */
  get baseUrl(): string {
    return this.#runtime.config.baseUrl;
  }

  /** A description without credentials. */
  toString(): string {
    return describeClient('UserManagementCore', this.#runtime.config);
  }

  /** A JSON view without credentials. */
  toJSON(): Record<string, unknown> {
    const config = this.#runtime.config;
    return {
      baseUrl: config.baseUrl,
      auth: config.auth.kind,
      apiKey: config.apiKey !== undefined ? '[REDACTED]' : undefined,
    };
  }

  /** What `util.inspect` and `console.log` show: no credentials. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

export { runtimeOf };

/** `Name { baseUrl, auth }`: what toString() shows of a core or client, without credentials. */
export function describeClient(name: string, config: ResolvedConfig): string {
  return `${name} { baseUrl: ${config.baseUrl}, auth: ${config.auth.kind}${config.apiKey !== undefined && config.auth.kind !== 'apiKey' ? ' + apiKey' : ''} }`;
}

/** Errors leave the core without its own credentials in their message, whatever a server echoed. */
function withScrubbedErrors(pipeline: Pipeline, secrets: SecretScrubber): Pipeline {
  return {
    execute: (plan, options) =>
      pipeline.execute(plan, options).catch((err: unknown) => {
        if (err instanceof Error) err.message = secrets.scrub(err.message);
        // What the server sent back stays on the error, minus any of our credentials it echoed.
        if (err instanceof ApiError) {
          for (const field of ['body', 'problem', 'headers'] as const) {
            const value = secrets.scrubValue(err[field]);
            if (value !== err[field]) Object.defineProperty(err, field, { value });
          }
        }
        throw err;
      }),
  };
}
