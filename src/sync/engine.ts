// The run: choose how to match, stream the source through a bounded pool of in-flight records, journal
// each result, delete what is missing, write the report. Records never stop the run; an abort stops
// pulling new records, lets those in flight finish and leaves the state resumable.
import type { createAlerter } from './alerts.js';
import { classify } from './classify.js';
import { PAGE_SIZE } from './client-target.js';
import type { Outputs } from './outputs.js';
import { apply, prepare, type RecordContext, type RecordResult } from './record.js';
import { ScanIndex } from './scan-index.js';
import type { SourceItem } from './sources.js';
import type { SyncState } from './state.js';
import type { SyncTarget } from './target.js';
import type { SyncAlert, SyncPlanEntry, SyncProgress, SyncReport, SyncStatus } from './types.js';

/** Tries of one record while the API says to slow down (429) before it is dead-lettered. */
const SLOW_DOWN_TRIES = 8;
/** At most this many planned changes are kept in a dry run's report. */
const MAX_PLAN = 10_000;
/** Failures before the failure share may raise an alert (a few early failures are not a trend). */
const ALERT_MIN_RECORDS = 20;

/** Time, injectable for tests. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface EngineOptions {
  readonly kind: 'sync' | 'reprocess';
  readonly runId: string;
  readonly record: Omit<RecordContext, 'index' | 'seen' | 'bases'>;
  readonly state: SyncState;
  readonly outputs: Outputs;
  readonly concurrency: number;
  readonly deleteMissing: boolean;
  readonly deleteThreshold: number;
  readonly force: boolean;
  readonly expectedTotal: number | undefined;
  readonly alertFailureShare: number;
  readonly alerter: ReturnType<typeof createAlerter>;
  /**
   * Whether the client's circuit-breaker events are wired in (runSync alerts from them); otherwise an
   * open breaker is inferred from a CircuitOpenError.
   */
  readonly hasCircuitEvents: boolean;
  readonly count: (outcome: RecordResult['outcome'], reason?: string) => void;
  readonly onProgress: ((p: SyncProgress) => void) | undefined;
  readonly clock: Clock;
}

export async function runEngine(items: AsyncIterable<SourceItem>, o: EngineOptions): Promise<SyncReport> {
  const { state, outputs, clock } = o;
  const target: SyncTarget = o.record.target;
  const signal = o.record.signal;
  const tally = state.tally;
  if (!tally) throw new Error('runEngine: the state has no run');
  const plan: SyncPlanEntry[] = [];
  let status: SyncStatus = 'completed';
  let error: string | undefined;
  let deletesRefused: number | undefined;
  let pausedUntil = 0;

  const alert = (kind: SyncAlert['kind'], message: string): Promise<void> =>
    o.alerter.send({
      kind,
      message,
      runId: o.runId,
      totals: { ...tally.totals },
      at: new Date(clock.now()).toISOString(),
    });

  // Matching: one filtered request per record, or one paged scan, whichever costs fewer requests. Set up
  // inside the run's try (below): a server that is gone at the start fails the run, with its alert.
  let useScan = o.deleteMissing;
  let index: ScanIndex | undefined;
  const ctx: RecordContext & { index: ScanIndex | undefined } = {
    ...o.record,
    index: undefined,
    seen: state.seenKeys(),
    bases: state.bases,
  };
  const match = async (): Promise<AsyncIterable<SourceItem>> => {
    const total = o.deleteMissing ? undefined : await target.count(signal);
    const pages = total === undefined ? Infinity : Math.ceil(total / PAGE_SIZE);
    const remaining = o.expectedTotal === undefined ? undefined : o.expectedTotal - state.doneRows.size;
    let source = items;
    if (!o.deleteMissing && remaining !== undefined) useScan = remaining > pages;
    if (!o.deleteMissing && remaining === undefined && Number.isFinite(pages)) {
      // Size unknown (an iterable): read ahead up to `pages` records; more than that → scan.
      const ahead = await readAhead(items, pages + 1);
      useScan = ahead.buffered.length > pages;
      source = ahead.items;
    }
    if (useScan) {
      index = new ScanIndex(state.tempMap('scan'), o.record.hash, state.codec);
      for await (const user of target.scan(signal)) index.add(user[o.record.key], user);
      ctx.index = index;
    }
    return source;
  };

  const finishRecord = (row: number, r: RecordResult): void => {
    if (r.deadLetter) outputs.deadLetter(r.deadLetter);
    if (r.conflict) outputs.conflict(r.conflict, row);
    if (r.plan && plan.length < MAX_PLAN) plan.push(r.plan);
    const failure = r.deadLetter
      ? {
          reason: r.deadLetter.reason,
          error: r.deadLetter.error,
          message: r.deadLetter.message,
          retryable: r.deadLetter.retryable,
        }
      : undefined;
    // A dry run journals nothing: its state must look untouched afterwards.
    if (ctx.dryRun) tally.add(r.outcome, clock.now(), failure, r.conflict !== undefined);
    else
      state.record(
        {
          row,
          outcome: r.outcome,
          keyHash: r.keyHash,
          id: r.id,
          hashes: r.hashes,
          sourceHashes: r.sourceHashes,
          failure,
          conflict: r.conflict !== undefined,
        },
        clock.now(),
      );
    o.count(r.outcome, failure?.reason);
    if (r.breakerOpen && !o.hasCircuitEvents)
      void alert('breaker-open', 'The circuit breaker opened: the API is failing or unreachable.');
    const t = tally.totals;
    if (t.failed > 0 && t.read >= ALERT_MIN_RECORDS && t.failed / t.read > o.alertFailureShare)
      void alert(
        'failure-threshold',
        `${String(t.failed)} of ${String(t.read)} records failed (over ${String(o.alertFailureShare * 100)} %).`,
      );
    o.onProgress?.({ done: tally.done, total: o.expectedTotal, totals: { ...t } });
  };

  const processItem = async (item: SourceItem): Promise<void> => {
    const done = state.doneRows.has(item.row);
    const prepared = await prepare(ctx, item);
    if (done) return; // prepared anyway, so its key counts for duplicate detection
    if ('outcome' in prepared) {
      finishRecord(item.row, prepared);
      return;
    }
    for (let tries = 1; ; tries++) {
      if (pausedUntil > clock.now()) await clock.sleep(pausedUntil - clock.now(), signal);
      if (signal.aborted) return;
      let result: RecordResult;
      try {
        result = await apply(ctx, item, prepared);
      } catch (err) {
        if (isAborted(signal)) return; // left undone: a resumed run does it
        throw err;
      }
      if (result.slowDownMs !== undefined && tries < SLOW_DOWN_TRIES) {
        // The API asked everyone to wait: pause the whole run, not just this record.
        pausedUntil = Math.max(pausedUntil, clock.now() + result.slowDownMs);
        continue;
      }
      if (result.slowDownMs !== undefined)
        result = {
          outcome: 'failed',
          deadLetter: {
            record: item.record ?? '',
            key: prepared.keyValue,
            reason: 'rate-limited',
            error: 'RateLimitError',
            message: `Still rate limited after ${String(SLOW_DOWN_TRIES)} tries.`,
            retryable: true,
            row: item.row,
          },
        };
      finishRecord(item.row, result);
      return;
    }
  };

  try {
    await pool(await match(), o.concurrency, signal, processItem);
    if (o.deleteMissing && index && !signal.aborted) {
      const seen = ctx.seen;
      const scanned = index;
      // Streamed twice (count, then delete) rather than collected: the API may hold millions of users.
      const missing = function* (): Generator<{ key: string; id: number }> {
        for (const u of scanned.keys()) if (!seen.has(ctx.hash(u.key))) yield u;
      };
      const missingCount = count(missing());
      if (scanned.size > 0 && missingCount / scanned.size > o.deleteThreshold && !o.force) {
        deletesRefused = missingCount;
        status = 'failed';
        error = `Refused to delete ${String(missingCount)} of ${String(scanned.size)} users (more than ${String(o.deleteThreshold * 100)} %) without force.`;
      } else
        await pool(missing(), o.concurrency, signal, async (user) => {
          const row = -user.id; // deletes are rows too (negative ids), so a resume does not repeat them
          if (state.doneRows.has(row)) return;
          const keyValue = user.key;
          if (ctx.dryRun) {
            finishRecord(row, {
              outcome: 'deleted',
              plan: { action: 'delete', key: keyValue, id: user.id },
            });
            return;
          }
          try {
            await target.delete(user.id, signal);
            finishRecord(row, { outcome: 'deleted', keyHash: ctx.hash(keyValue), id: user.id });
          } catch (err) {
            if (signal.aborted) return;
            const c = classify(err);
            finishRecord(row, {
              outcome: 'failed',
              deadLetter: {
                record: { id: user.id, [o.record.key]: keyValue },
                key: keyValue,
                reason: c.reason,
                error: c.error,
                message: `delete: ${c.message}`,
                retryable: c.retryable,
                row,
              },
            });
          }
        });
    }
  } catch (err) {
    status = 'failed';
    error = err instanceof Error ? err.message : String(err);
  }
  if (signal.aborted && status === 'completed') status = 'aborted';
  if (status === 'failed') await alert('run-failed', `The sync run failed: ${error ?? 'unknown error'}`);
  await o.alerter.settled();

  const report: SyncReport = {
    runId: o.runId,
    kind: o.kind,
    status,
    ...(error === undefined ? {} : { error }),
    dryRun: ctx.dryRun,
    key: o.record.key,
    matching: useScan ? 'scan' : 'filter',
    startedAt: new Date(tally.startedAtMs).toISOString(),
    finishedAt: new Date(clock.now()).toISOString(),
    resumes: state.resumes,
    totals: { ...tally.totals },
    timeline: tally.timeline(),
    errors: tally.errors(),
    conflicts: outputs.conflicts(),
    plan,
    ...(deletesRefused === undefined ? {} : { deletesRefused }),
    ...(outputs.deadLetterFile === undefined ? {} : { deadLetterFile: outputs.deadLetterFile }),
  };
  return report;
}

/** Runs `work` over `items` with at most `limit` in flight; stops pulling when `signal` aborts. */
async function pool<T>(
  items: AsyncIterable<T> | Iterable<T>,
  limit: number,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const inflight = new Set<Promise<void>>();
  let failure: unknown;
  for await (const item of items) {
    if (signal.aborted || failure !== undefined) break;
    const p: Promise<void> = work(item)
      .catch((err: unknown) => {
        failure ??= err;
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
    while (inflight.size >= limit) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  if (failure !== undefined)
    throw failure instanceof Error ? failure : new Error('A record failed unexpectedly.', { cause: failure });
}

async function readAhead<T>(
  items: AsyncIterable<T>,
  n: number,
): Promise<{ buffered: T[]; items: AsyncIterable<T> }> {
  const it = items[Symbol.asyncIterator]();
  const buffered: T[] = [];
  let ended = false;
  while (buffered.length < n) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    buffered.push(next.value);
  }
  return {
    buffered,
    items: (async function* () {
      yield* buffered;
      if (ended) return;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    })(),
  };
}

function count(items: Iterable<unknown>): number {
  let n = 0;
  const it = items[Symbol.iterator]();
  while (!it.next().done) n++;
  return n;
}

/** Reads `signal.aborted` afresh (after an await, the type checker's narrowing no longer holds). */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}
