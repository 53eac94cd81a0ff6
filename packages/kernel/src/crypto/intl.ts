/**
 * The `intl` profile for non-Chinese deployments: SHA-256, HMAC-SHA-256,
 * AES-256-GCM, ECDSA P-256 (SHA-256, DER) and PBKDF2-HMAC-SHA-256, all native.
 */
import { createHash, createHmac, sign, verify } from 'node:crypto';
import type { CryptoConfig, CryptoProvider } from './types.js';
import type { CryptoOptions } from './options.js';
import { createEnvelope } from './envelope.js';
import { aes256Gcm } from './aes-gcm.js';
import { p256PrivateKey, p256PublicKey } from './p256.js';
import { assertIterations, hashPassword, verifyPassword } from './password.js';
import { isHex, parseHex, toBytes } from './hex.js';
import { randomToken } from './random.js';

/** OWASP Password Storage Cheat Sheet (2023) figure for PBKDF2-HMAC-SHA-256. */
export const INTL_PASSWORD_ITERATIONS = 600_000;

export function createIntlCrypto(config: CryptoConfig, options: CryptoOptions = {}): CryptoProvider {
  if (config.profile !== 'intl') throw new Error(`createIntlCrypto needs profile 'intl', got ${JSON.stringify(config.profile)}`);
  const envelope = createEnvelope(config, aes256Gcm);
  const indexKey = parseHex(config.indexKeyHex, 'indexKeyHex');
  if (indexKey.length < 16) throw new Error('indexKeyHex must be at least 16 bytes');
  const privateKey = p256PrivateKey(config.signing);
  const ownPublicKeyHex = config.signing.publicKeyHex;
  const ownPublicKey = p256PublicKey(ownPublicKeyHex);
  const iterations = options.passwordIterations ?? INTL_PASSWORD_ITERATIONS;
  assertIterations(iterations);

  const verifySignature = (data: string | Buffer, signatureHex: string, publicKeyHex?: string): boolean => {
    if (typeof signatureHex !== 'string' || !isHex(signatureHex)) return false;
    try {
      const key = publicKeyHex === undefined || publicKeyHex === ownPublicKeyHex ? ownPublicKey : p256PublicKey(publicKeyHex);
      return verify('sha256', toBytes(data), { key, dsaEncoding: 'der' }, Buffer.from(signatureHex, 'hex'));
    } catch {
      return false; // malformed key or signature is a failed verification, not a crash
    }
  };

  return {
    profile: 'intl',
    hash: (data) => createHash('sha256').update(toBytes(data)).digest('hex'),
    hmac: (keyHex, data) => createHmac('sha256', parseHex(keyHex, 'hmac key')).update(toBytes(data)).digest(),
    blindIndex: (value) => createHmac('sha256', indexKey).update(value, 'utf8').digest('hex'),
    ...envelope,
    sign: (data) => sign('sha256', toBytes(data), { key: privateKey, dsaEncoding: 'der' }).toString('hex'),
    verify: verifySignature,
    hashPassword: (password) => hashPassword(password, 'pbkdf2-sha256', iterations),
    verifyPassword,
    randomToken,
  };
}
