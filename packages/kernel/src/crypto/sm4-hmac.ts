/**
 * SM4-CBC + HMAC-SM3, encrypt-then-MAC, on native node:crypto.
 * Why not SM4-GCM: Node 20's OpenSSL has no SM4-GCM ("Unknown cipher"), and the
 * pure-JS GCM in sm-crypto-v2 is much slower for files. CBC+HMAC (EtM) is a
 * generic-composition AEAD built only from natively available SM primitives.
 *
 * Key split (documented in types.ts DataKey.keyHex): the 32-byte data key is
 * used as SM4 key = bytes 0..15, HMAC-SM3 key = bytes 16..31. The halves are
 * independent random bytes, so no KDF is needed to separate them.
 *
 * body = iv (16) ‖ ciphertext (PKCS#7-padded, n×16) ‖ tag (32)
 * tag  = HMAC-SM3(macKey, len32be(aad) ‖ aad ‖ iv ‖ ciphertext)
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CryptoIntegrityError } from './types.js';
import type { Sealer } from './envelope.js';

const IV_BYTES = 16;
const BLOCK = 16;
const TAG_BYTES = 32;

function splitKey(key: Buffer): { encKey: Buffer; macKey: Buffer } {
  if (key.length !== 32) throw new Error('SM4-CBC+HMAC-SM3 needs a 32-byte data key');
  return { encKey: key.subarray(0, 16), macKey: key.subarray(16, 32) };
}

// The aad length prefix makes (aad, iv‖ct) splits unambiguous.
function tagOf(macKey: Buffer, aad: Buffer, iv: Buffer, ct: Buffer): Buffer {
  const aadLen = Buffer.alloc(4);
  aadLen.writeUInt32BE(aad.length);
  return createHmac('sm3', macKey).update(aadLen).update(aad).update(iv).update(ct).digest();
}

export const sm4CbcHmacSm3: Sealer = {
  algorithm: 'SM4-CBC+HMAC-SM3',

  seal(key, plain, aad) {
    const { encKey, macKey } = splitKey(key);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('sm4-cbc', encKey, iv);
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, ct, tagOf(macKey, aad, iv, ct)]);
  },

  open(key, body, aad) {
    const ctLen = body.length - IV_BYTES - TAG_BYTES;
    if (ctLen < BLOCK || ctLen % BLOCK !== 0) throw new CryptoIntegrityError();
    const { encKey, macKey } = splitKey(key);
    const iv = body.subarray(0, IV_BYTES);
    const ct = body.subarray(IV_BYTES, IV_BYTES + ctLen);
    const tag = body.subarray(IV_BYTES + ctLen);
    // MAC first, in constant time, and never touch the padding of unauthenticated data (no padding oracle).
    if (!timingSafeEqual(tagOf(macKey, aad, iv, ct), tag)) throw new CryptoIntegrityError();
    try {
      const decipher = createDecipheriv('sm4-cbc', encKey, iv);
      return Buffer.concat([decipher.update(ct), decipher.final()]);
    } catch {
      throw new CryptoIntegrityError();
    }
  },
};
