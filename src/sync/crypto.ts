// Encryption at rest for the state and dead-letter files: AES-256-GCM per line (node:crypto), a fresh
// 96-bit IV per line, so an appended line never re-encrypts the file and a torn last line fails its
// authentication tag instead of decrypting to garbage.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { InvalidArgumentError } from 'user-management-sdk';

/** The environment variable the key is read from. */
export const SYNC_KEY_ENV = 'USER_MGMT_SYNC_KEY';

/** Encrypts and decrypts lines; `undefined` key → lines pass through as they are. */
export interface LineCodec {
  readonly encrypted: boolean;
  encode(plain: string): string;
  /** The plain text, or undefined when the line does not decrypt (torn, wrong key, tampered). */
  decode(line: string): string | undefined;
  /**
   * A lookup key as stored on disk: with a key, an HMAC of it under the encryption key (the salted key
   * hashes could otherwise be confirmed by anyone holding the state directory and a list of emails);
   * without one, the key itself.
   */
  blind(key: string): string;
}

/** Parses a 32-byte key given as 64 hex digits or base64; throws InvalidArgumentError otherwise. */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32)
    throw new InvalidArgumentError(
      `${SYNC_KEY_ENV} must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32); got ${key.length} bytes.`,
    );
  return key;
}

/** The codec for a key (or none). Encrypted lines are JSON `{"v":1,"iv":…,"tag":…,"ct":…}`. */
export function createCodec(keyText: string | undefined): LineCodec {
  if (keyText === undefined || keyText === '')
    return { encrypted: false, encode: (plain) => plain, decode: (line) => line, blind: (key) => key };
  const key = parseKey(keyText);
  return {
    encrypted: true,
    blind: (k) => createHmac('sha256', key).update(k).digest().subarray(0, 16).toString('base64url'),
    encode(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return JSON.stringify({
        v: 1,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        ct: ct.toString('base64'),
      });
    },
    decode(line) {
      try {
        const box = JSON.parse(line) as { v?: unknown; iv?: unknown; tag?: unknown; ct?: unknown };
        if (
          box.v !== 1 ||
          typeof box.iv !== 'string' ||
          typeof box.tag !== 'string' ||
          typeof box.ct !== 'string'
        )
          return undefined;
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
        decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(box.ct, 'base64')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        return undefined;
      }
    },
  };
}

/** Whether a line is an encrypted box (so a reader can say "set USER_MGMT_SYNC_KEY" instead of failing oddly). */
export function isEncryptedLine(line: string): boolean {
  return line.startsWith('{"v":1,"iv":');
}
