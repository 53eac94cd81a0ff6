/** Password storage: published PBKDF2 vector, cross-profile verification, malformed input, rehash policy. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sm3 } from 'sm-crypto-v2';
import { createCrypto } from './index.js';
import { generateCryptoConfig } from './keys.js';
import { hashPassword, parsePasswordHash, passwordNeedsRehash, verifyPassword } from './password.js';

const fast = { passwordIterations: 1000 };

test('verifyPassword accepts the PBKDF2-HMAC-SHA256 vector (P=passwordPASSWORDpassword, 36-byte salt, c=4096, dkLen=40)', async () => {
  // Widely published PBKDF2-HMAC-SHA256 test vector (RFC 6070 inputs, SHA-256 PRF).
  const salt = Buffer.from('saltSALTsaltSALTsaltSALTsaltSALTsalt').toString('base64');
  const dk = Buffer.from('348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9', 'hex').toString('base64');
  const stored = `pbkdf2-sha256$4096$${salt}$${dk}`;
  assert.equal(await verifyPassword('passwordPASSWORDpassword', stored), true);
  assert.equal(await verifyPassword('passwordPASSWORDpassworD', stored), false);
});

/** Independent PBKDF2 (RFC 8018 §5.2) over sm-crypto-v2's pure-JS HMAC-SM3, to cross-check native 'sm3'. */
function referencePbkdf2Sm3(password: Buffer, salt: Buffer, iterations: number, length: number): Buffer {
  const prf = (data: Buffer): Buffer => Buffer.from(sm3(new Uint8Array(data), { key: new Uint8Array(password), mode: 'hmac' }), 'hex');
  const blocks: Buffer[] = [];
  for (let i = 1; blocks.length * 32 < length; i++) {
    const index = Buffer.alloc(4);
    index.writeUInt32BE(i);
    let u = prf(Buffer.concat([salt, index]));
    const t = Buffer.from(u);
    for (let j = 1; j < iterations; j++) {
      u = prf(u);
      for (let b = 0; b < t.length; b++) t[b] ^= u[b];
    }
    blocks.push(t);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

test('pbkdf2-sm3 hashes equal an independent PBKDF2 over sm-crypto-v2 HMAC-SM3', async () => {
  const stored = await hashPassword('口令Passw0rd', 'pbkdf2-sm3', 50);
  const parsed = parsePasswordHash(stored);
  assert.ok(parsed);
  assert.equal(parsed.algorithm, 'pbkdf2-sm3');
  assert.equal(parsed.iterations, 50);
  assert.equal(parsed.salt.length, 16);
  const expected = referencePbkdf2Sm3(Buffer.from('口令Passw0rd'), parsed.salt, 50, 32);
  assert.deepEqual(parsed.hash, expected);
});

test('the sm profile defaults to 100000 iterations; options override it', async () => {
  const config = generateCryptoConfig('sm');
  assert.match(await createCrypto(config).hashPassword('pw'), /^pbkdf2-sm3\$100000\$/);
  assert.match(await createCrypto(config, { passwordIterations: 2000 }).hashPassword('pw'), /^pbkdf2-sm3\$2000\$/);
  assert.throws(() => createCrypto(config, { passwordIterations: 0 }), RangeError);
  assert.throws(() => createCrypto(config, { passwordIterations: 1.5 }), RangeError);
});

test('switching profile does not lock users out: each profile verifies the other format', async () => {
  const sm = createCrypto(generateCryptoConfig('sm'), fast);
  const intl = createCrypto(generateCryptoConfig('intl'), fast);
  const fromSm = await sm.hashPassword('s3cret!');
  const fromIntl = await intl.hashPassword('s3cret!');
  assert.equal(await intl.verifyPassword('s3cret!', fromSm), true);
  assert.equal(await sm.verifyPassword('s3cret!', fromIntl), true);
  assert.equal(await intl.verifyPassword('s3cret?', fromSm), false);
  assert.equal(await sm.verifyPassword('s3cret?', fromIntl), false);
});

test('same password hashes differently each time (random salt)', async () => {
  assert.notEqual(await hashPassword('pw', 'pbkdf2-sm3', 10), await hashPassword('pw', 'pbkdf2-sm3', 10));
});

test('passwords are NFKC-normalised: full-width and half-width digits match', async () => {
  const stored = await hashPassword('密码１２３', 'pbkdf2-sm3', 10);
  assert.equal(await verifyPassword('密码123', stored), true);
});

test('malformed or unknown stored values verify as false, never throw', async () => {
  const good = await hashPassword('pw', 'pbkdf2-sha256', 10);
  const [, , salt, hash] = good.split('$');
  const bad = [
    '',
    'pw',
    `bcrypt$10$${salt}$${hash}`,
    `pbkdf2-sha256$0$${salt}$${hash}`,
    `pbkdf2-sha256$99999999999$${salt}$${hash}`,
    `pbkdf2-sha256$10$${salt}`,
    `pbkdf2-sha256$10$${salt}$${hash}$extra`,
    `pbkdf2-sha256$10$@@@$${hash}`,
    `pbkdf2-sha256$10$${salt}$AAAA`,
  ];
  for (const stored of bad) assert.equal(await verifyPassword('pw', stored), false, stored);
  assert.equal(await verifyPassword('pw', good), true);
});

test('passwordNeedsRehash flags other-profile and weaker hashes', async () => {
  const weakSm = await hashPassword('pw', 'pbkdf2-sm3', 10);
  assert.equal(passwordNeedsRehash(weakSm, 'pbkdf2-sm3', 10), false);
  assert.equal(passwordNeedsRehash(weakSm, 'pbkdf2-sm3', 100_000), true);
  assert.equal(passwordNeedsRehash(weakSm, 'pbkdf2-sha256', 10), true);
  assert.equal(passwordNeedsRehash('garbage', 'pbkdf2-sm3', 10), true);
});
