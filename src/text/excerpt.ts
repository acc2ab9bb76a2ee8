// Bounded excerpts of server-controlled text for messages and logs. Hand-written (a dozen lines) so
// the cost is linear in what is kept, not in what the server sent: only a prefix is ever looked at.

/** How many characters of server text a message may hold. */
export const MESSAGE_TEXT_LIMIT = 300;

/**
 * A single-line excerpt of at most `max` characters (plus "…" when cut): runs of whitespace become one
 * space. Looks at no more than the first `4 × max` characters, so a megabyte of blanks costs the same
 * as a short string.
 */
export function excerpt(text: string, max: number = MESSAGE_TEXT_LIMIT): string {
  const window = text.length > max * 4 ? text.slice(0, max * 4) : text;
  let out = '';
  let space = false;
  for (let i = 0; i < window.length && out.length < max; i++) {
    const c = window.charCodeAt(i);
    // Whitespace and other C0 controls: one space, so no server text can break a log line.
    if (c <= 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += window.charAt(i);
  }
  const cut = out.length >= max || window.length < text.length;
  return cut ? `${out.slice(0, max)}…` : out;
}
