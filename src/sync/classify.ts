// Error → dead-letter reason. Errors are matched by class and, as a fallback, by `name` (a second copy
// of the SDK in node_modules would fail `instanceof`).
import type { DeadLetterReason } from './types.js';

/** How the engine treats a failed call. */
export interface Classified {
  readonly reason: DeadLetterReason;
  readonly error: string;
  readonly message: string;
  readonly retryable: boolean;
  /** The whole run should wait this long and try the record again (429, a full client queue). */
  readonly slowDownMs?: number;
  /** The breaker opened: the server is failing or gone. */
  readonly breakerOpen?: boolean;
}

const MAX_MESSAGE = 300;

export function classify(err: unknown): Classified {
  const name = err instanceof Error ? err.name : 'Error';
  const message = (err instanceof Error ? err.message : String(err)).slice(0, MAX_MESSAGE);
  const status = numberProp(err, 'status');
  const base = { error: name, message };
  if (name === 'RateLimitError' || status === 429)
    return {
      ...base,
      reason: 'rate-limited',
      retryable: true,
      slowDownMs: numberProp(err, 'retryAfterMs') ?? 1_000,
    };
  if (name === 'QueueFullError') return { ...base, reason: 'rate-limited', retryable: true, slowDownMs: 250 };
  if (name === 'CircuitOpenError')
    return { ...base, reason: 'circuit-open', retryable: true, breakerOpen: true };
  if (name === 'TimeoutError') return { ...base, reason: 'timeout', retryable: true };
  if (name === 'ConnectionError') return { ...base, reason: 'connection', retryable: true };
  if (status !== undefined && status >= 500) return { ...base, reason: 'server-error', retryable: true };
  if (status === 408) return { ...base, reason: 'timeout', retryable: true };
  if (status !== undefined && status >= 400) return { ...base, reason: 'rejected', retryable: false };
  // Not an API answer: a bug or an unexpected failure; running it again may help.
  return { ...base, reason: 'server-error', retryable: true };
}

function numberProp(value: unknown, key: string): number | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : undefined;
}
