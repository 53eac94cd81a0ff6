/**
 * The platform's one crypto interface. Two profiles implement it:
 * - `sm`   (default, 商用密码): SM3 hashing/HMAC, SM4 field encryption, SM2 signatures (GB/T 32918, default ID 1234567812345678)
 * - `intl` (non-Chinese deployments): SHA-256/HMAC-SHA-256, AES-256-GCM, ECDSA P-256
 * Modules never call node:crypto directly for these jobs; they call the profile the kernel hands them.
 */
export type CryptoProfileName = 'sm' | 'intl';

export interface DataKey {
  /** short id written into every ciphertext so old keys can still decrypt after rotation, e.g. "k1" */
  id: string;
  /** 32 bytes hex: half for the cipher key, half for the MAC key (sm), or a 256-bit AES key (intl) */
  keyHex: string;
}

export interface SigningKeyPair {
  privateKeyHex: string;
  publicKeyHex: string;
}

export interface CryptoConfig {
  profile: CryptoProfileName;
  /** all keys that may still decrypt; the active one encrypts */
  dataKeys: DataKey[];
  activeKeyId: string;
  /** secret for keyed lookup hashes (blind indexes of ID numbers / phones), hex */
  indexKeyHex: string;
  signing: SigningKeyPair;
}

export interface CryptoProvider {
  readonly profile: CryptoProfileName;
  /** SM3 / SHA-256 hex digest */
  hash(data: string | Buffer): string;
  /** HMAC-SM3 / HMAC-SHA-256 */
  hmac(keyHex: string, data: string | Buffer): Buffer;
  /** deterministic keyed hash used to look up encrypted columns by exact value (hex) */
  blindIndex(value: string): string;
  /** authenticated encryption of a text column; output is `${keyId}:${base64}` */
  encryptField(plain: string): string;
  /** throws CryptoIntegrityError if tampered or the key id is unknown */
  decryptField(sealed: string): string;
  /** same for files / buffers */
  encryptBuffer(plain: Buffer): Buffer;
  decryptBuffer(sealed: Buffer): Buffer;
  /** re-encrypts a sealed value with the active key if it was sealed with an older one */
  rotateField(sealed: string): string;
  /** SM2 (default distinguishing ID) / ECDSA P-256 over the data; signature hex (DER) */
  sign(data: string | Buffer): string;
  verify(data: string | Buffer, signatureHex: string, publicKeyHex?: string): boolean;
  /** PBKDF2-HMAC-SM3 / PBKDF2-HMAC-SHA-256; stored form encodes algorithm, iterations, salt and hash */
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, stored: string): Promise<boolean>;
  /** cryptographically random url-safe token */
  randomToken(bytes?: number): string;
}

export class CryptoIntegrityError extends Error {
  constructor(message = 'ciphertext failed its integrity check') {
    super(message);
    this.name = 'CryptoIntegrityError';
  }
}
