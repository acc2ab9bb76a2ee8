// The version (ETag) each resource object came with, kept beside the object rather than on it, so JSON,
// spreading and deep equality see exactly what the server sent. A WeakMap holds nothing alive: an
// object the caller drops takes its entry with it.
//
// This is the package's one piece of module-level state, on purpose: `etagOf(user)` must work on any
// object any client returned, with no client at hand. It does no I/O, starts nothing, and holds only
// weak references, so importing the package still has no side effects.
import { InvalidArgumentError } from '../errors.js';

const versions = new WeakMap<object, string>();

/** Records the ETag `value` came with (objects only; a missing ETag records nothing). */
export function rememberEtag(value: unknown, etag: string | null | undefined): void {
  if (etag && typeof value === 'object' && value !== null) versions.set(value, etag);
}

/**
 * The version (the `ETag` response header) a resource object came with, or `undefined` when it did not
 * come from this SDK or the server sent no ETag. Pass the object itself as `ifMatch` to write only if
 * the resource is still at that version.
 *
 * Only the objects an SDK method resolved to are tracked (not copies: `{ ...user }` has no version), and
 * only as long as you hold them.
 * @param resource - An object an SDK method returned, e.g. the result of `client.users.get(1)`.
 * @returns The ETag, e.g. `"3"` or `W/"a1b2"`, as the server sent it.
 * @example
 * ```ts
 * const user = await client.users.get(1);
 * etagOf(user); // '"1.3"'
 * await client.users.update(1, { name: 'Ada' }, { ifMatch: user });
 * ```
 */
export function etagOf(resource: object): string | undefined {
  // A primitive from plain JavaScript is simply not found (WeakMap.get does not throw).
  return versions.get(resource);
}

/** An ETag as `If-Match` may carry it: a quoted entity tag, optionally weak, or `*` (RFC 9110 §8.8.3). */
const ENTITY_TAGS =
  /^(?:\*|(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"(?:\s*,\s*(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*")*)$/;

/**
 * The `If-Match` value for the `ifMatch` request option: an ETag string as it is, or the ETag of a
 * resource the client returned. Throws InvalidArgumentError for anything else, before anything is sent.
 */
export function ifMatchValue(ifMatch: unknown, what: string): string {
  if (typeof ifMatch === 'string') {
    if (ifMatch.length > 1024 || !ENTITY_TAGS.test(ifMatch))
      throw new InvalidArgumentError(
        `${what}: ifMatch must be an ETag as the server sent it (e.g. '"3"' or 'W/"3"', quotes included), a list of them, or '*'.`,
      );
    return ifMatch;
  }
  if (typeof ifMatch === 'object' && ifMatch !== null) {
    const etag = versions.get(ifMatch);
    if (etag === undefined)
      throw new InvalidArgumentError(
        `${what}: ifMatch was given an object with no known version — pass the object an SDK method returned (not a copy), or an ETag string; the server may also have sent no ETag.`,
      );
    return etag;
  }
  throw new InvalidArgumentError(
    `${what}: ifMatch must be an ETag string or a resource the client returned.`,
  );
}
