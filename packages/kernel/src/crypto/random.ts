import { randomBytes } from 'node:crypto';

/** Cryptographically random, URL-safe (base64url, no padding) token. */
export function randomToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > 1024) {
    throw new RangeError('randomToken: bytes must be an integer between 1 and 1024');
  }
  return randomBytes(bytes).toString('base64url');
}

/** Fresh random key material as lowercase hex (default 32 bytes = 256 bits). */
export function randomKeyHex(bytes = 32): string {
  return randomBytes(bytes).toString('hex');
}
