// Faults queued per operation for its next N calls, consumed in order.

/**
 * What the mock does instead of (or before) answering a call. Combine them: `{ delayMs: 5_000 }` is a
 * slow success, `{ status: 503, retryAfter: 2 }` an overload that asks for a 2 s wait, `{ delayMs: 100,
 * dropConnection: true }` a connection that breaks after 100 ms.
 */
export interface MockFault {
  /** Answer this HTTP status (400–599) with the spec's problem-details body instead of handling the call. */
  readonly status?: number;
  /** `Retry-After` header on that answer: seconds, or an HTTP date. */
  readonly retryAfter?: number | string;
  /** Wait this long before answering (or before dropping the connection). An aborted request stops waiting. @default 0 */
  readonly delayMs?: number;
  /** Break the connection instead of answering: `fetch` rejects with a network error. @default false */
  readonly dropConnection?: boolean;
}

/** The faults waiting for each operation. */
export class FaultQueue {
  readonly #queues = new Map<string, { fault: MockFault; left: number }[]>();

  /** Queues `fault` for the next `times` calls of `operationId` (after the faults already queued). */
  add(operationId: string, fault: MockFault, times: number): void {
    const queue = this.#queues.get(operationId) ?? [];
    queue.push({ fault: { ...fault }, left: times });
    this.#queues.set(operationId, queue);
  }

  /** The fault for this call of `operationId`, if one is queued; counts it as used. */
  take(operationId: string): MockFault | undefined {
    const queue = this.#queues.get(operationId);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    if (--head.left === 0) queue.shift();
    return head.fault;
  }

  /** Forgets every queued fault. */
  clear(): void {
    this.#queues.clear();
  }
}

/** Checks a fault and its count; throws a TypeError/RangeError that says what is wrong. */
export function checkFault(operationId: string, known: boolean, fault: unknown, times: unknown): MockFault {
  if (!known) throw new RangeError(`fail(): the spec has no operation "${operationId}".`);
  if (!fault || typeof fault !== 'object')
    throw new TypeError('fail(): fault must be an object such as { status: 503 }.');
  const f = fault as Record<string, unknown>;
  const { status, retryAfter, delayMs, dropConnection } = f;
  const unknownKeys = Object.keys(f).filter(
    (k) => !['status', 'retryAfter', 'delayMs', 'dropConnection'].includes(k),
  );
  if (unknownKeys.length) throw new TypeError(`fail(): unknown fault field(s) ${unknownKeys.join(', ')}.`);
  if (
    status !== undefined &&
    (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599)
  )
    throw new RangeError(`fail(): status must be an integer from 400 to 599, got ${JSON.stringify(status)}.`);
  if (
    retryAfter !== undefined &&
    typeof retryAfter !== 'string' &&
    !(typeof retryAfter === 'number' && retryAfter >= 0)
  )
    throw new TypeError('fail(): retryAfter must be a number of seconds (≥ 0) or an HTTP-date string.');
  if (delayMs !== undefined && !(typeof delayMs === 'number' && Number.isFinite(delayMs) && delayMs >= 0))
    throw new RangeError(`fail(): delayMs must be a finite number ≥ 0, got ${JSON.stringify(delayMs)}.`);
  if (dropConnection !== undefined && typeof dropConnection !== 'boolean')
    throw new TypeError('fail(): dropConnection must be a boolean.');
  if (retryAfter !== undefined && status === undefined)
    throw new TypeError('fail(): retryAfter goes with a status, e.g. { status: 503, retryAfter: 2 }.');
  if (status === undefined && delayMs === undefined && dropConnection !== true)
    throw new TypeError('fail(): a fault needs a status, a delayMs or dropConnection: true.');
  if (status !== undefined && dropConnection === true)
    throw new TypeError('fail(): a dropped connection has no status; give one or the other.');
  if (!Number.isInteger(times) || (times as number) < 1)
    throw new RangeError(`fail(): times must be an integer ≥ 1, got ${JSON.stringify(times)}.`);
  return f;
}
