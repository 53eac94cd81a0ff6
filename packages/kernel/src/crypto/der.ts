/**
 * Strict DER for ECDSA/SM2 signatures: SEQUENCE { INTEGER r, INTEGER s }.
 * We do our own encoding because sm-crypto-v2's DER decoder is lenient (it
 * ignores tags and trailing bytes), which would let one signature be written
 * many ways. With this module each (r, s) has exactly one accepted encoding.
 */
export interface RawSignature {
  r: bigint;
  s: bigint;
}

function encodeInteger(value: bigint): Buffer {
  if (value < 0n) throw new RangeError('DER integer must be non-negative');
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  // A leading 1-bit would read as negative: prefix 0x00.
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  if (bytes.length > 127) throw new RangeError('DER integer too long');
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}

export function encodeDerSignature({ r, s }: RawSignature): Buffer {
  const body = Buffer.concat([encodeInteger(r), encodeInteger(s)]);
  if (body.length > 127) throw new RangeError('DER signature too long');
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

/** null unless `der` is the one canonical encoding of two positive integers (short-form lengths only). */
export function decodeDerSignature(der: Buffer): RawSignature | null {
  if (der.length < 8 || der.length > 129 || der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  let offset = 2;
  const readInteger = (): bigint | null => {
    if (der[offset] !== 0x02) return null;
    const len = der[offset + 1];
    if (len === undefined || len === 0 || len > 33) return null;
    const bytes = der.subarray(offset + 2, offset + 2 + len);
    if (bytes.length !== len) return null;
    const [first = 0, second = 0] = bytes;
    if (first & 0x80) return null; // negative
    if (len > 1 && first === 0 && !(second & 0x80)) return null; // non-minimal
    offset += 2 + len;
    return BigInt(`0x${bytes.toString('hex')}`);
  };
  const r = readInteger();
  const s = r === null ? null : readInteger();
  if (r === null || s === null || offset !== der.length) return null;
  return { r, s };
}
