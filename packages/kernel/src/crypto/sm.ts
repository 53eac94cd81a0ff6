/**
 * The `sm` (商用密码) profile: SM3 / HMAC-SM3 / PBKDF2-HMAC-SM3 and SM4 on native
 * node:crypto, SM2 signatures via sm-crypto-v2 (default ID, see sm2.ts).
 */
import { createHash, createHmac, getCiphers, getHashes } from 'node:crypto';
import type { CryptoConfig, CryptoProvider } from './types.js';
import type { CryptoOptions } from './options.js';
import { createEnvelope } from './envelope.js';
import { sm4CbcHmacSm3 } from './sm4-hmac.js';
import { assertSm2KeyPair, sm2Sign, sm2Verify } from './sm2.js';
import { assertIterations, hashPassword, verifyPassword } from './password.js';
import { parseHex, toBytes } from './hex.js';
import { randomToken } from './random.js';

export const SM_PASSWORD_ITERATIONS = 100_000;

/** Fail at startup, not at the first encrypted write, on a Node/OpenSSL build without SM3/SM4. */
function assertNativeSm(): void {
  if (!getHashes().includes('sm3') || !getCiphers().includes('sm4-cbc')) {
    throw new Error('this Node.js/OpenSSL build lacks sm3 or sm4-cbc; the sm crypto profile cannot run');
  }
}

export function createSmCrypto(config: CryptoConfig, options: CryptoOptions = {}): CryptoProvider {
  if (config.profile !== 'sm') throw new Error(`createSmCrypto needs profile 'sm', got ${JSON.stringify(config.profile)}`);
  assertNativeSm();
  const envelope = createEnvelope(config, sm4CbcHmacSm3);
  const indexKey = parseHex(config.indexKeyHex, 'indexKeyHex');
  if (indexKey.length < 16) throw new Error('indexKeyHex must be at least 16 bytes');
  const signing = { ...config.signing };
  assertSm2KeyPair(signing);
  const iterations = options.passwordIterations ?? SM_PASSWORD_ITERATIONS;
  assertIterations(iterations);

  return {
    profile: 'sm',
    hash: (data) => createHash('sm3').update(toBytes(data)).digest('hex'),
    hmac: (keyHex, data) => createHmac('sm3', parseHex(keyHex, 'hmac key')).update(toBytes(data)).digest(),
    blindIndex: (value) => createHmac('sm3', indexKey).update(value, 'utf8').digest('hex'),
    ...envelope,
    sign: (data) => sm2Sign(toBytes(data), signing),
    verify: (data, signatureHex, publicKeyHex = signing.publicKeyHex) => sm2Verify(toBytes(data), signatureHex, publicKeyHex),
    hashPassword: (password) => hashPassword(password, 'pbkdf2-sm3', iterations),
    verifyPassword,
    randomToken,
  };
}
