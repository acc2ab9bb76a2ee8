// The full URL of a call, query included, as the response cache keys it. The order of the query's
// fields is fixed (sorted), so the same call always makes the same key, however its params were written.

/** `url` with `query` (SDK-validated values; arrays repeat their key, as openapi-fetch sends them). */
export function urlWithQuery(url: string, query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return url;
  const search = new URLSearchParams();
  for (const name of Object.keys(query).sort()) {
    const value = query[name];
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? (value as unknown[]) : [value]) search.append(name, String(v));
  }
  const text = search.toString();
  return text ? `${url}?${text}` : url;
}
