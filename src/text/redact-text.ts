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
  let out = '';
  let copied = 0;
  let i = 0;
  // Names already judged in this text: a text repeating one parameter pays for the check once.
  const judged = new Map<string, boolean>();
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      // Userinfo ends at the first "@" before any "/", "@" or whitespace.
      let j = i + 2;
      while (j < n && !isUserinfoEnd(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === AT) {
        out += text.slice(copied, i + 2);
        copied = j + 1;
        i = j + 1;
      } else i += 2;
      continue;
    }
    if (c === QUESTION || c === AMPERSAND) {
      // The name runs to "=" (a parameter) or stops at a query end or "?" (then it was none).
      let j = i + 1;
      while (j < n && !isNameEnd(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === EQUALS && j > i + 1) {
        const name = text.slice(i + 1, j);
        let secret = judged.get(name);
        if (secret === undefined) {
          secret = isSecretKey(name.includes('%') ? decodeSafe(name) : name);
          if (judged.size < 1000) judged.set(name, secret);
        }
        if (secret) {
          let k = j + 1;
          while (k < n && !isQueryEnd(text.charCodeAt(k))) k++;
          out += `${text.slice(copied, j + 1)}${REDACTED}`;
          copied = k;
          i = k;
        } else {
          // A harmless value is scanned too: it may hold a URL with userinfo or its own query.
          i = j + 1;
        }
      } else i = j;
      continue;
    }
    i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const SLASH = 0x2f;
const AT = 0x40;
const QUESTION = 0x3f;
const AMPERSAND = 0x26;
const EQUALS = 0x3d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
function isUserinfoEnd(c: number): boolean {
  return c === SLASH || c === AT || isSpace(c);
}
function isQueryEnd(c: number): boolean {
  return c === AMPERSAND || c === 0x23 /* # */ || isSpace(c);
}
function isNameEnd(c: number): boolean {
  return c === EQUALS || c === QUESTION || isQueryEnd(c);
}

/** `decodeURIComponent`, or `s` itself when it is not valid percent-encoding. */
export function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
