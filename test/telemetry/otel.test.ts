// OpenTelemetry: with @opentelemetry/api installed (a devDependency here) the client records a span per
// call and per attempt, and counts retries and breaker openings. Checked with the in-memory exporters.
import { metrics, trace } from '@opentelemetry/api';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InternalServerError, UserManagementClient } from '../../src/index.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';

const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({
  exporter: metricExporter,
  exportIntervalMillis: 3_600_000,
});
let server: FaultServer;

beforeAll(async () => {
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
  );
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  await reader.shutdown();
  trace.disable();
  metrics.disable();
});
beforeEach(() => {
  server.reset();
  spans.reset();
});

const client = (extra = {}) =>
  new UserManagementClient({
    baseUrl: server.url,
    apiKey: 'k',
    logLevel: 'off',
    backoff: { baseDelayMs: 0, maxDelayMs: 0 },
    ...extra,
  });

async function counter(name: string): Promise<number> {
  await reader.forceFlush();
  const all = metricExporter.getMetrics().flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics));
  const found = all.filter((m) => m.descriptor.name === name).at(-1);
  return found ? found.dataPoints.reduce((s, p) => s + (p.value as number), 0) : 0;
}

describe('OpenTelemetry', () => {
  it('records a call span with one child span per attempt, carrying HTTP semantic-convention attributes', async () => {
    server.script([{ kind: 'respond', status: 503 }]);
    await client().users.get(1);
    const finished = spans.getFinishedSpans();
    const call = finished.find((s) => s.name === 'getUser')!;
    const attempts = finished.filter((s) => s.name === 'GET /users/{id}');
    expect(call).toBeDefined();
    expect(attempts).toHaveLength(2);
    for (const a of attempts) expect(a.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
    expect(attempts[0]!.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.template': '/users/{id}',
      'http.response.status_code': 503,
      'error.type': '503',
      'server.address': '127.0.0.1',
    });
    expect(attempts[1]!.attributes).toMatchObject({
      'http.response.status_code': 200,
      'http.request.resend_count': 1,
    });
    expect(attempts[1]!.attributes['user_management.request_id']).toMatch(/^req-/);
    expect(call.attributes).toMatchObject({
      'user_management.retry_count': 1,
      'http.response.status_code': 200,
    });
  });

  it('propagates trace context to the server (traceparent)', async () => {
    await client().users.get(1);
    const attempt = spans.getFinishedSpans().find((s) => s.name === 'GET /users/{id}')!;
    // No propagator is registered globally here, so inject is a no-op; the span ids still line up.
    expect(attempt.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('marks a failed call span as an error', async () => {
    server.setDefault({ kind: 'respond', status: 500 });
    await expect(client({ maxRetries: 0 }).users.get(1)).rejects.toBeInstanceOf(InternalServerError);
    const call = spans.getFinishedSpans().find((s) => s.name === 'getUser')!;
    expect(call.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(call.attributes['error.type']).toBe('500');
  });

  it('counts retries and breaker openings', async () => {
    const retriesBefore = await counter('user_management.client.retries');
    const opensBefore = await counter('user_management.client.circuit_breaker.openings');
    server.setDefault({ kind: 'respond', status: 503 });
    const c = client({ maxRetries: 1, retryBudget: false });
    for (let i = 0; i < 3; i++) await c.users.get(1).catch(() => undefined);
    expect((await counter('user_management.client.retries')) - retriesBefore).toBe(2);
    expect((await counter('user_management.client.circuit_breaker.openings')) - opensBefore).toBe(1);
  });

  it('skips attempt spans when nothing records them and nothing propagates, and injects trace context when a propagator is registered', async () => {
    const started: string[] = [];
    const fakeApi = (recording: boolean, fields: string[]) => ({
      trace: {
        getTracer: () => ({
          startSpan: (name: string) => {
            started.push(name);
            return {
              setAttribute: () => undefined,
              setStatus: () => undefined,
              end: () => undefined,
              isRecording: () => recording,
            };
          },
        }),
        setSpan: (ctx: unknown) => ctx,
      },
      context: { active: () => ({}) },
      metrics: { getMeter: () => ({ createCounter: () => ({ add: () => undefined }) }) },
      propagation: {
        inject: (_ctx: unknown, carrier: Record<string, string>) => {
          for (const f of fields) carrier[f] = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
        },
        fields: () => fields,
      },
      SpanKind: { INTERNAL: 0, CLIENT: 2 },
      SpanStatusCode: { ERROR: 2 },
    });
    await client({ telemetry: fakeApi(false, []) }).users.get(1);
    expect(started).toEqual(['getUser']);
    expect(server.requests[0]!.headers.traceparent).toBeUndefined();

    started.length = 0;
    await client({ telemetry: fakeApi(false, ['traceparent']) }).users.get(1);
    expect(started).toEqual(['getUser', 'GET /users/{id}']);
    expect(server.requests[1]!.headers.traceparent).toMatch(/^00-/);
  });

  it('records nothing when switched off with telemetry: false', async () => {
    await client({ telemetry: false }).users.get(1);
    expect(spans.getFinishedSpans()).toHaveLength(0);
  });
});
