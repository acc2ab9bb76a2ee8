// Checks of the client options that the types promise but plain JavaScript does not keep: nested
// option objects, enumerations and byte sizes. Kept apart from config.ts so resolving stays readable.
import type { ClientOptions } from '../config.js';
import { ConfigError, type InvalidArgumentError } from '../errors.js';
import { REDIRECT_POLICIES, type RedirectPolicy } from '../http/redirects.js';
import { checkOptionsObject } from './check-shape.js';
import {
  BACKOFF_KEYS,
  CIRCUIT_BREAKER_KEYS,
  OAUTH2_KEYS,
  RATE_LIMIT_KEYS,
  RETRY_BUDGET_KEYS,
} from './known-options.js';

/** Nested option objects: objects (or `false` where that switches them off), with known keys only. */
export function checkNestedOptions(options: ClientOptions): void {
  const nested: [string, unknown, readonly string[], boolean][] = [
    ['backoff', options.backoff, BACKOFF_KEYS, false],
    ['circuitBreaker', options.circuitBreaker, CIRCUIT_BREAKER_KEYS, true],
    ['retryBudget', options.retryBudget, RETRY_BUDGET_KEYS, true],
    ['rateLimit', options.rateLimit, RATE_LIMIT_KEYS, false],
    ['auth', options.auth, OAUTH2_KEYS, false],
  ];
  for (const [name, value, keys, canBeFalse] of nested) {
    if (value === undefined || (canBeFalse && value === false)) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      // 'off', 'false', 0, null: say what switches it off rather than guessing what was meant.
      throw new ConfigError(
        `${name} must be an object${canBeFalse ? ' or false (to switch it off)' : ''}; got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? `the string "${value.slice(0, 20)}"` : typeof value}.`,
      );
    }
    checkOptionsObject(value, name, keys, ConfigError);
  }
}

export function resolveRedirects(value: unknown, fallback: RedirectPolicy): RedirectPolicy {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (REDIRECT_POLICIES as readonly string[]).includes(value))
    return value as RedirectPolicy;
  throw new ConfigError(
    `redirects must be one of ${REDIRECT_POLICIES.map((p) => `'${p}'`).join(', ')}; got ${typeof value === 'string' ? `"${value.slice(0, 20)}"` : typeof value}.`,
  );
}

/** A size in bytes: a whole number ≥ 1. */
export function byteLimit(
  name: string,
  value: unknown,
  fallback: number,
  Err: typeof ConfigError | typeof InvalidArgumentError,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new Err(
      `${name} must be a whole number of bytes ≥ 1 (e.g. 16777216 for 16 MiB); got ${typeof value === 'number' ? String(value) : typeof value}.`,
    );
  }
  return value;
}
