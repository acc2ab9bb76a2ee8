// Server-directed waits. `retry-after-ms` (a de-facto extension used by OpenAI and Azure) wins over
// `Retry-After`, which is delay-seconds or an HTTP-date (RFC 9110 §10.2.3, §5.6.7).

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
// The three HTTP-date forms, matched strictly: Date.parse alone reads free text like "May 1" as a date.
const IMF_FIXDATE = new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`);
const RFC_850 = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`,
);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} (?: \\d|\\d{2}) ${TIME} \\d{4}$`);

/** Ms to wait as the server asked, or undefined when it did not ask (or asked in a form we cannot read). */
export function parseRetryAfter(
  get: (name: string) => string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const ms = get('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) {
    const value = Math.ceil(Number(ms));
    if (Number.isSafeInteger(value)) return value;
  }
  const raw = get('retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) {
    const value = Number(raw) * 1000;
    return Number.isSafeInteger(value) ? value : undefined;
  }
  let at: number;
  if (IMF_FIXDATE.test(raw) || RFC_850.test(raw)) at = Date.parse(raw);
  // asctime has no zone, and HTTP-dates are always GMT: say so, or Date.parse uses local time.
  else if (ASCTIME.test(raw)) at = Date.parse(`${raw} GMT`);
  else return undefined;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
