/**
 * Password storage, shared by both profiles.
 *
 * Stored form: `${algorithm}$${iterations}$${base64 salt}$${base64 hash}`, e.g.
 *   pbkdf2-sm3$100000$<salt b64>$<hash b64>     (sm profile)
 *   pbkdf2-sha256$600000$<salt b64>$<hash b64>  (intl profile)
 * Every parameter is in the string, so verification works whichever profile is
 * active now: switching profile (or iteration count) never locks users out.
 * Use passwordNeedsRehash after a successful login to migrate old hashes.
 */
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { parseStrictBase64 } from './hex.js';

export type PasswordAlgorithm = 'pbkdf2-sm3' | 'pbkdf2-sha256';

const DIGEST: Record<PasswordAlgorithm, string> = { 'pbkdf2-sm3': 'sm3', 'pbkdf2-sha256': 'sha256' };
const SALT_BYTES = 16;
const HASH_BYTES = 32;
// Upper bound stops a corrupted/hostile stored value from pinning the libuv pool for minutes.
const MAX_ITERATIONS = 10_000_000;

// Async so 100k+ iterations run on the libuv pool, not the event loop.
const pbkdf2Async = promisify(pbkdf2);

export interface ParsedPasswordHash {
  algorithm: PasswordAlgorithm;
  iterations: number;
  salt: Buffer;
  hash: Buffer;
}

/**
 * NIST SP 800-63B asks for Unicode normalisation (NFKC/NFKD) before hashing, so
 * a password typed through different IMEs (e.g. full-width vs half-width digits) still matches.
 */
function passwordBytes(password: string): Buffer {
  return Buffer.from(password.normalize('NFKC'), 'utf8');
}

export function assertIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`password iterations must be an integer between 1 and ${MAX_ITERATIONS}`);
  }
}

export async function hashPassword(password: string, algorithm: PasswordAlgorithm, iterations: number): Promise<string> {
  assertIterations(iterations);
  const salt = randomBytes(SALT_BYTES);
  const hash = await pbkdf2Async(passwordBytes(password), salt, iterations, HASH_BYTES, DIGEST[algorithm]);
  return `${algorithm}$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Returns null for anything that is not a well-formed hash in one of the known formats. */
export function parsePasswordHash(stored: string): ParsedPasswordHash | null {
  if (typeof stored !== 'string') return null;
  const parts = stored.split('$');
  if (parts.length !== 4) return null;
  const [algorithm, iterText = '', saltText = '', hashText = ''] = parts;
  if (algorithm !== 'pbkdf2-sm3' && algorithm !== 'pbkdf2-sha256') return null;
  if (!/^[1-9][0-9]{0,7}$/.test(iterText)) return null;
  const iterations = Number(iterText);
  if (iterations > MAX_ITERATIONS) return null;
  const salt = parseStrictBase64(saltText);
  const hash = parseStrictBase64(hashText);
  if (!salt || salt.length < 8 || salt.length > 64) return null;
  if (!hash || hash.length < 16 || hash.length > 64) return null;
  return { algorithm, iterations, salt, hash };
}

/** Accepts either profile's format; false (not an exception) for wrong password or unusable hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed || typeof password !== 'string') return false;
  const { algorithm, iterations, salt, hash } = parsed;
  const candidate = await pbkdf2Async(passwordBytes(password), salt, iterations, hash.length, DIGEST[algorithm]);
  return timingSafeEqual(candidate, hash);
}

/** True when a (verified) stored hash should be replaced because the profile or iteration count changed. */
export function passwordNeedsRehash(stored: string, algorithm: PasswordAlgorithm, iterations: number): boolean {
  const parsed = parsePasswordHash(stored);
  return !parsed || parsed.algorithm !== algorithm || parsed.iterations < iterations;
}
