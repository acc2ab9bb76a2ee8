// What the engine needs from the API, as a small interface: the engine is tested against an in-memory
// implementation and runs against the SDK through the one adapter in client-target.ts.
import type { NewUser, User, UserPatch } from 'user-management-sdk';
import type { SyncKey } from './types.js';

/** A user with the version (ETag) it was read at, when the server sends one. */
export interface Versioned {
  readonly user: User;
  readonly etag: string | undefined;
}

/** The write was refused because the user changed since `ifMatch` (HTTP 412). */
export class PreconditionFailed extends Error {
  override readonly name = 'PreconditionFailed';
}

/** The API, as the sync engine uses it. Every method rejects with the SDK's errors. */
export interface SyncTarget {
  /** The number of users (one small request), or undefined when the server does not say. */
  count(signal: AbortSignal): Promise<number | undefined>;
  /** Users whose `key` field equals `value`, through the API's filter (one request). */
  findByKey(key: SyncKey, value: string, signal: AbortSignal): Promise<User[]>;
  /** Every user, page by page. */
  scan(signal: AbortSignal): AsyncIterable<User>;
  /** One user with its version, or undefined when it is gone. */
  get(id: number, signal: AbortSignal): Promise<Versioned | undefined>;
  /** Creates a user; the same idempotency key never creates twice on a server that honours it. */
  create(user: NewUser, idempotencyKey: string, signal: AbortSignal): Promise<User>;
  /** PATCHes the given fields, only if the user is still at `ifMatch`; PreconditionFailed otherwise. */
  patch(
    id: number,
    patch: UserPatch,
    ifMatch: string | undefined,
    idempotencyKey: string,
    signal: AbortSignal,
  ): Promise<User>;
  /** Deletes a user (a user already gone counts as deleted). */
  delete(id: number, signal: AbortSignal): Promise<void>;
}
