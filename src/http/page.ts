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

/**
 * Parses an RFC 8288 `Link` header (`<url>; rel="next", <url>; rel="last"`); bad parts are skipped.
 * A single left-to-right scan, linear in the header's length whatever the server sends (the regular
 * expressions it replaces backtracked quadratically on a long header).
 */
export function parseLinkHeader(header: string | null | undefined): Links {
  const links: Record<string, string> = {};
  if (!header) return links;
  const n = header.length;
  const taken = new Set<string>();
  let pos = 0;
  // A link-value is <URI-Reference> followed by ;-separated params; URIs may contain commas and
  // semicolons, so each link starts at "<" and its URL runs to ">".
  for (;;) {
    const open = header.indexOf('<', pos);
    if (open === -1) break;
    const close = header.indexOf('>', open + 1);
    if (close === -1) break;
    let rel: string | undefined;
    pos = close + 1;
    for (;;) {
      pos = skipSpace(header, pos);
      if (header.charCodeAt(pos) !== 0x3b /* ; */) break;
      pos = skipSpace(header, pos + 1);
      const nameStart = pos;
      while (pos < n && !isParamNameEnd(header.charCodeAt(pos))) pos++;
      if (pos === nameStart) break;
      // Only the first rel counts (RFC 8288 §3.3); other parameters are skipped without copying.
      const wanted = rel === undefined && isRel(header, nameStart, pos);
      const afterName = skipSpace(header, pos);
      if (header.charCodeAt(afterName) !== 0x3d /* = */) continue;
      pos = skipSpace(header, afterName + 1);
      const endQuote = header.charCodeAt(pos) === 0x22 /* " */ ? header.indexOf('"', pos + 1) : -1;
      if (endQuote !== -1) {
        // Quoted values are read whole, so a "; rel=" inside a title is not mistaken for a parameter.
        if (wanted) rel = header.slice(pos + 1, endQuote);
        pos = endQuote + 1;
      } else {
        const valueStart = pos;
        let valueEnd = -1;
        for (
          let c = header.charCodeAt(pos);
          pos < n && c !== 0x3b && c !== 0x2c;
          c = header.charCodeAt(++pos)
        )
          if (valueEnd === -1 && (c === 0x20 || (c >= 0x09 && c <= 0x0d))) valueEnd = pos;
        // An unquoted value ends at whitespace.
        if (wanted) rel = header.slice(valueStart, valueEnd === -1 ? pos : valueEnd);
      }
    }
    // Relations already taken are skipped before any copying: a header repeating one link is cheap.
    if (!rel || taken.has(rel)) continue;
    taken.add(rel);
    const url = header.slice(open + 1, close);
    // rel may hold several space-separated relation types (RFC 8288 §3.3).
    for (const type of /\s/.test(rel) ? rel.trim().split(/\s+/) : [rel]) {
      const key = type.toLowerCase();
      if (key && !(key in links)) links[key] = url;
    }
  }
  return links;
}

/** Whether `text[from, to)` is "rel", in any case. */
function isRel(text: string, from: number, to: number): boolean {
  return (
    to - from === 3 &&
    (text.charCodeAt(from) | 0x20) === 0x72 &&
    (text.charCodeAt(from + 1) | 0x20) === 0x65 &&
    (text.charCodeAt(from + 2) | 0x20) === 0x6c
  );
}

/** `;`, `,`, `=` or whitespace: where a parameter name ends. */
function isParamNameEnd(c: number): boolean {
  return c === 0x3b || c === 0x2c || c === 0x3d || c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function skipSpace(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); c === 0x20 || (c >= 0x09 && c <= 0x0d); c = text.charCodeAt(++i));
  return i;
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
