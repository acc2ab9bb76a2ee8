// OpenTelemetry: a span per call (outside the retries) with a child span per attempt (inside them,
// after auth, so trace headers go out with each attempt), plus retry and breaker-opening counters.
// @opentelemetry/api is looked up on a client's first call, never at import or construction, and the
// adapter (telemetry/otel.ts) is loaded then, only when there is an API to adapt (see load-once.ts).
import { ApiError, ConfigError } from '../errors.js';
import { loadOnce } from '../load-once.js';
import { loadOpenTelemetry } from '../platform.js';
import type { CallTrace, OpenTelemetryApi, Telemetry } from '../telemetry/otel.js';
import type { Outcome } from '../transport/attempt.js';
import { finishError, type CallContext, type Next } from './policy.js';

/** Options of the telemetry policy. */
export interface TelemetryPolicyOptions {
  /**
   * OpenTelemetry: the `@opentelemetry/api` module, or `false` to switch tracing off.
   * @default in Node, `@opentelemetry/api` when the application has it installed; in browsers, off
   */
  telemetry?: OpenTelemetryApi | false | undefined;
}

/** The telemetry policy's options, resolved. */
export interface ResolvedTelemetry {
  readonly telemetry: OpenTelemetryApi | false | undefined;
}

export function resolveTelemetry(options: TelemetryPolicyOptions): ResolvedTelemetry {
  const value = options.telemetry;
  if (value === undefined || value === false) return { telemetry: value };
  // Checked at run time too: plain JavaScript may pass anything.
  const api = value as unknown as {
    trace?: { getTracer?: unknown };
    metrics?: { getMeter?: unknown };
  } | null;
  if (typeof api?.trace?.getTracer !== 'function' || typeof api.metrics?.getMeter !== 'function') {
    throw new ConfigError(
      'telemetry must be the @opentelemetry/api module (import * as api from "@opentelemetry/api") or false.',
    );
  }
  return { telemetry: value };
}

/** A client's telemetry, made on first use. */
export interface TelemetryHandle {
  /** The Telemetry once made (see `prepare`); null when there is none. */
  get(): Telemetry | null;
  /** The Telemetry if already made, without looking anything up. */
  current(): Telemetry | null | undefined;
  /**
   * Looks up @opentelemetry/api and loads the adapter (telemetry/otel.ts) the first time, then makes the
   * Telemetry; absent when there is nothing to make.
   */
  prepare?(): Promise<void>;
}

export function createTelemetryHandle(
  setting: OpenTelemetryApi | undefined,
  origin: string,
): TelemetryHandle {
  let telemetry: Telemetry | null | undefined;
  let adapter: typeof Telemetry | undefined;
  const api = loadOnce('OpenTelemetry', async () => {
    const found = setting ?? (loadOpenTelemetry() as OpenTelemetryApi | null);
    if (found) adapter = (await import('../telemetry/otel.js')).Telemetry;
    return found;
  });
  return {
    async prepare() {
      const found = await api();
      telemetry ??= found && adapter ? new adapter(found, origin) : null;
    },
    get: () => telemetry ?? null,
    current: () => telemetry,
  };
}

/** The call span: covers every attempt and wait; ends with the call's status and retry count. */
export function telemetryCallPolicy(
  handle: TelemetryHandle,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  // Not an async function: a call without a span (no OpenTelemetry SDK registered) goes straight on to
  // `next`, with no promise or microtask turns of this step's own.
  const traced = async (ctx: CallContext, next: Next, trace: CallTrace): Promise<Outcome> => {
    ctx.trace = trace;
    let outcome: Outcome;
    try {
      outcome = await next();
    } catch (err) {
      const error = finishError(ctx, err, now());
      trace.end(error instanceof ApiError ? error.status : undefined, error, ctx.retries);
      throw error;
    }
    trace.end(outcome.response.status, outcome.error, ctx.retries);
    return outcome;
  };
  const start = (ctx: CallContext, next: Next): Promise<Outcome> => {
    const trace = handle.get()?.startCall({
      operationId: ctx.operationId,
      method: ctx.method,
      template: ctx.path,
      url: ctx.url,
    });
    return trace ? traced(ctx, next, trace) : next();
  };
  return (ctx, next) =>
    handle.current() === undefined
      ? (handle.prepare?.() ?? Promise.resolve()).then(() => start(ctx, next))
      : start(ctx, next);
}

/** The attempt span, and its trace context in the attempt's headers. */
export function telemetryAttemptPolicy(): (ctx: CallContext, next: Next) => Promise<Outcome> {
  // As the call step: without a span, straight on to `next`.
  const spanned = async (
    ctx: CallContext,
    next: Next,
    span: ReturnType<CallTrace['attempt']>,
  ): Promise<Outcome> => {
    if (span.headers) ctx.headers = span.headers;
    let outcome: Outcome;
    try {
      outcome = await next();
    } catch (err) {
      span.end(undefined, err instanceof Error ? err : undefined, undefined);
      throw err;
    }
    span.end(
      outcome.response.status,
      outcome.error,
      outcome.response.headers.get('x-request-id') ?? undefined,
    );
    return outcome;
  };
  return (ctx, next) => {
    const span = ctx.trace?.attempt(ctx.attempt, ctx.headers);
    return span ? spanned(ctx, next, span) : next();
  };
}
