// Redaction of free text (log messages) in one left-to-right pass. The regular expressions this
// replaces backtracked: a 100 KB run of "?" took seconds. Each character here is looked at a bounded
// number of times, whatever the input.

const REDACTED = '[REDACTED]';

/**
 * Removes `user:pass@` after every `//` and redacts the value of every `?name=` / `&name=` whose
 * name `isSecretKey` accepts (percent-decoded). Linear in `text.length`.
 */
export function redactText(text: string, isSecretKey: (name: string) => boolean): string {
  // Fast path: nothing that could hold userinfo or a query parameter.
  if (!text.includes('@') && !text.includes('=')) return text;
  const n = text.length;
  // Unchanged stretches are copied as slices: `out` grows only where something is removed or redacted.
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      // Userinfo ends at the first "@" before any "/", "@" or whitespace.
      let j = i + 2;
      while (j < n && !USERINFO_END.has(text[j] as string)) j++;
      if (text[j] === '@') {
        out.push(text.slice(copied, i + 2));
        copied = j + 1;
        i = j + 1;
      } else i += 2;
      continue;
    }
    if (c === '?' || c === '&') {
      // The name runs to "=" (a parameter) or stops at a query end or "?" (then it was none).
      let j = i + 1;
      while (j < n && !NAME_END.has(text[j] as string)) j++;
      if (text[j] === '=' && j > i + 1) {
        let k = j + 1;
        while (k < n && !QUERY_END.has(text[k] as string)) k++;
        const name = text.slice(i + 1, j);
        if (isSecretKey(name.includes('%') ? decodeSafe(name) : name)) {
          out.push(text.slice(copied, j + 1), REDACTED);
          copied = k;
        }
        i = k;
      } else i = j;
      continue;
    }
    i++;
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join('');
}

const USERINFO_END = new Set(['/', '@', ' ', '\t', '\n', '\r']);
const QUERY_END = new Set(['&', '#', ' ', '\t', '\n', '\r']);
const NAME_END = new Set([...QUERY_END, '=', '?']);

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
