/**
 * AES-256-GCM for the intl profile. body = iv (12) ‖ ciphertext ‖ tag (16).
 * Random 96-bit IVs are safe for up to ~2^32 messages per key; key rotation
 * (addDataKey) is the answer long before that.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoIntegrityError } from './types.js';
import type { Sealer } from './envelope.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export const aes256Gcm: Sealer = {
  algorithm: 'AES-256-GCM',

  seal(key, plain, aad) {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, ct, cipher.getAuthTag()]);
  },

  open(key, body, aad) {
    if (body.length < IV_BYTES + TAG_BYTES) throw new CryptoIntegrityError();
    const iv = body.subarray(0, IV_BYTES);
    const ct = body.subarray(IV_BYTES, body.length - TAG_BYTES);
    const tag = body.subarray(body.length - TAG_BYTES);
    try {
      // authTagLength pins the tag size so a truncated tag cannot be accepted.
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ct), decipher.final()]);
    } catch {
      throw new CryptoIntegrityError();
    }
  },
};
