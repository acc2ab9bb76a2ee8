// One source record through the sync: map, validate, match, then create / update / leave alone /
// resolve a conflict. Returns what happened; the engine journals it. Never throws for a bad record.
import type { NewUser, UserPatch } from 'user-management-sdk';
import { classify, type Classified } from './classify.js';
import { resolveConflict } from './conflict.js';
import { decide, hashFields, pick, type BaseHashes, type Decision, type FieldHashes } from './fields.js';
import { failed, type Prepared, type RecordContext, type RecordResult } from './outcome.js';
import { viewOf, type TargetView } from './scan-index.js';
import type { SourceItem } from './sources.js';
import { PreconditionFailed, type Versioned } from './target.js';
import type { SyncOutcome } from './types.js';

export type { Prepared, RecordContext, RecordResult } from './outcome.js';

/** Tries after a 412 before the record is dead-lettered as a conflict. */
const PRECONDITION_TRIES = 3;

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
  const lookedUp = ctx.index ? undefined : (await ctx.target.findByKey(ctx.key, keyValue, ctx.signal))[0];
  const found: TargetView | undefined = ctx.index
    ? ctx.index.get(keyValue)
    : lookedUp && viewOf(lookedUp, ctx.hash);
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
    decision = decide(mapped, viewOf(current.user, ctx.hash), baseHashes, ctx.hash);
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
