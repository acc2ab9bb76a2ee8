// The logging policy's steps (options in ./logging.ts): a module of their own, loaded only by clients that
// log at level info or debug.
import { ApiError } from '../errors.js';
import type { LevelledLogger } from '../logging.js';
import type { Outcome } from '../transport/attempt.js';
import { finishError, type CallContext, type Next } from './policy.js';

/** The info line of a call that failed for good, with its attempts and time. */
export function createLogCallStep(
  log: LevelledLogger,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return async (ctx, next) => {
    try {
      return await next();
    } catch (err) {
      const error = finishError(ctx, err, now());
      log.info(
        `${ctx.description} failed after ${ctx.attempts.length} attempt(s) in ${error.elapsedMs} ms: ${error.message}`,
        {
          operationId: ctx.operationId,
          attempts: ctx.attempts.length,
          ...(error instanceof ApiError
            ? { status: error.status, requestId: error.requestId, body: error.body }
            : {}),
        },
      );
      throw error;
    }
  };
}

/** The debug lines of one attempt: what is sent, and what came back in how long. */
export function createLogAttemptStep(
  log: LevelledLogger,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return async (ctx, next) => {
    const n = ctx.attempt;
    log.debug(`${ctx.description} attempt ${n}`, {
      operationId: ctx.operationId,
      attempt: n,
      headers: ctx.headers,
      body: ctx.body,
    });
    const began = now();
    const outcome = await next();
    const durationMs = now() - began;
    log.debug(`${ctx.description} → ${outcome.response.status} in ${durationMs} ms`, {
      operationId: ctx.operationId,
      attempt: n,
      status: outcome.response.status,
      durationMs,
      requestId: outcome.response.headers.get('x-request-id') ?? undefined,
    });
    return outcome;
  };
}
