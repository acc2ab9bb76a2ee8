// A call context and fake `next` functions for unit tests of single policies: no socket, no pipeline.
import { errorFromResponse, type ApiError } from '../../src/errors.js';
import type { CallContext } from '../../src/policies/policy.js';
import type { Outcome } from '../../src/transport/attempt.js';

export function fakeContext(overrides: Partial<CallContext> = {}): CallContext {
  return {
    operationId: 'getUser',
    method: 'GET',
    path: '/users/{id}',
    url: 'https://api.test/users/1',
    description: 'GET /users/1',
    body: undefined,
    signal: undefined,
    attempt: 0,
    headers: {},
    send: () => Promise.reject(new Error('fake context: send is not used in policy tests')),
    fetch: () => Promise.reject(new Error('fake context: fetch is not used in policy tests')),
    start: 0,
    timeoutMs: 30_000,
    deadlineMs: 120_000,
    deadlineAt: 120_000,
    maxRetries: 2,
    safeToRepeat: true,
    attempts: [],
    retries: 0,
    refreshAuth: false,
    trace: undefined,
    ...overrides,
  };
}

/** A successful outcome with `status` and optional headers. */
export function ok(data: unknown = { id: 1 }, status = 200, headers: Record<string, string> = {}): Outcome {
  return { response: new Response(null, { status, headers }), data, error: undefined };
}

/** An error outcome, as the attempt builds it for an error status. */
export function failed(status: number, headers: Record<string, string> = {}, retryAfterMs?: number): Outcome {
  const error: ApiError = errorFromResponse({
    status,
    headers,
    body: undefined,
    method: 'GET',
    url: 'https://api.test/users/1',
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
  return { response: new Response(null, { status, headers }), data: undefined, error };
}

/** A `next` that plays the given results in order (an Error is thrown) and records the context it saw. */
export function script(...results: (Outcome | Error)[]) {
  const seen: { attempt: number; headers: Record<string, string> }[] = [];
  let i = 0;
  const next = (ctx: CallContext) => () => {
    seen.push({ attempt: ctx.attempt, headers: { ...ctx.headers } });
    const r = results[Math.min(i++, results.length - 1)]!;
    return r instanceof Error ? Promise.reject(r) : Promise.resolve(r);
  };
  return { next, seen, calls: () => i };
}
