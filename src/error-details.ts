// What an error is built from and how its message reads: the problem-details and rate-limit shapes,
// and the parsing of a response into them. Apart from errors.ts (which re-exports the types) so each
// file stays short; the error classes themselves live in errors.ts alone.
import { describeCall, snippet } from './describe.js';
import { excerpt } from './text/excerpt.js';

/** An RFC 9457 problem-details body. */
export interface Problem {
  /** A URI that identifies the problem type (`about:blank` when the server sent none). */
  type: string;
  /** A short summary of the problem type. */
  title?: string;
  /** The HTTP status code of this occurrence. */
  status?: number;
  /** An explanation of this occurrence, for a person to read. */
  detail?: string;
  /** A URI that identifies this occurrence. */
  instance?: string;
  /** The fields that failed validation, if any. */
  errors?: FieldError[];
}

/** One attempt of a call, as recorded on every error the client throws. */
export interface AttemptRecord {
  /** 1-based attempt number. */
  readonly attempt: number;
  /** HTTP status, when a response arrived. */
  readonly status?: number;
  /** Name and message of the failure, when no usable response arrived. */
  readonly error?: string;
  /** How long the attempt took, in ms. */
  readonly durationMs: number;
  /** How long the client waited after this attempt before the next one, in ms (0 for the last). */
  readonly waitMs: number;
}

/** A field-level validation failure from a problem-details body. */
export interface FieldError {
  /** The name of the field that failed. */
  readonly field: string;
  /** Why the field failed, for a person to read. */
  readonly message: string;
}

/** What an ApiError is built from. */
export interface ApiErrorInit {
  /** HTTP status code. */
  readonly status: number;
  /** HTTP status text, when the response had one; used in the message. */
  readonly statusText?: string;
  /** Response headers, lower-cased (Set-Cookie redacted). */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed body (JSON when it was JSON, else the raw text, or undefined when empty). */
  readonly body: unknown;
  /** HTTP method of the request. */
  readonly method: string;
  /** URL of the request, with credentials and query secrets removed. */
  readonly url: string;
  /** Set when the body could not be read as the JSON the response promised. */
  readonly parseFailure?: string;
  /** How long the server asked the client to wait (Retry-After), in ms. */
  readonly retryAfterMs?: number;
}

/** Parsed `RateLimit-*` headers (IETF draft-ietf-httpapi-ratelimit-headers). */
export interface RateLimitInfo {
  /** Requests allowed in the current window (`RateLimit-Limit`). */
  readonly limit?: number;
  /** Requests left in the current window (`RateLimit-Remaining`). */
  readonly remaining?: number;
  /** Seconds until the window resets. */
  readonly resetSeconds?: number;
}

/** The problem details of a body, when it is one. */
export function asProblem(body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.title !== 'string' && typeof b.detail !== 'string' && typeof b.type !== 'string')
    return undefined;
  const errors = Array.isArray(b.errors)
    ? b.errors.filter(
        (e): e is FieldError =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as Record<string, unknown>).field === 'string' &&
          typeof (e as Record<string, unknown>).message === 'string',
      )
    : undefined;
  // A problem needs only one of title, detail or type to be useful; `type` defaults to about:blank (RFC 9457 §4.2.1).
  return { ...(b as unknown as Problem), ...(errors ? { errors } : {}) };
}

/** Field errors named in a message; the rest stay on `fieldErrors`. */
const MESSAGE_FIELD_ERRORS = 5;

// Server text is cut before it reaches the message (the full problem stays on `err.problem`), so a
// hostile detail costs the same as a short one.
export function describeApiError(init: ApiErrorInit, problem: Problem | undefined): string {
  const head = `${describeCall(init.method, init.url)} → ${init.status}${init.statusText ? ` ${excerpt(init.statusText, 60)}` : ''}`;
  if (init.parseFailure !== undefined) return `${head}: ${init.parseFailure}`;
  const detail = problem
    ? excerpt(
        [problem.title === init.statusText ? undefined : problem.title, problem.detail]
          .filter((s): s is string => typeof s === 'string' && s.length > 0)
          .map((s) => excerpt(s))
          .join(': '),
      )
    : typeof init.body === 'string' && init.body.length > 0
      ? snippet(init.body)
      : '';
  const errors = problem?.errors ?? [];
  const shown = errors
    .slice(0, MESSAGE_FIELD_ERRORS)
    .map((e) => `${excerpt(e.field, 60)}: ${excerpt(e.message, 120)}`);
  if (errors.length > MESSAGE_FIELD_ERRORS) shown.push(`${errors.length - MESSAGE_FIELD_ERRORS} more`);
  const fields = shown.length ? ` (${shown.join('; ')})` : '';
  return detail ? `${head}: ${detail}${fields}` : head;
}

export function parseRateLimit(headers: Readonly<Record<string, string>>): RateLimitInfo {
  const num = (name: string): number | undefined => {
    const raw = headers[name];
    if (raw === undefined) return undefined;
    const n = Number.parseInt(raw, 10);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const limit = num('ratelimit-limit');
  const remaining = num('ratelimit-remaining');
  const resetSeconds = num('ratelimit-reset');
  return {
    ...(limit !== undefined ? { limit } : {}),
    ...(remaining !== undefined ? { remaining } : {}),
    ...(resetSeconds !== undefined ? { resetSeconds } : {}),
  };
}
