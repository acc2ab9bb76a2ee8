// One clock per client for the attempt timeouts, instead of a setTimeout/clearTimeout pair per attempt
// (the idea of undici's own "fast timers"). Nearly every timeout is cancelled long before it fires, so
// the clock keeps one timer armed for the earliest pending timeout and, when an attempt ends, only marks
// its entry done: a call costs an entry in an array, not a timer in Node's timer lists. The timer is
// re-armed only for an earlier timeout than the one it waits for, is unref'd (it never keeps a process
// alive), and is not re-armed once nothing is pending: started by the first attempt, it stops at its
// next firing after the client goes idle. Hand-written because no library offers a per-instance clock
// that follows fake timers and holds no module-level state (undici's fast timers are module-level and
// coarse, ±1 s).
//
// Time is read from Date.now() at each call (fake timers installed later are seen), never running
// backwards: when the timer fires, the clock takes it that its target time has come, even if Date is
// not faked while setTimeout is.

/** A pending timeout; pass it back to {@link TimeoutClock.cancel}. */
export interface TimeoutEntry {
  /** Clock time (ms) at which it fires. */
  readonly at: number;
  /** 0 pending, 1 cancelled, 2 fired. */
  state: number;
  readonly onTimeout: () => void;
}

/** Timeouts of one client, on one shared timer. */
export interface TimeoutClock {
  /** Calls `onTimeout` after `ms` (at most once) unless cancelled first. */
  watch(ms: number, onTimeout: () => void): TimeoutEntry;
  /** Cancels a pending timeout; does nothing once it fired or was cancelled. */
  cancel(entry: TimeoutEntry): void;
  /** Timeouts still pending, for tests. */
  readonly pending: number;
}

const PENDING = 0;
const CANCELLED = 1;
const FIRED = 2;

type Timer = ReturnType<typeof setTimeout>;

export function createTimeoutClock(): TimeoutClock {
  // Entries in the order they were made; cancelled ones are dropped when nothing is pending or when
  // they outnumber the pending ones, so the array stays within twice the attempts in flight.
  let entries: TimeoutEntry[] = [];
  let live = 0;
  let timer: Timer | undefined;
  // The clearTimeout of the family that armed the timer (real or fake timers may be swapped meanwhile).
  let clear: (timer: Timer) => void = () => undefined;
  let armedSet: typeof setTimeout | undefined;
  let armedAt = Number.POSITIVE_INFINITY;
  let floor = Number.NEGATIVE_INFINITY;

  const time = (): number => Math.max(Date.now(), floor);

  const arm = (at: number): void => {
    if (timer !== undefined) clear(timer);
    const set = globalThis.setTimeout;
    clear = globalThis.clearTimeout;
    armedSet = set;
    armedAt = at;
    timer = set(fire, Math.max(0, at - time()));
    // Not in browsers, Workers or Deno, whose timers are numbers and hold nothing alive.
    if (typeof timer === 'object') (timer as { unref?: () => void }).unref?.();
  };

  function fire(): void {
    timer = undefined;
    floor = Math.max(floor, armedAt);
    armedAt = Number.POSITIVE_INFINITY;
    const now = time();
    const due: TimeoutEntry[] = [];
    const kept: TimeoutEntry[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const e of entries) {
      if (e.state !== PENDING) continue;
      if (e.at <= now) due.push(e);
      else {
        kept.push(e);
        if (e.at < next) next = e.at;
      }
    }
    entries = kept;
    live = kept.length;
    if (live > 0) arm(next);
    for (const e of due) {
      e.state = FIRED;
      e.onTimeout();
    }
  }

  return {
    watch(ms, onTimeout) {
      const entry: TimeoutEntry = { at: time() + ms, state: PENDING, onTimeout };
      entries.push(entry);
      live++;
      // An earlier timeout than the armed one, no timer at all, or timers swapped (fake ↔ real) since.
      if (entry.at < armedAt || armedSet !== globalThis.setTimeout) arm(Math.min(entry.at, armedAt));
      return entry;
    },
    cancel(entry) {
      if (entry.state !== PENDING) return;
      entry.state = CANCELLED;
      live--;
      if (live === 0) entries = [];
      else if (entries.length > 16 && entries.length > 2 * live)
        entries = entries.filter((e) => e.state === PENDING);
    },
    get pending() {
      return live;
    },
  };
}
