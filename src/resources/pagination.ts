// Paging metadata from json-server-style responses: `X-Total-Count` and RFC 8288 `Link` headers.
// Hand-written because it is twenty lines and the browser bundle has a size budget.

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
  let pos = 0;
  // A link-value is <URI-Reference> followed by ;-separated params; URIs may contain commas and
  // semicolons, so each link starts at "<" and its URL runs to ">".
  for (;;) {
    const open = header.indexOf('<', pos);
    if (open === -1) break;
    const close = header.indexOf('>', open + 1);
    if (close === -1) break;
    const url = header.slice(open + 1, close);
    let rel: string | undefined;
    pos = close + 1;
    for (;;) {
      pos = skipSpace(header, pos);
      if (header[pos] !== ';') break;
      pos = skipSpace(header, pos + 1);
      const nameStart = pos;
      while (pos < n && !PARAM_NAME_END.has(header[pos] as string)) pos++;
      if (pos === nameStart) break;
      const name = header.slice(nameStart, pos);
      let value = '';
      let quoted = false;
      const afterName = skipSpace(header, pos);
      if (header[afterName] === '=') {
        pos = skipSpace(header, afterName + 1);
        const endQuote = header[pos] === '"' ? header.indexOf('"', pos + 1) : -1;
        if (endQuote !== -1) {
          // Quoted values are read whole, so a "; rel=" inside a title is not mistaken for a parameter.
          value = header.slice(pos + 1, endQuote);
          quoted = true;
          pos = endQuote + 1;
        } else {
          const valueStart = pos;
          while (pos < n && header[pos] !== ';' && header[pos] !== ',') pos++;
          value = header.slice(valueStart, pos);
        }
      }
      // Only the first rel counts (RFC 8288 §3.3); an unquoted one ends at whitespace.
      if (rel === undefined && name.toLowerCase() === 'rel')
        rel = quoted ? value : (value.trim().split(/\s/)[0] ?? '');
    }
    // rel may hold several space-separated relation types (RFC 8288 §3.3).
    for (const type of (rel ?? '').trim().split(/\s+/)) {
      const key = type.toLowerCase();
      if (key && !(key in links)) links[key] = url;
    }
  }
  return links;
}

const PARAM_NAME_END = new Set([';', ',', '=', ' ', '\t', '\n', '\r', '\f', '\v']);

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

/** Parses `X-Total-Count`; undefined when absent or not a non-negative integer. */
export function parseTotalCount(header: string | null | undefined): number | undefined {
  if (header == null || !/^\s*\d+\s*$/.test(header)) return undefined;
  const n = Number(header);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The `_page` number a link points to, if it names one. */
export function pageFromLink(url: string | undefined): number | undefined {
  if (!url) return undefined;
  const m = /[?&]_page=(\d+)/.exec(url);
  return m?.[1] ? Number(m[1]) : undefined;
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
