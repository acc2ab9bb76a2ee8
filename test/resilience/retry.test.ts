import { describe, expect, it } from 'vitest';
import {
  CircuitOpenError,
  ConfigError,
  ConnectionError,
  errorFromResponse,
  QueueFullError,
  RequestAbortedError,
  TimeoutError,
  type ApiError,
  type UserManagementError,
} from '../../src/errors.js';
import { decideRetry, isIdempotentMethod } from '../../src/resilience/retry.js';

function apiError(status: number, headers: Readonly<Record<string, string>> = {}): ApiError {
  return errorFromResponse({
    status,
    headers,
    body: undefined,
    method: 'GET',
    url: 'https://api.example.com/users/1',
  });
}

const RETRIED = [408, 429, 500, 502, 503, 504];
const NOT_RETRIED = [400, 401, 403, 404, 409, 422];

describe('decideRetry', () => {
  describe('responses with an error status', () => {
    it.each(RETRIED)('retries a %i when the request is safe to repeat', (status) => {
      expect(decideRetry(apiError(status), true)).toEqual({ retry: true, reason: 'status' });
    });

    it.each(NOT_RETRIED)('does not retry a %i, and does not blame the write', (status) => {
      const decision = decideRetry(apiError(status), true);
      expect(decision.retry).toBe(false);
      expect(decision.unsafeWrite).toBeUndefined();
      expect(decideRetry(apiError(status), false).unsafeWrite).toBeUndefined();
    });

    it.each([501, 505, 418])('does not retry a %i, which no retry will fix', (status) => {
      expect(decideRetry(apiError(status), true).retry).toBe(false);
    });

    it('retries a 429 even for a write that is not safe to repeat: the server refused it before doing it', () => {
      expect(decideRetry(apiError(429), false)).toEqual({ retry: true, reason: 'status' });
    });

    it.each([408, 500, 502, 503, 504])(
      'does not retry a %i for an unsafe write, and says the write was why',
      (status) => {
        expect(decideRetry(apiError(status), false)).toEqual({
          retry: false,
          reason: 'status',
          unsafeWrite: true,
        });
      },
    );
  });

  describe('x-should-retry', () => {
    it.each(NOT_RETRIED)("retries a %i when the server says x-should-retry: 'true'", (status) => {
      expect(decideRetry(apiError(status, { 'x-should-retry': 'true' }), true)).toEqual({
        retry: true,
        reason: 'server-asked',
      });
    });

    it.each(RETRIED)("does not retry a %i when the server says x-should-retry: 'false'", (status) => {
      const decision = decideRetry(apiError(status, { 'x-should-retry': 'false' }), true);
      expect(decision.retry).toBe(false);
      expect(decision.unsafeWrite).toBeUndefined();
    });

    it("lets x-should-retry: 'true' retry even an unsafe write: the server vouches the repeat is harmless", () => {
      expect(decideRetry(apiError(500, { 'x-should-retry': 'true' }), false)).toEqual({
        retry: true,
        reason: 'server-asked',
      });
    });

    it("lets x-should-retry: 'false' stop even a 429 of an unsafe write", () => {
      expect(decideRetry(apiError(429, { 'x-should-retry': 'false' }), false).retry).toBe(false);
    });

    it('falls back to the status rules for any other value', () => {
      expect(decideRetry(apiError(503, { 'x-should-retry': 'maybe' }), true).retry).toBe(true);
      expect(decideRetry(apiError(404, { 'x-should-retry': 'maybe' }), true).retry).toBe(false);
    });
  });

  describe('connection failures', () => {
    it('retries a connection failure when the request is safe to repeat', () => {
      expect(decideRetry(new ConnectionError('socket hang up'), true)).toEqual({
        retry: true,
        reason: 'connection',
      });
    });

    it('retries an unsafe write when the request certainly never reached the server', () => {
      const refused = new ConnectionError('connect ECONNREFUSED', { mayHaveBeenProcessed: false });
      expect(decideRetry(refused, false)).toEqual({ retry: true, reason: 'connection' });
    });

    it('does not retry an unsafe write that may have been processed, and says the write was why', () => {
      const reset = new ConnectionError('read ECONNRESET', { mayHaveBeenProcessed: true });
      expect(decideRetry(reset, false)).toEqual({ retry: false, reason: 'connection', unsafeWrite: true });
    });

    it('assumes a connection failure may have been processed unless told otherwise', () => {
      expect(decideRetry(new ConnectionError('socket hang up'), false).retry).toBe(false);
    });
  });

  describe('timeouts', () => {
    const attempt = new TimeoutError('attempt timed out', { kind: 'attempt', timeoutMs: 30_000 });
    const deadline = new TimeoutError('deadline passed', { kind: 'deadline', timeoutMs: 120_000 });

    it('retries an attempt timeout when the request is safe to repeat', () => {
      expect(decideRetry(attempt, true)).toEqual({ retry: true, reason: 'timeout' });
    });

    it('does not retry an attempt timeout of an unsafe write, and says the write was why', () => {
      expect(decideRetry(attempt, false)).toEqual({ retry: false, reason: 'timeout', unsafeWrite: true });
    });

    it.each([true, false])('never retries once the deadline has passed (safe to repeat: %s)', (safe) => {
      const decision = decideRetry(deadline, safe);
      expect(decision).toEqual({ retry: false, reason: 'timeout' });
      expect(decision.unsafeWrite).toBeUndefined();
    });
  });

  describe('errors that no retry can fix', () => {
    const unfixable: readonly (readonly [string, UserManagementError])[] = [
      ['ConfigError', new ConfigError('bad option')],
      ['RequestAbortedError', new RequestAbortedError('aborted by the caller')],
      ['CircuitOpenError', new CircuitOpenError('circuit open', 1000)],
      ['QueueFullError', new QueueFullError('queue full')],
    ];

    it.each(unfixable)('does not retry a %s', (_name, error) => {
      expect(decideRetry(error, true).retry).toBe(false);
    });
  });
});

describe('isIdempotentMethod', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])(
    'treats %s as idempotent (RFC 9110 §9.2.2)',
    (method) => {
      expect(isIdempotentMethod(method)).toBe(true);
    },
  );

  it.each(['POST', 'PATCH', 'CONNECT'])('does not treat %s as idempotent', (method) => {
    expect(isIdempotentMethod(method)).toBe(false);
  });
});
