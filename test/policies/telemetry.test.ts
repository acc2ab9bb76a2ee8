import { describe, expect, it } from 'vitest';
import { InternalServerError } from '../../src/errors.js';
import {
  createTelemetryHandle,
  resolveTelemetry,
  telemetryAttemptPolicy,
  telemetryCallPolicy,
  type TelemetryHandle,
} from '../../src/policies/telemetry.js';
import type { CallTrace } from '../../src/telemetry/otel.js';
import { failed, fakeContext, ok } from './fake.js';

/** A CallTrace that records what the policies tell it. */
function recordingTrace() {
  const events: string[] = [];
  const trace: CallTrace = {
    attempt(n, headers) {
      events.push(`attempt ${n}`);
      return {
        headers: { ...headers, traceparent: `00-trace-${n}-01` },
        end: (status) => events.push(`attempt ${n} end ${status ?? 'none'}`),
      };
    },
    end: (status, error, retries) =>
      events.push(`call end ${status ?? 'none'} ${error?.name ?? 'ok'} ${retries}`),
  };
  return { trace, events };
}

function handleWith(trace: CallTrace): TelemetryHandle {
  const telemetry = { startCall: () => trace } as unknown as ReturnType<TelemetryHandle['get']>;
  return { get: () => telemetry, current: () => telemetry };
}

describe('telemetry policies', () => {
  it('opens a call span outside the retries and an attempt span, with trace headers, inside them', async () => {
    const { trace, events } = recordingTrace();
    const call = telemetryCallPolicy(handleWith(trace), () => 0);
    const attempt = telemetryAttemptPolicy();
    const ctx = fakeContext();
    let sentHeaders: Record<string, string> = {};

    await call(ctx, () => {
      ctx.attempt = 1;
      return attempt(ctx, () => {
        sentHeaders = { ...ctx.headers };
        return Promise.resolve(ok());
      });
    });

    expect(sentHeaders.traceparent).toBe('00-trace-1-01');
    expect(events).toEqual(['attempt 1', 'attempt 1 end 200', 'call end 200 ok 0']);
  });

  it('ends the call span with the error the call throws', async () => {
    const { trace, events } = recordingTrace();
    const ctx = fakeContext();

    await expect(
      telemetryCallPolicy(handleWith(trace), () => 0)(ctx, () => Promise.reject(failed(503).error!)),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(events).toEqual(['call end 503 InternalServerError 0']);
  });

  it('passes straight through when there is no OpenTelemetry', async () => {
    const ctx = fakeContext();
    const none: TelemetryHandle = { get: () => null, current: () => null };

    await expect(telemetryCallPolicy(none, () => 0)(ctx, () => Promise.resolve(ok()))).resolves.toBeDefined();
    await expect(telemetryAttemptPolicy()(ctx, () => Promise.resolve(ok()))).resolves.toBeDefined();
    expect(ctx.trace).toBeUndefined();
  });

  it('looks @opentelemetry/api up on first use only, and checks a passed module', () => {
    const handle = createTelemetryHandle(undefined, 'https://api.test');
    expect(handle.current()).toBeUndefined();
    expect(() => resolveTelemetry({ telemetry: {} as never })).toThrow(
      /telemetry must be the @opentelemetry\/api module/,
    );
  });
});
