// A conflict (changed in the source and in the API since the base) through the conflict strategy.
import type { UserPatch } from 'user-management-sdk';
import { classify } from './classify.js';
import { hashFields, pick, type Decision, type FieldHashes } from './fields.js';
import { failed, type Prepared, type RecordContext, type RecordResult } from './outcome.js';
import type { SourceItem } from './sources.js';
import type { Versioned } from './target.js';
import type { SyncConflict, SyncOutcome } from './types.js';

/** Applies the strategy: dead-letter, keep the API's values, or PATCH the source's (or the function's) fields. */
export async function resolveConflict(
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
