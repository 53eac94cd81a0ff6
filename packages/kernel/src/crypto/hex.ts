/**
 * Strict hex/bytes helpers. Buffer.from(hex, 'hex') silently stops at the first
 * bad character, which would turn a typo in a key into a short (weak) key; so
 * every key that comes from configuration goes through parseHex instead.
 */
const HEX = /^(?:[0-9a-fA-F]{2})+$/;

export function isHex(value: string): boolean {
  return HEX.test(value);
}

/** Error messages name the field, never its value: the value is key material. */
export function parseHex(value: string, what: string, expectedBytes?: number): Buffer {
  if (typeof value !== 'string' || !HEX.test(value)) {
    throw new Error(`${what} must be a non-empty, even-length hex string`);
  }
  const bytes = Buffer.from(value, 'hex');
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new Error(`${what} must be ${expectedBytes} bytes (${expectedBytes * 2} hex chars)`);
  }
  return bytes;
}

/** Strings are always hashed/signed/encrypted as UTF-8 so both profiles agree on the bytes. */
export function toBytes(data: string | Buffer): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Buffer.from(b64, 'base64') ignores junk and non-zero padding bits; insist on the canonical form. */
export function parseStrictBase64(value: string): Buffer | null {
  const bytes = Buffer.from(value, 'base64');
  return bytes.toString('base64') === value ? bytes : null;
}
