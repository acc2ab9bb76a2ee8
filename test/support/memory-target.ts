// An in-memory SyncTarget for the engine's unit tests: users with a version counter (ETag "v<n>"),
// Idempotency-Key replay for creates, If-Match enforcement, request counts and injectable faults.
import type { NewUser, User, UserPatch } from '../../src/index.js';
import { PreconditionFailed, type SyncTarget, type Versioned } from '../../src/sync/target.js';

export type Op = 'count' | 'findByKey' | 'scan' | 'get' | 'create' | 'patch' | 'delete';

export interface MemoryTarget extends SyncTarget {
  readonly users: Map<number, { user: User; version: number }>;
  readonly calls: Record<Op, number>;
  readonly patches: { id: number; patch: UserPatch; ifMatch: string | undefined }[];
  /** Called before each operation; throw to inject a fault. */
  fault: ((op: Op, detail: unknown) => void) | undefined;
  /** Called after a `get` returns, before the caller can write: simulate a concurrent writer. */
  afterGet: ((id: number) => void) | undefined;
  seed(users: readonly Omit<User, 'id'>[]): User[];
  edit(id: number, patch: UserPatch): void;
  list(): User[];
}

export function memoryTarget(): MemoryTarget {
  const users = new Map<number, { user: User; version: number }>();
  const idempotency = new Map<string, User>();
  const calls: Record<Op, number> = {
    count: 0,
    findByKey: 0,
    scan: 0,
    get: 0,
    create: 0,
    patch: 0,
    delete: 0,
  };
  let nextId = 1;
  const t: MemoryTarget = {
    users,
    calls,
    patches: [],
    fault: undefined,
    afterGet: undefined,
    seed(list) {
      return list.map((u) => {
        const user = { ...u, id: nextId++ } as User;
        users.set(user.id, { user, version: 1 });
        return user;
      });
    },
    edit(id, patch) {
      const entry = users.get(id);
      if (!entry) throw new Error(`no user ${id}`);
      users.set(id, { user: { ...entry.user, ...patch }, version: entry.version + 1 });
    },
    list: () => [...users.values()].map((e) => e.user),
    async count() {
      calls.count++;
      t.fault?.('count', undefined);
      return users.size;
    },
    async findByKey(key, value) {
      calls.findByKey++;
      t.fault?.('findByKey', value);
      return t.list().filter((u) => u[key] === value);
    },
    async *scan() {
      calls.scan++;
      t.fault?.('scan', undefined);
      yield* t.list();
    },
    async get(id): Promise<Versioned | undefined> {
      calls.get++;
      t.fault?.('get', id);
      const entry = users.get(id);
      const result = entry ? { user: { ...entry.user }, etag: `"v${entry.version}"` } : undefined;
      t.afterGet?.(id);
      return result;
    },
    async create(user: NewUser, key: string) {
      calls.create++;
      t.fault?.('create', user);
      const replay = idempotency.get(key);
      if (replay) return replay;
      const created = { ...user, id: nextId++ } as User;
      users.set(created.id, { user: created, version: 1 });
      idempotency.set(key, created);
      return created;
    },
    async patch(id, patch, ifMatch) {
      calls.patch++;
      t.fault?.('patch', { id, patch });
      const entry = users.get(id);
      if (!entry) throw Object.assign(new Error('not found'), { name: 'NotFoundError', status: 404 });
      if (ifMatch !== undefined && ifMatch !== `"v${entry.version}"`) throw new PreconditionFailed('412');
      t.patches.push({ id, patch, ifMatch });
      const user = { ...entry.user, ...patch };
      users.set(id, { user, version: entry.version + 1 });
      return user;
    },
    async delete(id) {
      calls.delete++;
      t.fault?.('delete', id);
      users.delete(id);
    },
  };
  return t;
}
