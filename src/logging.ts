// Levelled logging through any console- or pino-shaped logger, with redaction of secrets.
import { decodeSafe, redactText } from './text/redact-text.js';

/** Log levels, from silent to chatty. */
export const LOG_LEVELS = ['off', 'error', 'warn', 'info', 'debug'] as const;
/** One of `off`, `error`, `warn`, `info`, `debug`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Writes one log line: a message and optional structured fields.
 * @inline
 */
type LogFn = (message: string, fields?: Record<string, unknown>) => void;

/** Anything with console-style methods: `console`, pino, winston, bunyan… */
export interface Logger {
  /** Writes an `error` line. */
  error: LogFn;
  /** Writes a `warn` line, such as a circuit breaker opening. */
  warn: LogFn;
  /** Writes an `info` line, such as a retry or a call that failed for good. */
  info: LogFn;
  /** Writes a `debug` line: each attempt and its response. */
  debug: LogFn;
}

/** The logger the client uses: methods below the level are no-ops, and `enabled()` lets callers skip work. */
export interface LevelledLogger extends Logger {
  enabled(level: Exclude<LogLevel, 'off'>): boolean;
}

const RANK: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
const noop: LogFn = () => undefined;

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * pino and bunyan take `(fields, message)`; console and winston take `(message, fields)`.
 * pino loggers have `bindings()`, bunyan loggers a `streams` array.
 */
function takesFieldsFirst(sink: Logger): boolean {
  const s = sink as unknown as { bindings?: unknown; streams?: unknown };
  return typeof s.bindings === 'function' || Array.isArray(s.streams);
}

export function createLogger(level: LogLevel, sink: Logger): LevelledLogger {
  const rank = RANK[level];
  const fieldsFirst = takesFieldsFirst(sink);
  // Bind once so the hot path calls a plain function or a no-op, never a level check.
  const pick = (l: Exclude<LogLevel, 'off'>): LogFn => {
    if (rank < RANK[l]) return noop;
    const write = sink[l] as (...args: unknown[]) => void;
    return fieldsFirst
      ? (message, fields) => {
          write.call(sink, fields ?? {}, message);
        }
      : (message, fields) => {
          write.call(sink, message, ...(fields ? [fields] : []));
        };
  };
  return {
    error: pick('error'),
    warn: pick('warn'),
    info: pick('info'),
    debug: pick('debug'),
    enabled: (l) => rank >= RANK[l],
  };
}

/** The text that replaces every redacted value. */
export const REDACTED = '[REDACTED]';

/** Request and response headers whose values are secrets. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'cookie', 'set-cookie']);

/** Body fields and query parameters redacted by default (matched case-insensitively, as substrings). */
export const DEFAULT_REDACT_KEYS: readonly string[] = [
  'password',
  'token',
  'secret',
  'apikey',
  'api_key',
  'authorization',
  'client_secret',
];

/** Redacts secrets from headers, query strings and bodies, by a fixed list of key fragments. */
export interface Redactor {
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  url(url: string): string;
  body(body: unknown): unknown;
  /** Redacts userinfo and secret query parameters wherever they appear in free text (log messages). */
  text(text: string): string;
}

/** Whether a header, field or parameter name is a secret under `keys` (or one of the secret headers). */
function secretKeyMatcher(keys: readonly string[]): (key: string) => boolean {
  const fragments = keys.map((k) => k.toLowerCase());
  return (key) => {
    const k = key.toLowerCase();
    return SECRET_HEADERS.has(k) || fragments.some((f) => k.includes(f));
  };
}

/** What log lines need of a {@link Redactor}: their message and their fields. */
function logRedactor(
  isSecretKey: (key: string) => boolean,
  scrub: (text: string) => string,
): Pick<Redactor, 'body' | 'text'> {
  const body = (value: unknown, depth = 0): unknown => {
    // Values are scrubbed of the client's own credentials too: a server may echo them back.
    if (typeof value === 'string') return scrub(value);
    if (typeof value !== 'object' || value === null) return value;
    // Too deep (or cyclic) to inspect: fail closed, since an unread subtree may hold a secret.
    if (depth > 8) return REDACTED;
    if (Array.isArray(value)) return value.map((v) => body(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) ? REDACTED : body(v, depth + 1);
    return out;
  };
  return {
    body: (value) => body(value),
    text: (text) => scrub(redactText(text, isSecretKey)),
  };
}

/**
 * A redactor for `keys`. Log lines use its `text` and `body` (see withRedaction; headers reach a line as
 * fields); `headers` and `url` redact those on their own.
 */
export function createRedactor(
  keys: readonly string[],
  scrub: (text: string) => string = (text) => text,
): Redactor {
  const isSecretKey = secretKeyMatcher(keys);
  return {
    ...logRedactor(isSecretKey, scrub),
    headers(headers) {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(headers)) {
        out[k] = isSecretKey(k) ? REDACTED : v;
      }
      return out;
    },
    url: (url) => redactUrl(url, isSecretKey),
  };
}

/** Removes `user:password@` and redacts query parameters whose names look secret. */
export function redactUrl(url: string, isSecretKey: (key: string) => boolean): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
  u.username = '';
  u.password = '';
  // Rebuild by hand: URLSearchParams would re-encode "[REDACTED]" into "%5BREDACTED%5D".
  if (u.search) {
    const parts = u.search
      .slice(1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const name = decodeSafe(eq === -1 ? pair : pair.slice(0, eq));
        return eq !== -1 && isSecretKey(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
      });
    return `${u.origin}${u.pathname}?${parts.join('&')}${u.hash}`;
  }
  return u.toString();
}

/**
 * Redacts log fields on their way out, so no call site can leak a secret into a log line. A level
 * that is off stays a no-op: nothing is redacted or formatted for a line nobody will read.
 */
export function withRedaction(
  log: LevelledLogger,
  keys: readonly string[],
  scrub: (text: string) => string,
): LevelledLogger {
  const enabled = (level: Parameters<LevelledLogger['enabled']>[0]): boolean => log.enabled(level);
  const redactor = logRedactor(secretKeyMatcher(keys), scrub);
  const wrap = (level: Parameters<LevelledLogger['enabled']>[0]): LevelledLogger['debug'] => {
    if (!log.enabled(level)) return () => undefined;
    const fn = log[level];
    return (message, fields) => {
      fn(redactor.text(message), fields ? (redactor.body(fields) as Record<string, unknown>) : undefined);
    };
  };
  return { error: wrap('error'), warn: wrap('warn'), info: wrap('info'), debug: wrap('debug'), enabled };
}
