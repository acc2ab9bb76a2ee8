// The mark of a transport that reads response bodies itself (`transport: 'undici'`), so the size cap
// is applied once, where the bytes arrive, and not again around it (guarded-fetch.ts).

/**
 * A fetch that reads the response body itself, under `init.maxResponseBytes` (`transport: 'undici'`):
 * what it resolves with is already in memory, within the limit, so the size cap is not applied again.
 */
export type BodyReadingFetch = ((
  input: Request,
  init?: RequestInit & { maxResponseBytes?: number },
) => Promise<Response>) & { readonly readsBody: true };

/** Whether `fetch` is a {@link BodyReadingFetch}. */
export function readsBody(
  fetch: (input: Request, init?: RequestInit) => Promise<Response>,
): fetch is BodyReadingFetch {
  return (fetch as Partial<BodyReadingFetch>).readsBody === true;
}
