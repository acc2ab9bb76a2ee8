// UserManagementClient: resolves the config once, then wires auth, the openapi-fetch client, the
// resilience pipeline and the resources. Nothing here starts a timer or does I/O.
import createClient, { type Client } from 'openapi-fetch';
import { createAuthorizer, staticAuthHeaders } from './auth/credentials.js';
import { resolveConfig, type ClientOptions, type FetchLike, type ResolvedConfig } from './config.js';
import type { paths } from './http/api-types.js';
import { Core } from './http/core.js';
import { baseFetchOf, createTransport, headerNames } from './http/transport.js';
import { createLogger, createRedactor, type LevelledLogger } from './logging.js';
import { createPipeline, type Authorizer, type Pipeline } from './resilience/pipeline.js';
import { ApiError } from './errors.js';
import { createSecretScrubber, type SecretScrubber } from './text/scrub.js';
import { Users } from './resources/users.js';
import { sdkHeaders } from './version.js';

/** The User Management API client. Construct once and reuse: breaker and budget state live here. */
export class UserManagementClient {
  /** Operations on users. */
  readonly users: Users;
  /** The typed openapi-fetch client, for operations the facade does not wrap (no retries or breaker). */
  readonly raw: Client<paths>;
  readonly #config: ResolvedConfig;

  /** Resolves options (then env `USER_MGMT_*`, then defaults); throws ConfigError on bad config. */
  constructor(options: ClientOptions = {}) {
    const config = resolveConfig(options);
    this.#config = config;
    const fetch: FetchLike = baseFetchOf(config.fetch);
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
      fetch,
      // The transport follows redirects itself (see http/redirects.ts); fetch must hand them over.
      redirect: 'manual' as const,
      headers: {
        Accept: 'application/json, application/problem+json;q=0.9',
        ...sdkHeaders(),
        ...config.headers,
        ...staticAuthHeaders(config),
      },
    };
    const fetched = createAuthorizer(config, fetch);
    const authorize: Authorizer | undefined = fetched
      ? async (refresh) => {
          const token = await fetched(refresh);
          secrets.remember(token);
          return token;
        }
      : undefined;
    // The facade's client: the pipeline adds per-attempt auth itself, so no middleware on the hot path.
    const core = createClient<paths>(clientOptions);
    // The public client gets the same per-request auth (token function, OAuth2) as middleware, so
    // `raw` works under every credential kind, and the same redirect handling and size cap.
    this.raw = createClient<paths>({
      ...clientOptions,
      fetch: createTransport(fetch, {
        redirects: config.redirects,
        maxResponseBytes: config.maxResponseBytes,
        privateHeaders: headerNames(config.headers),
      }),
    });
    if (authorize) {
      this.raw.use({
        async onRequest({ request }) {
          request.headers.set('Authorization', `Bearer ${await authorize(false)}`);
          return request;
        },
      });
    }
    this.users = new Users(
      new Core(core, config, withScrubbedErrors(createPipeline(config, log, authorize), secrets)),
    );
  }

  /** The base URL requests go to. */
  get baseUrl(): string {
    return this.#config.baseUrl;
  }

  /** A description without credentials. */
  toString(): string {
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

/**
 * Redacts log fields on their way out, so no call site can leak a secret into a log line. A level
 * that is off stays a no-op: nothing is redacted or formatted for a line nobody will read.
 */
function withRedaction(
  log: LevelledLogger,
  keys: readonly string[],
  scrub: (text: string) => string,
): LevelledLogger {
  const enabled = (level: Parameters<LevelledLogger['enabled']>[0]): boolean => log.enabled(level);
  const redactor = createRedactor(keys, scrub);
  const wrap = (level: Parameters<LevelledLogger['enabled']>[0]): LevelledLogger['debug'] => {
    if (!log.enabled(level)) return () => undefined;
    const fn = log[level];
    return (message, fields) => {
      fn(redactor.text(message), fields ? (redactor.body(fields) as Record<string, unknown>) : undefined);
    };
  };
  return { error: wrap('error'), warn: wrap('warn'), info: wrap('info'), debug: wrap('debug'), enabled };
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
