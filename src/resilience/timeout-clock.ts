// One clock per client for the attempt timeouts, instead of a setTimeout/clearTimeout pair per attempt
// (the idea of undici's own "fast timers"). Nearly every timeout is cancelled long before it fires, so
// the clock keeps one timer armed for the earliest pending timeout, and an attempt that ends only leaves
// the set of pending ones: a call costs a Set entry, not a timer in Node's timer lists. The timer is
// re-armed only for an earlier timeout than the one it waits for, is unref'd (it never keeps a process
// alive), and is not re-armed once nothing is pending: started by the first attempt, it stops at its
// next firing after the client goes idle. Hand-written because no library offers a per-instance clock
// that follows fake timers and holds no module-level state (undici's fast timers are module-level and
// coarse, ±1 s).
//
// Time is Date.now(), read at each call, so fake timers installed later are seen; when the timer fires,
// its target time is taken to have come even if Date is not faked while setTimeout is.

/** A pending timeout; pass it back to {@link TimeoutClock.cancel}. */
export interface TimeoutEntry {
  /** Date.now() time at which it fires. */
  readonly at: number;
  readonly onTimeout: () => void;
}

/** Timeouts of one client, on one shared timer. */
export interface TimeoutClock {
  /** Calls `onTimeout` after `ms` (at most once) unless cancelled first. */
  watch(ms: number, onTimeout: () => void): TimeoutEntry;
  /** Cancels a pending timeout; does nothing once it fired or was cancelled. */
  cancel(entry: TimeoutEntry): void;
}

type Timer = ReturnType<typeof setTimeout>;

export function createTimeoutClock(): TimeoutClock {
  const pending = new Set<TimeoutEntry>();
  let timer: Timer | undefined;
  let armedAt = Number.POSITIVE_INFINITY;
  // The timer family that armed it: real and fake timers may be swapped in between (tests).
  let armedWith: typeof setTimeout | undefined;
  let clear: (timer: Timer) => void = clearTimeout;

  const arm = (at: number): void => {
    if (timer !== undefined) clear(timer);
    armedWith = globalThis.setTimeout;
    clear = globalThis.clearTimeout;
    armedAt = at;
    timer = armedWith(fire, Math.max(0, at - Date.now()));
    // Node only: browsers', Workers' and Deno's timers are numbers and hold nothing alive.
    (timer as { unref?: () => void }).unref?.();
  };

  function fire(): void {
    const now = Math.max(Date.now(), armedAt);
    timer = undefined;
    armedAt = Number.POSITIVE_INFINITY;
    let next = Number.POSITIVE_INFINITY;
    const due: TimeoutEntry[] = [];
    for (const e of pending) {
      if (e.at <= now) {
        pending.delete(e);
        due.push(e);
      } else if (e.at < next) next = e.at;
    }
    if (next < armedAt) arm(next);
    for (const e of due) e.onTimeout();
  }

  return {
    watch(ms, onTimeout) {
      const entry = { at: Date.now() + ms, onTimeout };
      pending.add(entry);
      if (entry.at < armedAt || armedWith !== globalThis.setTimeout) arm(Math.min(entry.at, armedAt));
      return entry;
    },
    cancel(entry) {
      pending.delete(entry);
    },
  };
}
