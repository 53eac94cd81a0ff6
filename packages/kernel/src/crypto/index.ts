/** Public surface of the kernel crypto layer; modules should import from here only. */
import type { CryptoConfig, CryptoProvider } from './types.js';
import type { CryptoOptions } from './options.js';
import { createSmCrypto } from './sm.js';
import { createIntlCrypto } from './intl.js';

export * from './types.js';
export type { CryptoOptions } from './options.js';
export { createSmCrypto, SM_PASSWORD_ITERATIONS } from './sm.js';
export { createIntlCrypto, INTL_PASSWORD_ITERATIONS } from './intl.js';
export { generateCryptoConfig, addDataKey, generateSigningKeyPair } from './keys.js';
export { passwordNeedsRehash, parsePasswordHash, type PasswordAlgorithm, type ParsedPasswordHash } from './password.js';
export { SM2_DEFAULT_USER_ID } from './sm2.js';
export { randomToken } from './random.js';

/** The provider for `config.profile` ('sm' by default in generated configs). */
export function createCrypto(config: CryptoConfig, options: CryptoOptions = {}): CryptoProvider {
  switch (config.profile) {
    case 'sm':
      return createSmCrypto(config, options);
    case 'intl':
      return createIntlCrypto(config, options);
    default:
      throw new Error(`unknown crypto profile ${JSON.stringify((config as { profile: unknown }).profile)}`);
  }
}
