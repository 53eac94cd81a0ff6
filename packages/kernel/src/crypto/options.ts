/**
 * Tuning knobs that are not key material. They live outside CryptoConfig so a
 * config (which is secret and persisted) never carries test-only shortcuts.
 */
export interface CryptoOptions {
  /**
   * PBKDF2 iterations for *new* password hashes. Verification always uses the
   * count stored in the hash, so changing this never locks anyone out.
   * Defaults: 100 000 (sm, PBKDF2-HMAC-SM3), 600 000 (intl, PBKDF2-HMAC-SHA-256, OWASP 2023).
   * Lower it only for tests and demo seeding.
   */
  passwordIterations?: number;
}
