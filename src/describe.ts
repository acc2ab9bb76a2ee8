// How messages name calls and quote bodies: one call description for every message and log line.
import { excerpt } from './text/excerpt.js';

const SNIPPET = 120;

/** A short single-line excerpt of a body, for messages. */
export function snippet(text: string): string {
  return excerpt(text, SNIPPET);
}

/**
 * How every message and log line names a call: `GET /users/42` (the path as sent, base path included,
 * with the query unless `withQuery` is false — transport messages leave it out, as it may hold secrets).
 */
export function describeCall(method: string, url: string, withQuery = true): string {
  if (withQuery) return `${method} ${pathOf(url)}`;
  try {
    return `${method} ${new URL(url).pathname}`;
  } catch {
    return `${method} ${url.split(/[?#]/, 1)[0] ?? ''}`;
  }
}

/** The path and query of an absolute URL, for messages (`/users/42?x=1`). */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}
