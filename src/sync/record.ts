// One source record through the sync: map, validate, match, then create / update / leave alone /
// resolve a conflict. Returns what happened; the engine journals it. Never throws for a bad record.
import type { NewUser, User, UserPatch } from 'user-management-sdk';
import { classify, type Classified } from './classify.js';
import { decide, hashFields, pick, type BaseHashes, type Decision, type FieldHashes } from './fields.js';
import type { SourceItem } from './sources.js';
import type { BaseEntry } from './state.js';
import { PreconditionFailed, type SyncTarget, type Versioned } from './target.js';
import type {
  ConflictStrategy,
  DeadLetter,
  DeadLetterReason,
  MapFunction,
  SyncConflict,
  SyncKey,
  SyncOutcome,
  SyncPlanEntry,
} from './types.js';
import type { RecordValidator } from './validate.js';

/** Tries after a 412 before the record is dead-lettered as a conflict. */
const PRECONDITION_TRIES = 3;

export interface RecordContext {
  readonly target: SyncTarget;
  readonly key: SyncKey;
  readonly map: MapFunction;
  readonly conflict: ConflictStrategy;
  readonly dryRun: boolean;
  readonly runId: string;
  readonly hash: (value: unknown) => string;
  readonly validator: RecordValidator;
  readonly bases: ReadonlyMap<string, BaseEntry>;
  /** Users by key value, when the run matched with one scan; else lookups use the API's filter. */
  readonly index: ReadonlyMap<string, User> | undefined;
  /** Key hashes seen so far in this pass (duplicates are dead-lettered). */
  readonly seen: Set<string>;
  readonly signal: AbortSignal;
}

/** What happened to one record. */
export interface RecordResult {
  readonly outcome: SyncOutcome;
  readonly keyHash?: string;
  readonly keyValue?: string;
  readonly id?: number;
  readonly hashes?: FieldHashes;
  /** The source's hashes, when the base keeps the API's values (the API won a conflict). */
  readonly sourceHashes?: FieldHashes;
  readonly deadLetter?: DeadLetter;
  readonly conflict?: SyncConflict;
  readonly plan?: SyncPlanEntry;
  /** A 429 or a full queue: wait this long (the whole run) and try again. */
  readonly slowDownMs?: number;
  readonly breakerOpen?: boolean;
}

/** The part of a record that does not need the API: map, key, duplicate check. */
export interface Prepared {
  readonly mapped: UserPatch;
  readonly keyValue: string;
  readonly keyHash: string;
}

/** Maps and checks a record; a RecordResult when it stops here (skipped or dead-lettered). */
export async function prepare(ctx: RecordContext, item: SourceItem): Promise<Prepared | RecordResult> {
  if (item.error !== undefined)
    return failed(item, undefined, {
      reason: 'invalid-row',
      error: 'ParseError',
      message: item.error,
      retryable: false,
    });
  let mapped: NewUser | UserPatch | undefined;
  try {
    mapped = await ctx.map(item.record);
  } catch (err) {
    const c = classify(err);
    return failed(item, undefined, {
      reason: 'map-error',
      error: c.error,
      message: c.message,
      retryable: false,
    });
  }
  if (mapped === undefined) return { outcome: 'skipped' };
  const keyValue = (mapped as Record<string, unknown>)[ctx.key];
  if (typeof keyValue !== 'string' || keyValue === '')
    return failed(item, undefined, {
      reason: 'missing-key',
      error: 'ValidationError',
      message: `The mapped record has no ${ctx.key}.`,
      retryable: false,
    });
  const keyHash = ctx.hash(keyValue);
  if (ctx.seen.has(keyHash))
    return failed(item, keyValue, {
      reason: 'duplicate-key',
      error: 'DuplicateKeyError',
      message: `Another record earlier in the source has the same ${ctx.key}.`,
      retryable: false,
    });
  ctx.seen.add(keyHash);
  return { mapped, keyValue, keyHash };
}

/** Syncs a prepared record against the API. */
export async function apply(ctx: RecordContext, item: SourceItem, p: Prepared): Promise<RecordResult> {
  try {
    return await applyOnce(ctx, item, p);
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    if (err instanceof PreconditionFailed)
      return failed(item, p.keyValue, {
        reason: 'conflict',
        error: 'PreconditionFailed',
        message: `The user kept changing while it was being updated (${String(PRECONDITION_TRIES)} tries).`,
        retryable: true,
      });
    const c: Classified = classify(err);
    if (c.slowDownMs !== undefined) return { outcome: 'failed', slowDownMs: c.slowDownMs };
    return { ...failed(item, p.keyValue, c), ...(c.breakerOpen ? { breakerOpen: true } : {}) };
  }
}

async function applyOnce(ctx: RecordContext, item: SourceItem, p: Prepared): Promise<RecordResult> {
  const { mapped, keyValue, keyHash } = p;
  const base = ctx.bases.get(keyHash);
  const found = ctx.index
    ? ctx.index.get(keyValue)
    : (await ctx.target.findByKey(ctx.key, keyValue, ctx.signal))[0];
  const fields = Object.keys(mapped).filter((f) => (mapped as Record<string, unknown>)[f] !== undefined);
  const ok = (
    outcome: SyncOutcome,
    id: number,
    hashes?: FieldHashes,
    extra: Partial<RecordResult> = {},
  ): RecordResult => ({
    outcome,
    keyHash,
    keyValue,
    id,
    ...(hashes ? { hashes } : {}),
    ...extra,
  });
  if (found === undefined) return create(ctx, item, p, fields);
  const invalid = ctx.validator.patch(mapped);
  if (invalid)
    return failed(item, keyValue, {
      reason: 'invalid-record',
      error: 'ValidationError',
      message: invalid,
      retryable: false,
    });
  const stored: BaseHashes | undefined = base && { target: base.h, source: base.s ?? base.h };
  let decision: Decision = decide(mapped, found, stored, ctx.hash);
  if (decision.kind === 'unchanged') return ok('unchanged', found.id, hashFields(ctx.hash, fields, mapped));
  if (decision.kind === 'drift') return ok('unchanged', found.id);
  let baseHashes = stored;
  for (let attempt = 1; ; attempt++) {
    // Read the current version (and its ETag) right before writing, and decide again on it.
    const current: Versioned | undefined = await ctx.target.get(found.id, ctx.signal);
    if (current === undefined) return create(ctx, item, p, fields);
    decision = decide(mapped, current.user, baseHashes, ctx.hash);
    if (decision.kind === 'unchanged') return ok('unchanged', found.id, hashFields(ctx.hash, fields, mapped));
    if (decision.kind === 'drift') return ok('unchanged', found.id);
    try {
      if (decision.kind === 'update') {
        if (ctx.dryRun)
          return ok('updated', found.id, undefined, {
            plan: { action: 'update', key: keyValue, id: found.id, fields: decision.fields },
          });
        await ctx.target.patch(
          found.id,
          pick(mapped, decision.fields),
          current.etag,
          `sync-${ctx.runId}-${keyHash}-${String(attempt)}`,
          ctx.signal,
        );
        return ok('updated', found.id, hashFields(ctx.hash, fields, mapped));
      }
      return await resolveConflict(ctx, item, p, current, decision, fields, attempt);
    } catch (err) {
      if (!(err instanceof PreconditionFailed) || attempt >= PRECONDITION_TRIES) throw err;
      // Someone wrote between our read and our write: what we read is now the base, so their change
      // shows up as a target-side change and goes through the conflict strategy.
      const read = hashFields(ctx.hash, fields, current.user);
      baseHashes = { target: read, source: stored?.source ?? read };
    }
  }
}

async function create(
  ctx: RecordContext,
  item: SourceItem,
  p: Prepared,
  fields: readonly string[],
): Promise<RecordResult> {
  const invalid = ctx.validator.newUser(p.mapped);
  if (invalid)
    return failed(item, p.keyValue, {
      reason: 'invalid-record',
      error: 'ValidationError',
      message: invalid,
      retryable: false,
    });
  if (ctx.dryRun)
    return {
      outcome: 'created',
      keyHash: p.keyHash,
      keyValue: p.keyValue,
      plan: { action: 'create', key: p.keyValue },
    };
  // Derived from the run and the key: a resumed or retried create sends the same key.
  const user = await ctx.target.create(p.mapped as NewUser, `sync-${ctx.runId}-${p.keyHash}`, ctx.signal);
  return {
    outcome: 'created',
    keyHash: p.keyHash,
    keyValue: p.keyValue,
    id: user.id,
    hashes: hashFields(ctx.hash, fields, p.mapped),
  };
}

async function resolveConflict(
  ctx: RecordContext,
  item: SourceItem,
  p: Prepared,
  current: Versioned,
  decision: Extract<Decision, { kind: 'conflict' }>,
  fields: readonly string[],
  attempt: number,
): Promise<RecordResult> {
  const { mapped, keyValue, keyHash } = p;
  const target = current.user;
  const strategy = ctx.conflict;
  const resolution = typeof strategy === 'function' ? 'custom' : strategy;
  const conflict: SyncConflict = {
    key: keyValue,
    id: target.id,
    resolution,
    source: mapped,
    target,
    changedInSource: decision.changedInSource,
    changedInTarget: decision.changedInTarget,
  };
  const sourceHashes = hashFields(ctx.hash, fields, mapped);
  const result = (outcome: SyncOutcome, hashes?: FieldHashes): RecordResult => ({
    outcome,
    keyHash,
    keyValue,
    id: target.id,
    conflict,
    ...(hashes ? { hashes, sourceHashes } : {}),
    ...(ctx.dryRun
      ? { plan: { action: 'conflict', key: keyValue, id: target.id, fields: decision.fields } }
      : {}),
  });
  // The API's side becomes the base: the next run sees no target change and leaves it alone.
  const keepTarget = (): RecordResult => result('unchanged', hashFields(ctx.hash, fields, target));
  if (strategy === 'fail')
    return {
      ...failed(item, keyValue, {
        reason: 'conflict',
        error: 'SyncConflict',
        message: `Changed in the source (${decision.changedInSource.join(', ')}) and in the API (${decision.changedInTarget.join(', ')}) since the last sync.`,
        retryable: false,
      }),
      conflict,
      ...(ctx.dryRun
        ? { plan: { action: 'conflict', key: keyValue, id: target.id, fields: decision.fields } }
        : {}),
    };
  if (strategy === 'target-wins') return keepTarget();
  let patch: UserPatch | undefined;
  if (strategy === 'source-wins') patch = pick(mapped, decision.fields);
  else {
    try {
      patch = await strategy(mapped, target, {
        id: target.id,
        syncedAt: ctx.bases.get(keyHash)?.at ?? '',
        changedInSource: decision.changedInSource,
        changedInTarget: decision.changedInTarget,
      });
    } catch (err) {
      const c = classify(err);
      return {
        ...failed(item, keyValue, {
          reason: 'conflict',
          error: c.error,
          message: `The conflict function threw: ${c.message}`,
          retryable: false,
        }),
        conflict,
      };
    }
    if (patch === undefined || Object.keys(patch).length === 0) return keepTarget();
    const invalid = ctx.validator.patch(patch);
    if (invalid)
      return {
        ...failed(item, keyValue, {
          reason: 'invalid-record',
          error: 'ValidationError',
          message: `The conflict function's patch: ${invalid}`,
          retryable: false,
        }),
        conflict,
      };
  }
  if (ctx.dryRun) return result('updated');
  const updated = await ctx.target.patch(
    target.id,
    patch,
    current.etag,
    `sync-${ctx.runId}-${keyHash}-${String(attempt)}`,
    ctx.signal,
  );
  return result('updated', hashFields(ctx.hash, fields, updated));
}

function failed(
  item: SourceItem,
  key: string | undefined,
  f: { reason: DeadLetterReason; error: string; message: string; retryable: boolean },
): RecordResult {
  return {
    outcome: 'failed',
    deadLetter: {
      record: item.record ?? item.raw,
      key,
      reason: f.reason,
      error: f.error,
      message: f.message,
      retryable: f.retryable,
      row: item.row,
    },
  };
}
