/**
 * Cross-check against an independent SM2 implementation: Node/OpenSSL's built-in
 * SM2, which always uses an *empty* distinguishing ID (china-health-it.md §6.2).
 * If the ID handling were right, an empty-ID signature from sm-crypto-v2 must verify
 * natively while our default-ID signatures must not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { createSmCrypto } from './sm.js';
import { generateCryptoConfig } from './keys.js';

// SubjectPublicKeyInfo prefix: id-ecPublicKey + sm2p256v1 (1.2.156.10197.1.301), 65-byte point.
const SPKI_SM2_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200';
const nativeSm2Key = (publicKeyHex: string): KeyObject =>
  createPublicKey({ key: Buffer.from(SPKI_SM2_PREFIX + publicKeyHex, 'hex'), format: 'der', type: 'spki' });

const config = generateCryptoConfig('sm');
const provider = createSmCrypto(config, { passwordIterations: 1000 });
const key = nativeSm2Key(config.signing.publicKeyHex);
const message = Buffer.from('住院病历 2024-001 签名');

test('an empty-ID SM2 signature from sm-crypto-v2 verifies with node:crypto built-in SM2', () => {
  const emptyIdSig = sm2.doSignature(new Uint8Array(message), config.signing.privateKeyHex, { hash: true, der: true, userId: '' });
  assert.equal(verify('sm3', message, key, Buffer.from(emptyIdSig, 'hex')), true);
});

test('our default-ID (1234567812345678) signature does NOT verify with built-in SM2, but does with ours', () => {
  const sig = provider.sign(message);
  assert.equal(verify('sm3', message, key, Buffer.from(sig, 'hex')), false);
  assert.equal(provider.verify(message, sig), true);
});
