// Server-directed waits. `retry-after-ms` (a de-facto extension used by OpenAI and Azure) wins over
// `Retry-After`, which is delay-seconds or an HTTP-date (RFC 9110 §10.2.3).

/** Ms to wait as the server asked, or undefined when it did not ask (or asked in a form we cannot read). */
export function parseRetryAfter(
  get: (name: string) => string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const ms = get('retry-after-ms');
  if (ms != null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.ceil(Number(ms));
  const raw = get('retry-after');
  if (raw == null) return undefined;
  const value = raw.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP-date: IMF-fixdate, or the obsolete RFC 850 / asctime forms, all of which Date.parse reads.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
