// UserManagementClient: resolves the config once, then wires auth, the openapi-fetch client, the
// resilience pipeline and the generated resources; `raw` runs through the same pipeline.
// Nothing here starts a timer or does I/O.
import createClient, { type Client } from 'openapi-fetch';
import { createAuthorizer, staticAuthHeaders, type Authorizer } from './auth/credentials.js';
import { resolveConfig, type ClientOptions, type ResolvedConfig } from './config.js';
import { ApiError } from './errors.js';
import { ApiResources } from './generated/index.js';
import type { paths } from './http/api-types.js';
import { Core } from './http/core.js';
import { createRawClient } from './http/raw.js';
import { createLogger, withRedaction } from './logging.js';
import { createPipeline, type Pipeline } from './pipeline/create-pipeline.js';
import { createSecretScrubber, type SecretScrubber } from './text/scrub.js';
import { createBaseFetch, takesSignalInInit } from './transport/fetch.js';
import { PlainRequest } from './transport/plain-request.js';
import { sdkHeaders } from './version.js';

/**
 * The User Management API client: one property per tag of the spec (`client.users`, `client.groups`), one
 * method per operation. Construct once and reuse: breaker and budget state live here.
 */
export class UserManagementClient extends ApiResources {
  /**
   * The typed openapi-fetch client, for requests the generated methods do not cover. Each request runs
   * through the same pipeline as the methods: retries, breaker, deadline, auth refresh, logging, telemetry,
   * and an `Idempotency-Key` for operations that declare one.
   */
  readonly raw: Client<paths>;
  readonly #config: ResolvedConfig;

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
    // One pipeline per client: the methods and `raw` share its breaker, budget and rate limits, and
    // its transport (redirects, size cap), which it hands each attempt.
    const pipeline = withScrubbedErrors(createPipeline(config, log, authorize, { fetch }), secrets);
    // Where the SDK makes the fetch call itself, openapi-fetch builds a PlainRequest, not a Request that
    // fetch would copy into another (see transport/plain-request.ts); an application's fetch gets a Request.
    const Request = takesSignalInInit(config.fetch, config.transport)
      ? (PlainRequest as unknown as typeof globalThis.Request)
      : globalThis.Request;
    super(new Core(createClient<paths>({ ...clientOptions, fetch, Request }), config, pipeline));
    this.#config = config;
    this.raw = createRawClient(clientOptions, fetch, pipeline);
  }

  /** The base URL requests go to. */
  get baseUrl(): string {
    return this.#config.baseUrl;
  }

  /** A description without credentials. */
  override toString(): string {
    return `UserManagementClient { baseUrl: ${this.#config.baseUrl}, auth: ${this.#config.auth.kind}${this.#config.apiKey !== undefined && this.#config.auth.kind !== 'apiKey' ? ' + apiKey' : ''} }`;
  }

  /** A JSON view without credentials. */
  toJSON(): Record<string, unknown> {
    return {
      baseUrl: this.#config.baseUrl,
      auth: this.#config.auth.kind,
      apiKey: this.#config.apiKey !== undefined ? '[REDACTED]' : undefined,
    };
  }

  /** What `util.inspect` and `console.log` show: no credentials. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** Errors leave the client without its own credentials in their message, whatever a server echoed. */
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
