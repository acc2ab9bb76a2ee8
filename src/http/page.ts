// Paging metadata from json-server-style responses: `X-Total-Count` and RFC 8288 `Link` headers, and the
// page shape every paginated method resolves to. Hand-written because it is twenty lines and the browser
// bundle has a size budget.

/** One page of a paginated list, as every paginated method resolves it. */
export interface Page<T> {
  /** The items on this page. */
  data: T[];
  /** Items matching the query in all pages (from `X-Total-Count`), when the server says. */
  total?: number;
  /** This page's number. */
  page: number;
  /** The page size asked for. */
  limit: number;
  /** Whether another page follows (from `Link`, else `X-Total-Count`, else a full page). */
  hasNextPage: boolean;
}

/** Default page size of paginated methods when the spec gives no default. */
export const DEFAULT_PAGE_SIZE = 10;

/** A parsed `Link` header: relation name → target URL. */
export type Links = Readonly<Record<string, string>>;

/** Parses an RFC 8288 `Link` header (`<url>; rel="next", <url>; rel="last"`); bad parts are skipped. */
export function parseLinkHeader(header: string | null | undefined): Links {
  const links: Record<string, string> = {};
  if (!header) return links;
  // A link-value is <URI-Reference> followed by ;-separated params; URIs may contain commas, so match, don't split.
  const re = /<([^>]*)>((?:\s*;\s*[^;,=\s]+(?:\s*=\s*(?:"[^"]*"|[^;,]*))?)*)/g;
  for (let m = re.exec(header); m !== null; m = re.exec(header)) {
    const url = m[1] ?? '';
    const names = relOf(m[2] ?? '').trim();
    // rel may hold several space-separated relation types (RFC 8288 §3.3).
    for (const name of names.split(/\s+/))
      if (name && !(name.toLowerCase() in links)) links[name.toLowerCase()] = url;
  }
  return links;
}

/** The first `rel` parameter's value (RFC 8288 §3.3 ignores later ones); quoted values are read whole, so a `; rel=` inside a title is not mistaken for it. */
function relOf(params: string): string {
  for (const p of params.matchAll(/;\s*([^;,=\s]+)(?:\s*=\s*(?:"([^"]*)"|([^;,]*)))?/g)) {
    if (p[1]?.toLowerCase() === 'rel') return p[2] ?? (p[3] ?? '').trim().split(/\s/)[0] ?? '';
  }
  return '';
}

/** Parses `X-Total-Count`; undefined when absent or not a non-negative integer. */
export function parseTotalCount(header: string | null | undefined): number | undefined {
  if (header == null || !/^\s*\d+\s*$/.test(header)) return undefined;
  const n = Number(header);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The page number a link points to in its `param` query parameter (`_page` by default), if it names one. */
export function pageFromLink(url: string | undefined, param = '_page'): number | undefined {
  if (!url) return undefined;
  for (const m of url.matchAll(/[?&]([^=&#]+)=(\d+)/g)) if (m[1] === param) return Number(m[2]);
  return undefined;
}

/**
 * Whether there is a page after `page`. A short page is always the last (json-server semantics, and it
 * keeps a mock that always advertises `next` from looping forever); then Link decides, then X-Total-Count.
 */
export function hasNextPage(
  links: Links,
  linkPresent: boolean,
  total: number | undefined,
  page: number,
  limit: number,
  count: number,
): boolean {
  if (count < limit) return false;
  if (linkPresent) return 'next' in links;
  if (total !== undefined) return page * limit < total;
  return true;
}
