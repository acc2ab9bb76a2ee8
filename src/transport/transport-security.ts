// Credentials travel only over TLS, or over plain http to this machine (loopback), unless the caller
// opts out with allowInsecureHttp. Checked once, when the client is built.
import { ConfigError } from '../errors.js';

/** `localhost` (and `*.localhost`, RFC 6761), 127.0.0.0/8 and `[::1]`: traffic that never leaves the host. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  // WHATWG URL parsing already normalised IPv4 forms (0x7f.1, 2130706433) to dotted decimal.
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

/**
 * Throws ConfigError when `url` would carry `credential` in clear text over the network: not https,
 * not loopback, and `allowInsecureHttp` not set. `what` names the URL option in the message.
 */
export function requireSecureTransport(
  url: URL,
  what: string,
  credential: string,
  allowInsecureHttp: boolean,
): void {
  if (url.protocol === 'https:' || allowInsecureHttp || isLoopbackHost(url.hostname)) return;
  throw new ConfigError(
    `${what} uses plain http to ${url.host}, which would send the ${credential} unencrypted. ` +
      'Use https, or set allowInsecureHttp: true if the network path is trusted (http to localhost is always allowed).',
  );
}

/**
 * Checks an OAuth2 token endpoint: an absolute http(s) URL without user-info. Messages never repeat
 * the query string, which some providers use for secrets.
 */
export function resolveTokenUrl(raw: string, allowInsecureHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'auth.tokenUrl is not an absolute URL; use e.g. "https://auth.example.com/oauth/token".',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`auth.tokenUrl must use https (or http to localhost), not "${url.protocol}".`);
  if (url.username || url.password)
    throw new ConfigError(
      'auth.tokenUrl must not contain user-info (user:password@); pass auth.clientId and auth.clientSecret instead.',
    );
  requireSecureTransport(url, 'auth.tokenUrl', 'OAuth2 client secret', allowInsecureHttp);
  return url;
}

/** The URL as messages show it: origin and path, never user-info, query or fragment. */
export function urlForMessages(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
