/**
 * ECDSA P-256 keys as hex (private = 32-byte scalar, public = uncompressed '04' ‖ X ‖ Y),
 * converted to node:crypto KeyObjects through JWK, the one import format that takes raw coordinates.
 */
import { createECDH, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SigningKeyPair } from './types.js';

const PUBLIC_KEY = /^04[0-9a-fA-F]{128}$/;
const PRIVATE_KEY = /^[0-9a-fA-F]{64}$/;

const b64u = (hex: string): string => Buffer.from(hex, 'hex').toString('base64url');
const hexOf = (b64url: string | undefined): string => Buffer.from(b64url ?? '', 'base64url').toString('hex').padStart(64, '0');

/** Throws if the hex is malformed or the point is not on P-256 (node validates the point on import). */
export function p256PublicKey(publicKeyHex: string): KeyObject {
  if (!PUBLIC_KEY.test(publicKeyHex)) throw new Error("P-256 public key must be '04' + 128 hex chars");
  return createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(publicKeyHex.slice(2, 66)), y: b64u(publicKeyHex.slice(66)) },
    format: 'jwk',
  });
}

/** Imports the pair, first checking that the public key really is d·G (JWK import alone does not). */
export function p256PrivateKey(pair: SigningKeyPair): KeyObject {
  if (!PRIVATE_KEY.test(pair.privateKeyHex)) throw new Error('P-256 private key must be 64 hex chars');
  if (!PUBLIC_KEY.test(pair.publicKeyHex)) throw new Error("P-256 public key must be '04' + 128 hex chars");
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(pair.privateKeyHex, 'hex')); // throws if d is 0 or ≥ n
  if (ecdh.getPublicKey('hex', 'uncompressed') !== pair.publicKeyHex.toLowerCase()) {
    throw new Error('P-256 public key does not match the private key');
  }
  const pub = pair.publicKeyHex;
  return createPrivateKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(pub.slice(2, 66)), y: b64u(pub.slice(66)), d: b64u(pair.privateKeyHex) },
    format: 'jwk',
  });
}

export function generateP256KeyPair(): SigningKeyPair {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  return { privateKeyHex: hexOf(jwk.d), publicKeyHex: `04${hexOf(jwk.x)}${hexOf(jwk.y)}` };
}
