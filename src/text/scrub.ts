// The client's own credentials, removed wherever they might come back in text: a server that echoes
// the API key in a problem detail must not put it in err.message or a log line. Exact matches only,
// with split/join, so the cost is linear in the text.

const REDACTED = '[REDACTED]';
/** Shorter values are too likely to occur by chance (and too weak to be real secrets). */
const MIN_SECRET_LENGTH = 6;
/** Rotating tokens remembered per client; old ones have expired anyway. */
const MAX_DYNAMIC = 4;

/** Per client: the credentials it was built with, plus the last few tokens it fetched. */
export interface SecretScrubber {
  /** Remembers a credential obtained at run time (a token function's or OAuth2's token). */
  remember(secret: string): void;
  /** `text` with every known credential replaced by `[REDACTED]`. */
  scrub(text: string): string;
  /** A copy of parsed JSON `value` with every string scrubbed; `value` itself when nothing changed. */
  scrubValue(value: unknown): unknown;
}

export function createSecretScrubber(fixed: readonly (string | undefined)[]): SecretScrubber {
  const known = fixed.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
  const dynamic: string[] = [];
  const scrub = (text: string): string => {
    let out = text;
    for (const s of known) if (out.includes(s)) out = out.split(s).join(REDACTED);
    for (const s of dynamic) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
  const scrubValue = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (typeof value !== 'object' || value === null || depth > 32) return value;
    const seen = { changed: false };
    const copy: unknown = Array.isArray(value)
      ? value.map((v: unknown) => {
          const s = scrubValue(v, depth + 1);
          seen.changed ||= s !== v;
          return s;
        })
      : Object.fromEntries(
          Object.entries(value).map(([k, v]) => {
            const s = scrubValue(v, depth + 1);
            seen.changed ||= s !== v;
            return [k, s];
          }),
        );
    return seen.changed ? copy : value;
  };
  return {
    scrub,
    scrubValue: (value) => (known.length + dynamic.length === 0 ? value : scrubValue(value, 0)),
    remember(secret) {
      if (secret.length < MIN_SECRET_LENGTH || dynamic.includes(secret) || known.includes(secret)) return;
      dynamic.push(secret);
      if (dynamic.length > MAX_DYNAMIC) dynamic.shift();
    },
  };
}
