// With @opentelemetry/api installed but no SDK registered (the default of many applications), a call
// makes no spans at all: they would be no-op ones, and nothing would propagate. An SDK or propagator
// registered later is seen on the next call.
import * as api from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { Telemetry } from '../../src/telemetry/otel.js';

const call = { operationId: 'getUser', method: 'GET', template: '/users/{id}', url: 'http://h/users/1' };

afterEach(() => {
  api.trace.disable();
  api.propagation.disable();
});

describe('telemetry with @opentelemetry/api but no SDK', () => {
  it('starts no span while no SDK is registered, and records spans once one is', () => {
    const telemetry = new Telemetry(api, 'http://h');
    expect(telemetry.isIdle()).toBe(true);
    expect(telemetry.startCall(call)).toBeUndefined();

    const spans = new InMemorySpanExporter();
    api.trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
    );
    expect(telemetry.isIdle()).toBe(false);
    const trace = telemetry.startCall(call);
    expect(trace).toBeDefined();
    trace?.attempt(1, {}).end(200, undefined, undefined);
    trace?.end(200, undefined, 0);
    expect(spans.getFinishedSpans().map((s) => s.name)).toEqual(['GET /users/{id}', 'getUser']);

    api.trace.disable();
    expect(telemetry.startCall(call)).toBeUndefined();
  });

  it('keeps the spans when a propagator is registered, so trace context still goes out', () => {
    const telemetry = new Telemetry(api, 'http://h');
    api.propagation.setGlobalPropagator({
      inject: (_ctx, carrier: Record<string, string>) => {
        carrier.traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
      },
      extract: (ctx) => ctx,
      fields: () => ['traceparent'],
    });
    expect(telemetry.isIdle()).toBe(false);
    const attempt = telemetry.startCall(call)?.attempt(1, {});
    expect(attempt?.headers?.traceparent).toMatch(/^00-/);
  });

  it('never skips for a module that is not the real API (nothing to tell its no-op provider by)', () => {
    const fake = { ...api, ProxyTracerProvider: undefined } as unknown as typeof api;
    expect(new Telemetry(fake, 'http://h').isIdle()).toBe(false);
  });
});
