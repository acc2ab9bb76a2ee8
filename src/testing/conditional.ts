// Conditional requests as the spec declares them (RFC 9110 §8.8.3, §13.1): the mock tags what it sends
// with an ETag and honours If-Match (412) and If-None-Match (304), so a consumer's tests see the same
// semantics as a versioning server. The ETag is a hash of the representation, so nothing has to be kept
// per record: a change of content is a new version, and the same content is the same version.

/** FNV-1a over the UTF-16 code units, twice with different seeds: 64 bits, enough to tell versions apart. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The strong ETag of a JSON representation. */
export function etagFor(body: unknown): string {
  return `"${hash(JSON.stringify(body))}"`;
}

/** The entity tags of an `If-Match`/`If-None-Match` value (`*` stays `*`). */
function tagsOf(value: string): string[] {
  return value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** `If-Match` (strong comparison, §13.1.1): true when the current version is one of those listed. */
export function ifMatchPasses(value: string, current: string | undefined): boolean {
  if (current === undefined) return false;
  return tagsOf(value).some((t) => t === '*' || (!t.startsWith('W/') && t === current));
}

/** `If-None-Match` (weak comparison, §13.1.2): true when the client's copy is current (answer 304). */
export function isNotModified(value: string, current: string): boolean {
  const opaque = (t: string): string => t.replace(/^W\//, '');
  return tagsOf(value).some((t) => t === '*' || opaque(t) === opaque(current));
}
