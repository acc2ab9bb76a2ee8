// Optional features (OAuth2 client credentials, the rate limiter, the failure-rate breaker, the response
// cache, OpenTelemetry) are code a client loads with `import()` on first use, only when it is configured:
// a bundler puts each in a chunk of its own, so an application that does not configure it never downloads
// it. Options are still validated at construction (the resolvers stay in the main chunk); only the code
// that runs a configured feature is deferred. The loaded value is kept per client, never at module level.
import { UserManagementError } from './errors.js';

/**
 * `load()` run at most once per owner; a failed load (a chunk the network did not deliver) is reported
 * as a UserManagementError and tried again on the next use.
 */
export function loadOnce<T>(what: string, load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      return loadFailed(what, err);
    }));
}

/** Throws the UserManagementError that says `what` could not be loaded (a chunk that did not arrive). */
export function loadFailed(what: string, err: unknown): never {
  throw new UserManagementError(
    `Could not load the SDK's ${what} code: ${err instanceof Error ? err.message : String(err)}`,
    { cause: err },
  );
}

/** A policy step whose code is loaded on its first call (see loadOnce); later calls run it directly. */
export function lazyStep<C, N, R>(
  what: string,
  load: () => Promise<(ctx: C, next: N) => Promise<R>>,
): (ctx: C, next: N) => Promise<R> {
  let step: ((ctx: C, next: N) => Promise<R>) | undefined;
  const get = loadOnce(what, async () => (step = await load()));
  return (ctx, next) => (step ? step(ctx, next) : get().then((s) => s(ctx, next)));
}
