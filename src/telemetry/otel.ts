// OpenTelemetry traces and metrics, only when @opentelemetry/api is present (an optional peer).
// Structural types instead of importing the package, so our typings never require it.
// Attribute names follow the OpenTelemetry HTTP client semantic conventions.
import { SDK_VERSION } from '../version.js';

type Attributes = Record<string, string | number | boolean | undefined>;
type Context = unknown;

interface Span {
  setAttribute(key: string, value: string | number | boolean): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}

/** The parts of `@opentelemetry/api` the SDK uses; pass the module itself (`import * as api from '@opentelemetry/api'`). */
export interface OpenTelemetryApi {
  trace: {
    getTracer(name: string, version?: string): { startSpan(name: string, options?: { kind?: number; attributes?: Attributes }, context?: Context): Span };
    setSpan(context: Context, span: Span): Context;
  };
  context: { active(): Context };
  metrics: { getMeter(name: string, version?: string): { createCounter(name: string, options?: { description?: string; unit?: string }): { add(value: number, attributes?: Attributes): void } } };
  propagation: { inject(context: Context, carrier: Record<string, string>): void };
  SpanKind: { INTERNAL: number; CLIENT: number };
  SpanStatusCode: { ERROR: number };
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
  attempt(n: number, headers: Record<string, string> | undefined): { headers: Record<string, string>; end(status: number | undefined, error: Error | undefined, requestId: string | undefined): void };
  end(status: number | undefined, error: Error | undefined, retries: number): void;
}

export class Telemetry {
  private readonly api: OpenTelemetryApi;
  private readonly tracer: ReturnType<OpenTelemetryApi['trace']['getTracer']>;
  private readonly retries: { add(value: number, attributes?: Attributes): void };
  private readonly breakerOpenings: { add(value: number, attributes?: Attributes): void };
  private readonly server: { address: string; port: number };

  constructor(api: OpenTelemetryApi, origin: string) {
    this.api = api;
    this.tracer = api.trace.getTracer('user-management-sdk', SDK_VERSION);
    const meter = api.metrics.getMeter('user-management-sdk', SDK_VERSION);
    this.retries = meter.createCounter('user_management.client.retries', { description: 'Retries made by the SDK', unit: '{retry}' });
    this.breakerOpenings = meter.createCounter('user_management.client.circuit_breaker.openings', {
      description: 'Times a circuit breaker opened',
      unit: '{opening}',
    });
    const u = new URL(origin);
    this.server = { address: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)) };
  }

  recordRetry(operationId: string, reason: string): void {
    this.retries.add(1, { 'user_management.operation_id': operationId, 'user_management.retry_reason': reason });
  }

  recordBreakerOpen(origin: string): void {
    this.breakerOpenings.add(1, { 'server.address': this.server.address, 'user_management.origin': origin });
  }

  startCall(call: CallInfo): CallTrace {
    const { api, tracer, server } = this;
    const base: Attributes = {
      'http.request.method': call.method,
      'url.template': call.template,
      'server.address': server.address,
      'server.port': server.port,
      'user_management.operation_id': call.operationId,
    };
    const callSpan = tracer.startSpan(call.operationId, { kind: api.SpanKind.INTERNAL, attributes: base });
    const parent = api.trace.setSpan(api.context.active(), callSpan);
    return {
      attempt(n, headers) {
        const span = tracer.startSpan(`${call.method} ${call.template}`, {
          kind: api.SpanKind.CLIENT,
          attributes: { ...base, 'url.full': call.url, ...(n > 1 ? { 'http.request.resend_count': n - 1 } : {}) },
        }, parent);
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

function finish(api: OpenTelemetryApi, span: Span, status: number | undefined, error: Error | undefined): void {
  if (status !== undefined) span.setAttribute('http.response.status_code', status);
  if (error) {
    span.setAttribute('error.type', status !== undefined && status >= 400 ? String(status) : error.name);
    span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
  }
}
