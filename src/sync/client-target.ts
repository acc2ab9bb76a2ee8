// The one adapter between the sync engine and the SDK's public client: reads use `.withResponse()`
// to see the response's ETag, writes send it back with the per-call `ifMatch` option, and the SDK's
// PreconditionFailedError (412) becomes the engine's PreconditionFailed.
import { NotFoundError, PreconditionFailedError, type UserManagementClient } from 'user-management-sdk';
import { PreconditionFailed, type SyncTarget, type Versioned } from './target.js';
import type { SyncKey } from './types.js';

/** Page size of scans and filtered lookups: the API's maximum, so a scan costs the fewest requests. */
export const PAGE_SIZE = 100;

export function clientTarget(client: UserManagementClient): SyncTarget {
  return {
    async count(signal) {
      return (await client.users.list({ page: 1, limit: 1 }, { signal })).total;
    },
    async findByKey(key: SyncKey, value, signal) {
      const page = await client.users.list({ [key]: value, limit: PAGE_SIZE }, { signal });
      return page.data.filter((u) => u[key] === value);
    },
    scan(signal) {
      return client.users.listAll({ limit: PAGE_SIZE }, { signal });
    },
    async get(id, signal): Promise<Versioned | undefined> {
      try {
        const { data, response } = await client.users.get(id, { signal }).withResponse();
        return { user: data, etag: response.headers.get('etag') ?? undefined };
      } catch (err) {
        if (err instanceof NotFoundError) return undefined;
        throw err;
      }
    },
    create(user, idempotencyKey, signal) {
      return client.users.create(user, { idempotencyKey, signal });
    },
    async patch(id, patch, ifMatch, idempotencyKey, signal) {
      try {
        return await client.users.update(id, patch, {
          idempotencyKey,
          signal,
          ifMatch,
        });
      } catch (err) {
        if (err instanceof PreconditionFailedError)
          throw new PreconditionFailed(`User ${String(id)} changed since it was read (412).`, { cause: err });
        throw err;
      }
    },
    async delete(id, signal) {
      try {
        await client.users.delete(id, { signal });
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
      }
    },
  };
}
