// OpenTelemetry traces and metrics, only when @opentelemetry/api is present (an optional peer).
// Structural types instead of importing the package, so our typings never require it.
// Attribute names follow the OpenTelemetry HTTP client semantic conventions.
import { SDK_VERSION } from '../version.js';

/**
 * Span or metric attributes, by OpenTelemetry attribute name.
 * @inline
 */
type Attributes = Record<string, string | number | boolean | undefined>;
type Context = unknown;

/**
 * The parts of an OpenTelemetry span the SDK uses.
 * @inline
 */
interface Span {
  /** Sets one attribute on the span. */
  setAttribute(key: string, value: string | number | boolean): unknown;
  /** Sets the span's status; the SDK sets only errors. */
  setStatus(status: { code: number; message?: string }): unknown;
  /** Ends the span. */
  end(): void;
  /** Whether anything records this span (false for the no-op tracer or an unsampled trace). */
  isRecording(): boolean;
}

/** The parts of `@opentelemetry/api` the SDK uses; pass the module itself (`import * as api from '@opentelemetry/api'`). */
export interface OpenTelemetryApi {
  /** The tracing API. */
  trace: {
    /** Returns the tracer of the named instrumentation library. */
    getTracer(
      name: string,
      version?: string,
    ): {
      /** Starts a span, as a child of the span in `context` when given. */
      startSpan(name: string, options?: { kind?: number; attributes?: Attributes }, context?: Context): Span;
    };
    /** Returns a copy of `context` with `span` as its active span. */
    setSpan(context: Context, span: Span): Context;
  };
  /** The context API. */
  context: {
    /** Returns the active context. */
    active(): Context;
  };
  /** The metrics API. */
  metrics: {
    /** Returns the meter of the named instrumentation library. */
    getMeter(
      name: string,
      version?: string,
    ): {
      /** Creates a counter that only goes up. */
      createCounter(
        name: string,
        options?: { description?: string; unit?: string },
      ): {
        /** Adds `value` to the counter, under the given attributes. */
        add(value: number, attributes?: Attributes): void;
      };
    };
  };
  /** The propagation API. */
  propagation: {
    /** Writes the trace context of `context` into `carrier`, as request headers. */
    inject(context: Context, carrier: Record<string, string>): void;
    /** The header names the registered propagator writes (empty when none is registered). */
    fields(): string[];
  };
  /** Span kinds. */
  SpanKind: {
    /** An operation inside the application: the SDK's span of a whole call. */
    INTERNAL: number;
    /** An outgoing request: the SDK's span of one attempt. */
    CLIENT: number;
  };
  /** Span status codes. */
  SpanStatusCode: {
    /** The operation failed. */
    ERROR: number;
  };
}

export interface CallInfo {
  readonly operationId: string;
  readonly method: string;
  readonly template: string;
  readonly url: string;
}

/** Spans of one logical call: the call span and one child per attempt. */
export interface CallTrace {
  /** Starts an attempt span and injects trace context into `headers` (which it may create). */
  attempt(
    n: number,
    headers: Record<string, string> | undefined,
  ): {
    headers: Record<string, string> | undefined;
    end(status: number | undefined, error: Error | undefined, requestId: string | undefined): void;
  };
  end(status: number | undefined, error: Error | undefined, retries: number): void;
}

const NO_ATTEMPT = { headers: undefined, end: (): void => undefined };
const NO_TRACE: CallTrace = { attempt: () => NO_ATTEMPT, end: () => undefined };

export class Telemetry {
  private readonly api: OpenTelemetryApi;
  private readonly tracer: ReturnType<OpenTelemetryApi['trace']['getTracer']>;
  private readonly retries: { add(value: number, attributes?: Attributes): void };
  private readonly breakerOpenings: { add(value: number, attributes?: Attributes): void };
  private readonly cacheLookups: { add(value: number, attributes?: Attributes): void };
  private readonly server: { address: string; port: number };
  /**
   * True while nothing can observe a call's spans: `@opentelemetry/api` has no SDK registered (its
   * tracer provider still delegates to the API's own no-op one) and no propagator writes any header.
   * Then the spans would be no-op ones that inject nothing, and the call makes none (the call policy
   * passes straight through, and so does the attempt policy). Checked per call (two calls and
   * `fields()`), so an SDK or propagator registered later is picked up; a module that is not the real
   * API (no ProxyTracerProvider) always gets its spans.
   */
  readonly isIdle: () => boolean;

  constructor(api: OpenTelemetryApi, origin: string) {
    this.api = api;
    this.isIdle = idleCheck(api);
    this.tracer = api.trace.getTracer('user-management-sdk', SDK_VERSION);
    const meter = api.metrics.getMeter('user-management-sdk', SDK_VERSION);
    this.retries = meter.createCounter('user_management.client.retries', {
      description: 'Retries made by the SDK',
      unit: '{retry}',
    });
    this.breakerOpenings = meter.createCounter('user_management.client.circuit_breaker.openings', {
      description: 'Times a circuit breaker opened',
      unit: '{opening}',
    });
    this.cacheLookups = meter.createCounter('user_management.client.cache.lookups', {
      description: 'Cacheable reads by how the response cache answered them: hit, revalidated or miss',
      unit: '{lookup}',
    });
    const u = new URL(origin);
    this.server = { address: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)) };
  }

  recordRetry(operationId: string, reason: string): void {
    this.retries.add(1, {
      'user_management.operation_id': operationId,
      'user_management.retry_reason': reason,
    });
  }

  recordCache(operationId: string, result: string): void {
    this.cacheLookups.add(1, {
      'user_management.operation_id': operationId,
      'user_management.cache.result': result,
    });
  }

  recordBreakerOpen(origin: string): void {
    this.breakerOpenings.add(1, { 'server.address': this.server.address, 'user_management.origin': origin });
  }

  /** The spans of one call, or undefined when nothing would see them (see {@link Telemetry.isIdle}). */
  startCall(call: CallInfo): CallTrace | undefined {
    if (this.isIdle()) return undefined;
    const { api, tracer, server } = this;
    const base: Attributes = {
      'http.request.method': call.method,
      'url.template': call.template,
      'server.address': server.address,
      'server.port': server.port,
      'user_management.operation_id': call.operationId,
    };
    const callSpan = tracer.startSpan(call.operationId, { kind: api.SpanKind.INTERNAL, attributes: base });
    // Nothing records and nothing propagates (the API is installed but no SDK is registered, or the trace
    // is not sampled and there is no propagator): skip the attempt spans. Checked per call, so an SDK
    // registered later is picked up.
    if (!callSpan.isRecording() && api.propagation.fields().length === 0) return NO_TRACE;
    const parent = api.trace.setSpan(api.context.active(), callSpan);
    return {
      attempt(n, headers) {
        const span = tracer.startSpan(
          `${call.method} ${call.template}`,
          {
            kind: api.SpanKind.CLIENT,
            attributes: {
              ...base,
              'url.full': call.url,
              ...(n > 1 ? { 'http.request.resend_count': n - 1 } : {}),
            },
          },
          parent,
        );
        const carrier = { ...headers };
        api.propagation.inject(api.trace.setSpan(parent, span), carrier);
        return {
          headers: carrier,
          end(status, error, requestId) {
            finish(api, span, status, error);
            if (requestId !== undefined) span.setAttribute('user_management.request_id', requestId);
            span.end();
          },
        };
      },
      end(status, error, retries) {
        callSpan.setAttribute('user_management.retry_count', retries);
        finish(api, callSpan, status, error);
        callSpan.end();
      },
    };
  }
}

function finish(
  api: OpenTelemetryApi,
  span: Span,
  status: number | undefined,
  error: Error | undefined,
): void {
  if (status !== undefined) span.setAttribute('http.response.status_code', status);
  if (error) {
    span.setAttribute('error.type', status !== undefined && status >= 400 ? String(status) : error.name);
    span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
  }
}

/**
 * Whether `api` (if it is `@opentelemetry/api`) has no SDK and no propagator registered: its global
 * tracer provider still delegates to the no-op provider a fresh ProxyTracerProvider delegates to.
 */
function idleCheck(api: OpenTelemetryApi): () => boolean {
  type Provider = { getDelegate(): unknown };
  const Proxy = (api as { ProxyTracerProvider?: new () => Provider }).ProxyTracerProvider;
  const trace = api.trace as { getTracerProvider?: () => Provider };
  if (typeof Proxy !== 'function' || !trace.getTracerProvider) return () => false;
  const noop = new Proxy().getDelegate();
  return () => trace.getTracerProvider?.().getDelegate() === noop && api.propagation.fields().length === 0;
}
