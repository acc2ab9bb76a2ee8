// Progress on stderr: a bar with counts, rate and ETA on a terminal (cli-progress), plain lines at most
// every 5 seconds otherwise (CI logs, pipes).
import cliProgress from 'cli-progress';
import type { SyncProgress } from 'user-management-sdk/sync';

export interface ProgressView {
  update(p: SyncProgress): void;
  stop(): void;
}

export function createProgress(
  stream: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean },
  now: () => number = Date.now,
): ProgressView {
  const started = now();
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: stream as NodeJS.WriteStream,
        format:
          'sync {bar} {value}/{total} | {rate}/s | ETA {eta_formatted} | created {created} updated {updated} unchanged {unchanged} failed {failed}',
        etaBuffer: 200,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started_ = false;
    return {
      update(p) {
        const payload = { ...p.totals, rate: rate(p.done, now() - started) };
        const total = Math.max(p.total ?? 0, p.done);
        if (!started_) {
          bar.start(total, p.done, payload);
          started_ = true;
        } else {
          if (total !== bar.getTotal()) bar.setTotal(total);
          bar.update(p.done, payload);
        }
      },
      stop: () => {
        bar.stop();
      },
    };
  }
  let last = started;
  return {
    update(p) {
      if (now() - last < 5_000) return;
      last = now();
      const t = p.totals;
      stream.write(
        `sync: ${String(p.done)}${p.total === undefined ? '' : `/${String(p.total)}`} records, ${rate(p.done, last - started)}/s (created ${String(t.created)}, updated ${String(t.updated)}, unchanged ${String(t.unchanged)}, failed ${String(t.failed)})\n`,
      );
    },
    stop: () => undefined,
  };
}

function rate(done: number, ms: number): string {
  return ms <= 0 ? '0' : (done / (ms / 1000)).toFixed(1);
}
