// Alerts (onAlert, the CLI's webhook) and OpenTelemetry counters per outcome. Alert delivery never
// fails the run: a throwing hook or an unreachable webhook is reported on stderr and ignored.
import { createRequire } from 'node:module';
import type { OpenTelemetryApi } from 'user-management-sdk';
import type { SyncAlert, SyncOutcome } from './types.js';

/** Sends each alert kind at most once per run; `settled` waits for the deliveries under way. */
export function createAlerter(onAlert: ((alert: SyncAlert) => void | Promise<void>) | undefined): {
  send(alert: SyncAlert): Promise<void>;
  settled(): Promise<void>;
} {
  const sent = new Set<string>();
  const pending = new Set<Promise<void>>();
  const deliver = async (alert: SyncAlert): Promise<void> => {
    try {
      await onAlert?.(alert);
    } catch (err) {
      process.stderr.write(
        `sync: the alert hook failed: ${err instanceof Error ? err.message : String(err)}\n`,
      );
    }
  };
  return {
    send(alert) {
      if (!onAlert || sent.has(alert.kind)) return Promise.resolve();
      sent.add(alert.kind);
      const p = deliver(alert).finally(() => pending.delete(p));
      pending.add(p);
      return p;
    },
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}

/** An `onAlert` that POSTs the alert as JSON to `url` (5 s timeout). */
export function webhookAlert(
  url: string,
  fetchImpl: typeof fetch = fetch,
): (alert: SyncAlert) => Promise<void> {
  return async (alert) => {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alert),
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`the alert webhook answered ${String(res.status)}`);
  };
}

/** Counts records per outcome (`user_management.sync.records`), when OpenTelemetry is on. */
export function createOutcomeCounter(
  telemetry: OpenTelemetryApi | false | undefined,
): (outcome: SyncOutcome, reason?: string) => void {
  const api = telemetry === false ? undefined : (telemetry ?? loadOpenTelemetry());
  if (!api) return () => undefined;
  const counter = api.metrics
    .getMeter('user-management-sdk/sync')
    .createCounter('user_management.sync.records', {
      description: 'Records synced, per outcome',
      unit: '{record}',
    });
  return (outcome, reason) => {
    counter.add(1, reason === undefined ? { outcome } : { outcome, reason });
  };
}

function loadOpenTelemetry(): OpenTelemetryApi | undefined {
  try {
    return createRequire(import.meta.url)('@opentelemetry/api') as OpenTelemetryApi;
  } catch {
    return undefined;
  }
}
