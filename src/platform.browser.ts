// Browser stand-in for platform.ts: no environment variables, no User-Agent of ours, and
// OpenTelemetry only when passed explicitly (`telemetry: await import('@opentelemetry/api')`).

export function readEnvVar(): string | undefined {
  return undefined;
}

export function userAgent(): string | undefined {
  return undefined;
}

export function allowSharedSignal(): void {
  // Browsers do not warn about many listeners on one signal.
}

export function loadOpenTelemetry(): unknown {
  return null;
}
