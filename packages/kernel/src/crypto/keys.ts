/**
 * Key material for a CryptoConfig. Both profiles use 32-byte data keys
 * (sm: SM4 key ‖ HMAC-SM3 key; intl: AES-256 key), so rotation is profile-independent.
 */
import { sm2 } from 'sm-crypto-v2';
import type { CryptoConfig, CryptoProfileName, SigningKeyPair } from './types.js';
import { generateP256KeyPair } from './p256.js';
import { randomKeyHex } from './random.js';

export function generateSigningKeyPair(profile: CryptoProfileName): SigningKeyPair {
  if (profile === 'sm') {
    const { privateKey, publicKey } = sm2.generateKeyPairHex();
    return { privateKeyHex: privateKey, publicKeyHex: publicKey };
  }
  if (profile === 'intl') return generateP256KeyPair();
  throw new Error(`unknown crypto profile ${JSON.stringify(profile)}`);
}

export function generateCryptoConfig(profile: CryptoProfileName = 'sm'): CryptoConfig {
  return {
    profile,
    dataKeys: [{ id: 'k1', keyHex: randomKeyHex(32) }],
    activeKeyId: 'k1',
    indexKeyHex: randomKeyHex(32),
    signing: generateSigningKeyPair(profile),
  };
}

/**
 * Returns a new config with a fresh data key `k<n+1>` made active; old keys stay
 * so existing ciphertext still decrypts (and can be moved with rotateField).
 * The index key is deliberately untouched: rotating it would orphan every blind index.
 */
export function addDataKey(config: CryptoConfig): CryptoConfig {
  const highest = config.dataKeys.reduce((max, { id }) => {
    const m = /^k(\d+)$/.exec(id);
    return m ? Math.max(max, Number(m[1])) : max;
  }, 0);
  const id = `k${highest + 1}`;
  return {
    ...config,
    dataKeys: [...config.dataKeys.map((k) => ({ ...k })), { id, keyHex: randomKeyHex(32) }],
    activeKeyId: id,
    signing: { ...config.signing },
  };
}
