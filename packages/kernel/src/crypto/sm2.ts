/**
 * SM2 signatures (GB/T 32918.2) with the GM/T 0009 default distinguishing ID.
 *
 * Why sm-crypto-v2 and not node:crypto: Node 20 either signs ECDSA-over-the-SM2-curve
 * (generated keys) or SM2 with an *empty* ID (imported keys), and cannot set the ID;
 * CAs and peers following GM/T 0009 use '1234567812345678'
 * (china-health-it.md §1, §6.2). sm-crypto-v2 with `hash: true` computes
 * e = SM3(Z_A ‖ M) with that ID; we pass the ID explicitly so a change of library
 * default can never silently change our signatures.
 *
 * Signatures are DER (SEQUENCE of two INTEGERs) as hex, encoded/decoded by der.ts.
 */
import { sm2 } from 'sm-crypto-v2';
import { decodeDerSignature, encodeDerSignature } from './der.js';
import { isHex } from './hex.js';
import type { SigningKeyPair } from './types.js';

export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** order n of the sm2p256v1 base point (GB/T 32918.5) */
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const PUBLIC_KEY = /^04[0-9a-fA-F]{128}$/;
const PRIVATE_KEY = /^[0-9a-fA-F]{64}$/;

/** Throws (without echoing key material) unless the pair is a valid sm2p256v1 key pair that belongs together. */
export function assertSm2KeyPair(pair: SigningKeyPair): void {
  if (!PRIVATE_KEY.test(pair.privateKeyHex)) throw new Error('SM2 private key must be 64 hex chars');
  const d = BigInt(`0x${pair.privateKeyHex}`);
  // GB/T 32918.1: d ∈ [1, n-2]
  if (d < 1n || d > N - 2n) throw new Error('SM2 private key is out of range');
  if (!PUBLIC_KEY.test(pair.publicKeyHex) || !sm2.verifyPublicKey(pair.publicKeyHex)) {
    throw new Error("SM2 public key must be an uncompressed point ('04' + 128 hex) on sm2p256v1");
  }
  if (sm2.getPublicKeyFromPrivateKey(pair.privateKeyHex).toLowerCase() !== pair.publicKeyHex.toLowerCase()) {
    throw new Error('SM2 public key does not match the private key');
  }
}

export function sm2Sign(data: Buffer, pair: SigningKeyPair, userId: string = SM2_DEFAULT_USER_ID): string {
  const raw = sm2.doSignature(new Uint8Array(data), pair.privateKeyHex, {
    hash: true,
    der: false,
    publicKey: pair.publicKeyHex, // saves a scalar multiplication per signature
    userId,
  });
  const r = BigInt(`0x${raw.slice(0, 64)}`);
  const s = BigInt(`0x${raw.slice(64, 128)}`);
  return encodeDerSignature({ r, s }).toString('hex');
}

/** false (never throws) for bad signatures, malformed DER, out-of-range r/s or a bad public key. */
export function sm2Verify(data: Buffer, signatureHex: string, publicKeyHex: string, userId: string = SM2_DEFAULT_USER_ID): boolean {
  if (typeof signatureHex !== 'string' || !isHex(signatureHex) || !PUBLIC_KEY.test(publicKeyHex)) return false;
  const sig = decodeDerSignature(Buffer.from(signatureHex, 'hex'));
  // GB/T 32918.2 steps B1/B2 (r, s ∈ [1, n-1]) up front: sm-crypto-v2 has no explicit check
  // (out-of-range values either throw inside it or just compare unequal).
  if (!sig || sig.r < 1n || sig.r >= N || sig.s < 1n || sig.s >= N) return false;
  const rawHex = sig.r.toString(16).padStart(64, '0') + sig.s.toString(16).padStart(64, '0');
  try {
    return sm2.doVerifySignature(new Uint8Array(data), rawHex, publicKeyHex, { hash: true, der: false, userId });
  } catch {
    return false; // e.g. public key not on the curve
  }
}
