// UserManagementClient: resolves the config once, then wires auth, the openapi-fetch client, the
// resilience pipeline and the generated resources; `raw` runs through the same pipeline.
// Nothing here starts a timer or does I/O.
import createClient, { type Client } from 'openapi-fetch';
import { createAuthorizer, staticAuthHeaders } from './auth/credentials.js';
import { resolveConfig, type ClientOptions, type FetchLike, type ResolvedConfig } from './config.js';
import type { paths } from './http/api-types.js';
import { ApiResources } from './generated/index.js';
import { Core } from './http/core.js';
import { createRawClient } from './http/raw.js';
import { createLogger, createRedactor, type LevelledLogger } from './logging.js';
import { createPipeline } from './resilience/pipeline.js';
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
    const fetch: FetchLike = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const log = withRedaction(createLogger(config.logLevel, config.logger), config.redactKeys);
    const clientOptions = {
      baseUrl: config.baseUrl,
      headers: {
        Accept: 'application/json, application/problem+json;q=0.9',
        ...sdkHeaders(),
        ...config.headers,
        ...staticAuthHeaders(config),
      },
    };
    // One pipeline per client: the methods and `raw` share its breaker, budget and rate limits.
    const pipeline = createPipeline(config, log, createAuthorizer(config, fetch));
    super(new Core(createClient<paths>({ ...clientOptions, fetch }), config, pipeline));
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

/** Redacts log fields on their way out, so no call site can leak a secret into a log line. */
function withRedaction(log: LevelledLogger, keys: readonly string[]): LevelledLogger {
  const enabled = (level: Parameters<LevelledLogger['enabled']>[0]): boolean => log.enabled(level);
  const redactor = createRedactor(keys);
  const wrap =
    (fn: LevelledLogger['debug']): LevelledLogger['debug'] =>
    (message, fields) => {
      fn(redactor.text(message), fields ? (redactor.body(fields) as Record<string, unknown>) : undefined);
    };
  return {
    error: wrap(log.error),
    warn: wrap(log.warn),
    info: wrap(log.info),
    debug: wrap(log.debug),
    enabled,
  };
}
