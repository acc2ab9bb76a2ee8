// Browser stand-in for platform.ts: no environment variables, no User-Agent of ours, and
// OpenTelemetry only when passed explicitly (`telemetry: await import('@opentelemetry/api')`).
import type { EnvValues } from './env.js';
import type { OpenTelemetryApi } from './telemetry/otel.js';

export function readEnv(): EnvValues {
  return {};
}

export function userAgent(): string | undefined {
  return undefined;
}

export function allowSharedSignal(): void {
  // Browsers do not warn about many listeners on one signal.
}

export function loadOpenTelemetry(): OpenTelemetryApi | null {
  return null;
}
