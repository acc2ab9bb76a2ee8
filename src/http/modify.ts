// Read-modify-write with optimistic concurrency, the way Kubernetes clients do it (RetryOnConflict):
// read the item with its version, let the caller compute the change, write it back with If-Match, and
// when someone else wrote first (412) start again from a fresh read. Every write carries the version it
// was computed from, so no change is ever applied to a state the caller did not see.
import type { RequestOptions } from '../config.js';
import { InvalidArgumentError, PreconditionFailedError, UserManagementError } from '../errors.js';
import { etagOf } from './etag.js';

/**
 * The change `modify()` applies: gets the current item (a fresh read each time it runs), returns the
 * fields to write, or `undefined` to write nothing. It may run several times (once per conflict), so it
 * should only compute; it may be async.
 */
export type ModifyFn<T, Patch> = (current: T) => Patch | undefined | Promise<Patch | undefined>;

/** Options of `modify()`: the per-call options of its reads and writes, and how often to retry a conflict. */
export interface ModifyOptions extends Omit<RequestOptions, 'ifMatch' | 'idempotencyKey'> {
  /**
   * How many times a write that lost a race (412) is retried from a fresh read before `modify()` rejects
   * with `PreconditionFailedError`. With N writers of one item at once, N - 1 always suffices.
   * @default 3
   */
  maxConflictRetries?: number | undefined;
}

/** The default of {@link ModifyOptions.maxConflictRetries}. */
export const DEFAULT_MAX_CONFLICT_RETRIES = 3;

/**
 * Runs the read-modify-write loop. `read` and `write` are the generated get and update of one item;
 * `what` names it in messages (`client.users.modify(1)`).
 */
export async function readModifyWrite<T, Patch, R>(
  read: (options: RequestOptions) => PromiseLike<T>,
  write: (patch: Patch, options: RequestOptions) => PromiseLike<R>,
  change: ModifyFn<T, Patch>,
  options: ModifyOptions | undefined,
  what: string,
): Promise<T | R> {
  if (typeof change !== 'function')
    throw new InvalidArgumentError(`${what}: change must be a function (current) => fields to write.`);
  const given: Record<string, unknown> = { ...options };
  for (const key of ['ifMatch', 'idempotencyKey'])
    if (given[key] !== undefined)
      throw new InvalidArgumentError(
        `${what}: ${key} cannot be passed to modify(), which sets the version of each write itself and sends each write under its own key.`,
      );
  const { maxConflictRetries, ...request } = given;
  const max = maxConflictRetries ?? DEFAULT_MAX_CONFLICT_RETRIES;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0 || max > 100)
    throw new InvalidArgumentError(`${what}: maxConflictRetries must be an integer from 0 to 100.`);

  for (let conflicts = 0; ; conflicts++) {
    const current = await read(request);
    const patch = await change(current);
    if (patch === undefined) return current;
    const version = typeof current === 'object' && current !== null ? etagOf(current) : undefined;
    if (version === undefined)
      throw new UserManagementError(
        `${what}: the server sent no ETag with the item, so it cannot be written safely; nothing was written. Use update() for last-write-wins.`,
      );
    try {
      return await write(patch, { ...request, ifMatch: version });
    } catch (err) {
      if (!(err instanceof PreconditionFailedError) || conflicts >= max) {
        if (err instanceof PreconditionFailedError)
          err.message = `${what}: still conflicting after ${conflicts + 1} write(s) (maxConflictRetries = ${max}); the last: ${err.message}`;
        throw err;
      }
    }
  }
}
