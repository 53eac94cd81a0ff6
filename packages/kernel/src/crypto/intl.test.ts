/** The intl profile: published vectors for SHA-256 / HMAC-SHA-256 / ECDSA P-256, plus round-trips. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIntlCrypto } from './intl.js';
import { generateCryptoConfig } from './keys.js';
import { encodeDerSignature } from './der.js';

const config = generateCryptoConfig('intl');
const c = createIntlCrypto(config, { passwordIterations: 1000 });

test('SHA-256 matches FIPS 180-2 Appendix B.1 ("abc")', () => {
  assert.equal(c.hash('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('HMAC-SHA-256 matches RFC 4231 test case 2 ("Jefe")', () => {
  assert.equal(
    c.hmac(Buffer.from('Jefe').toString('hex'), 'what do ya want for nothing?').toString('hex'),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  );
});

// RFC 6979 A.2.5: P-256 key and the deterministic SHA-256 signature of "sample".
const rfc6979 = {
  d: 'c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721',
  pub: '0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6' + '7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299',
  r: 0xefd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716n,
  s: 0xf7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8n,
};

test('ECDSA P-256 verifies the RFC 6979 A.2.5 signature, proving the hex → JWK key import', () => {
  const sig = encodeDerSignature({ r: rfc6979.r, s: rfc6979.s }).toString('hex');
  assert.equal(c.verify('sample', sig, rfc6979.pub), true);
  assert.equal(c.verify('samplf', sig, rfc6979.pub), false);
  // and the RFC private key imports as a matching pair that signs verifiably
  const rfcProvider = createIntlCrypto({ ...config, signing: { privateKeyHex: rfc6979.d, publicKeyHex: rfc6979.pub } });
  assert.equal(rfcProvider.verify('sample', sig), true);
  assert.equal(rfcProvider.verify('sample', rfcProvider.sign('sample')), true);
});

test('ECDSA P-256 round-trips and fails under another public key or message', () => {
  const sig = c.sign('discharge summary');
  assert.match(sig, /^30[0-9a-f]+$/);
  assert.equal(c.verify('discharge summary', sig), true);
  assert.equal(c.verify('discharge summary!', sig), false);
  assert.equal(c.verify('discharge summary', sig, generateCryptoConfig('intl').signing.publicKeyHex), false);
  assert.equal(c.verify('discharge summary', 'zz'), false);
  assert.equal(c.verify('discharge summary', sig, '04' + '11'.repeat(64)), false, 'point not on the curve');
});

test('a signing pair whose public key is not d·G is refused at construction', () => {
  const other = generateCryptoConfig('intl').signing;
  assert.throws(() => createIntlCrypto({ ...config, signing: { ...config.signing, publicKeyHex: other.publicKeyHex } }), /does not match/);
});

test('AES-256-GCM field body is iv(12) ‖ ciphertext ‖ tag(16)', () => {
  const body = Buffer.from(c.encryptField('12345').slice(3), 'base64');
  assert.equal(body.length, 12 + 5 + 16);
  assert.equal(c.decryptField(c.encryptField('12345')), '12345');
});

test('blindIndex is HMAC-SHA-256 hex, deterministic and keyed', () => {
  assert.match(c.blindIndex('13800138000'), /^[0-9a-f]{64}$/);
  assert.equal(c.blindIndex('13800138000'), c.blindIndex('13800138000'));
  assert.notEqual(c.blindIndex('13800138000'), createIntlCrypto(generateCryptoConfig('intl')).blindIndex('13800138000'));
});

test('hashPassword uses pbkdf2-sha256 and rejects a wrong password', async () => {
  const stored = await c.hashPassword('correct horse');
  assert.match(stored, /^pbkdf2-sha256\$1000\$/);
  assert.equal(await c.verifyPassword('correct horse', stored), true);
  assert.equal(await c.verifyPassword('correct horsf', stored), false);
});
