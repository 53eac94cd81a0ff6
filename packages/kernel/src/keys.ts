import fs from 'node:fs';
import path from 'node:path';
import type { CryptoConfig, CryptoProfileName } from './crypto/types.js';
import { generateCryptoConfig } from './crypto/keys.js';

/**
 * Loads the data-encryption, index and signing keys. On first start a fresh set is written
 * (mode 0600) next to the data; back it up with the database: without it, encrypted columns
 * cannot be read. KANGYUN_KEYS_FILE points elsewhere (e.g. a mounted secret).
 */
export function loadOrCreateKeys(file: string, profile: CryptoProfileName): CryptoConfig {
  if (fs.existsSync(file)) {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as CryptoConfig;
    if (stored.profile !== profile) {
      throw new Error(`keys file ${file} is for crypto profile "${stored.profile}" but KANGYUN_CRYPTO_PROFILE is "${profile}"`);
    }
    return stored;
  }
  const config = generateCryptoConfig(profile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
  return config;
}
