// SyncOptions → one frozen, validated set of settings (InvalidArgumentError for anything off).
import { InvalidArgumentError } from 'user-management-sdk';
import { SYNC_KEY_ENV } from './crypto.js';
import type { ConflictStrategy, MapFunction, SyncKey, SyncOptions } from './types.js';
import { defaultMap } from './validate.js';

/** The defaults of {@link SyncOptions}. */
export const SYNC_DEFAULTS = Object.freeze({
  /** The matching key. */
  key: 'email' satisfies SyncKey,
  /** The conflict strategy: a conflict is dead-lettered, never silently resolved. */
  conflict: 'fail' satisfies ConflictStrategy,
  /** Largest share of the API's users `deleteMissing` deletes without `force`. */
  deleteThreshold: 0.1,
  /** Records in flight at once. */
  concurrency: 8,
  /** Failure share that raises a `failure-threshold` alert. */
  alertFailureShare: 0.05,
} as const);

export interface ResolvedSyncOptions {
  readonly key: SyncKey;
  readonly map: MapFunction;
  readonly conflict: ConflictStrategy;
  readonly deleteMissing: boolean;
  readonly deleteThreshold: number;
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly stateDir: string | undefined;
  readonly reportDir: string | undefined;
  readonly concurrency: number;
  readonly alertFailureShare: number;
  readonly encryptionKey: string | undefined;
}

export function resolveSyncOptions(
  options: SyncOptions,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedSyncOptions {
  const key: unknown = options.key ?? SYNC_DEFAULTS.key;
  if (key !== 'email' && key !== 'username')
    throw new InvalidArgumentError(`key must be 'email' or 'username'; got ${JSON.stringify(key)}.`);
  const conflict = options.conflict ?? SYNC_DEFAULTS.conflict;
  if (typeof conflict !== 'function' && !['source-wins', 'target-wins', 'fail'].includes(conflict))
    throw new InvalidArgumentError(
      `conflict must be 'source-wins', 'target-wins', 'fail' or a function; got ${JSON.stringify(conflict)}.`,
    );
  if (options.map !== undefined && typeof options.map !== 'function')
    throw new InvalidArgumentError(
      'map must be a function from a source record to a user (or undefined to skip it).',
    );
  const share = (name: string, value: number | undefined, fallback: number): number => {
    const v = value ?? fallback;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1))
      throw new InvalidArgumentError(`${name} must be a share between 0 and 1; got ${String(v)}.`);
    return v;
  };
  const concurrency = options.concurrency ?? SYNC_DEFAULTS.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1_000)
    throw new InvalidArgumentError(
      `concurrency must be an integer from 1 to 1000; got ${String(concurrency)}.`,
    );
  const dir = (name: string, value: string | undefined): string | undefined => {
    if (value !== undefined && (typeof value !== 'string' || value === ''))
      throw new InvalidArgumentError(`${name} must be a directory path.`);
    return value;
  };
  const encryptionKey = options.encryptionKey ?? env[SYNC_KEY_ENV];
  return Object.freeze({
    key,
    map: options.map ?? defaultMap,
    conflict,
    deleteMissing: options.deleteMissing ?? false,
    deleteThreshold: share('deleteThreshold', options.deleteThreshold, SYNC_DEFAULTS.deleteThreshold),
    force: options.force ?? false,
    dryRun: options.dryRun ?? false,
    stateDir: dir('stateDir', options.stateDir),
    reportDir: dir('reportDir', options.reportDir),
    concurrency,
    alertFailureShare: share('alertFailureShare', options.alertFailureShare, SYNC_DEFAULTS.alertFailureShare),
    encryptionKey: encryptionKey === '' ? undefined : encryptionKey,
  });
}
