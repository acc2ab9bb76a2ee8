// One run of the engine: resolve options, open the state (resuming an unfinished run of the same
// source), open the outputs, run, then save the state and write the report.
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createAlerter, createOutcomeCounter } from './alerts.js';
import { createCodec } from './crypto.js';
import { runEngine, type Clock } from './engine.js';
import { createHasher } from './fields.js';
import { resolveSyncOptions } from './options.js';
import { dropUnjournaled, fileOutputs, memoryOutputs } from './outputs.js';
import { countRecords, describeSource, readSource, type SourceItem, type SyncSource } from './sources.js';
import { SyncState } from './state.js';
import { emptyTotals } from './tally.js';
import type { SyncTarget } from './target.js';
import type { SyncOptions, SyncReport } from './types.js';
import { createValidator } from './validate.js';

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    }),
};

/** The engine against any target: syncUsers and reprocessDeadLetters use the client's, tests an in-memory one. */
export async function runSync(
  target: SyncTarget,
  source: SyncSource | { readonly items: readonly SourceItem[] },
  options: SyncOptions,
  kind: 'sync' | 'reprocess',
  clock: Clock = realClock,
): Promise<SyncReport> {
  const o = resolveSyncOptions(options);
  const codec = createCodec(o.encryptionKey);
  const items = typeof source === 'object' && 'items' in source ? source.items : undefined;
  const fileOrIterable = source as SyncSource;
  const sourceId = items ? `reprocess:${String(items.length)}` : await describeSource(fileOrIterable);
  const expectedTotal = options.expectedTotal ?? (items ? items.length : await countRecords(fileOrIterable));
  const state =
    o.stateDir === undefined || (o.dryRun && !existsSync(o.stateDir))
      ? SyncState.memory(codec)
      : await SyncState.open(o.stateDir, codec, { readOnly: o.dryRun });
  const signal = options.signal ?? new AbortController().signal;
  try {
    const previous = state.run;
    const run = state.begin(kind, o.key, sourceId, clock.now());
    const isResume = previous?.id === run.id;
    if (isResume && o.reportDir !== undefined && !o.dryRun)
      await dropUnjournaled(o.reportDir, codec, (row) => state.doneRows.has(row));
    const outputs =
      o.reportDir === undefined || o.dryRun
        ? memoryOutputs()
        : fileOutputs(o.reportDir, codec, !isResume && kind === 'sync');
    const alerter = createAlerter(options.onAlert);
    // The breaker alert comes from the client's own state change, when the application wired it in.
    const unsubscribe = options.circuitEvents?.subscribe((change) => {
      if (change.to !== 'open') return;
      void alerter.send({
        kind: 'breaker-open',
        message: `The circuit breaker for ${change.origin} opened: the API is failing or unreachable.`,
        runId: run.id,
        totals: { ...(state.tally?.totals ?? emptyTotals()) },
        at: new Date(clock.now()).toISOString(),
      });
    });
    try {
      const report = await runEngine(
        items ? (Readable.from(items) as AsyncIterable<SourceItem>) : readSource(fileOrIterable),
        {
          kind,
          runId: run.id,
          record: {
            target,
            key: o.key,
            map: o.map,
            conflict: o.conflict,
            dryRun: o.dryRun,
            runId: run.id,
            hash: createHasher(state.salt),
            validator: createValidator(),
            signal,
          },
          state,
          outputs,
          concurrency: o.concurrency,
          deleteMissing: o.deleteMissing,
          deleteThreshold: o.deleteThreshold,
          force: o.force,
          expectedTotal,
          alertFailureShare: o.alertFailureShare,
          alerter,
          hasCircuitEvents: options.circuitEvents !== undefined,
          count: createOutcomeCounter(options.telemetry),
          onProgress: options.onProgress,
          clock,
        },
      );
      if (!o.dryRun) {
        if (report.status !== 'aborted') state.finish(report.status, clock.now(), report.totals);
        outputs.writeReport(report);
      }
      return report;
    } finally {
      unsubscribe?.();
      outputs.close();
    }
  } finally {
    state.close();
  }
}
