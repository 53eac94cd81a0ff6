/** Behaviour of the sm profile provider beyond the published vectors (see sm-known-answers.test.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createSmCrypto } from './sm.js';
import { generateCryptoConfig } from './keys.js';
import { encodeDerSignature, decodeDerSignature } from './der.js';

const config = generateCryptoConfig('sm');
const c = createSmCrypto(config, { passwordIterations: 1000 });

test('profile is sm and hashes are SM3 hex', () => {
  assert.equal(c.profile, 'sm');
  assert.match(c.hash('x'), /^[0-9a-f]{64}$/);
  assert.equal(c.hash('中文'), c.hash(Buffer.from('中文', 'utf8')), 'strings are hashed as UTF-8');
});

test('field body layout is iv(16) ‖ SM4-CBC ciphertext(n×16) ‖ HMAC-SM3 tag(32)', () => {
  for (const [plain, blocks] of [['', 1], ['a'.repeat(15), 1], ['a'.repeat(16), 2]] as const) {
    const body = Buffer.from(c.encryptField(plain).slice(3), 'base64');
    assert.equal(body.length, 16 + blocks * 16 + 32, JSON.stringify(plain));
  }
});

test('the data key is split: first 16 bytes SM4, last 16 bytes HMAC-SM3 (tag recomputable)', () => {
  const keyBytes = Buffer.from(config.dataKeys[0].keyHex, 'hex');
  const body = Buffer.from(c.encryptField('split').slice(3), 'base64');
  const aad = Buffer.from('k1:');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(aad.length);
  const expected = createHmac('sm3', keyBytes.subarray(16)).update(len).update(aad).update(body.subarray(0, body.length - 32)).digest();
  assert.deepEqual(body.subarray(body.length - 32), expected);
});

test('blindIndex is deterministic, keyed, and differs between values', () => {
  assert.equal(c.blindIndex('110101199003077777'), c.blindIndex('110101199003077777'));
  assert.notEqual(c.blindIndex('110101199003077777'), c.blindIndex('110101199003077778'));
  const other = createSmCrypto(generateCryptoConfig('sm'), { passwordIterations: 1000 });
  assert.notEqual(other.blindIndex('110101199003077777'), c.blindIndex('110101199003077777'));
  assert.equal(c.blindIndex('x'), createHmac('sm3', Buffer.from(config.indexKeyHex, 'hex')).update('x').digest('hex'));
});

test('hmac rejects a non-hex key instead of silently truncating it', () => {
  assert.throws(() => c.hmac('abcx', 'data'), /hex/);
  assert.throws(() => c.hmac('', 'data'), /hex/);
});

test('SM2 sign/verify round-trips with DER output', () => {
  const sig = c.sign('处方 RX-1');
  assert.match(sig, /^30[0-9a-f]+$/);
  assert.ok(decodeDerSignature(Buffer.from(sig, 'hex')));
  assert.equal(c.verify('处方 RX-1', sig), true);
  assert.equal(c.verify(Buffer.from('处方 RX-1'), sig), true);
  assert.equal(c.verify('处方 RX-2', sig), false);
});

test('an SM2 signature does not verify under a different public key', () => {
  const other = generateCryptoConfig('sm').signing.publicKeyHex;
  const sig = c.sign('data');
  assert.equal(c.verify('data', sig, other), false);
  assert.equal(c.verify('data', sig, config.signing.publicKeyHex), true);
});

test('SM2 verify returns false (no throw) for garbage, non-canonical DER and out-of-range r/s', () => {
  const sig = c.sign('data');
  const raw = decodeDerSignature(Buffer.from(sig, 'hex'));
  assert.ok(raw);
  const n = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
  const cases = [
    '',
    'zz',
    '3000',
    sig + '00', // trailing byte
    sig.slice(0, -2),
    encodeDerSignature({ r: raw.r, s: raw.s + n }).toString('hex'), // s ≥ n
    encodeDerSignature({ r: 0n, s: raw.s }).toString('hex'),
  ];
  for (const bad of cases) assert.equal(c.verify('data', bad), false, bad);
  assert.equal(c.verify('data', sig, '04' + '00'.repeat(64)), false, 'point not on curve');
  assert.equal(c.verify('data', sig, 'not-a-key'), false);
});

test('hashPassword uses the pbkdf2-sm3 format with the configured iterations', async () => {
  const stored = await c.hashPassword('Zh@ngsan-2024');
  assert.match(stored, /^pbkdf2-sm3\$1000\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
  assert.equal(await c.verifyPassword('Zh@ngsan-2024', stored), true);
  assert.equal(await c.verifyPassword('zh@ngsan-2024', stored), false);
});

test('randomToken is url-safe and sized by bytes', () => {
  assert.match(c.randomToken(), /^[A-Za-z0-9_-]{43}$/);
  assert.equal(Buffer.from(c.randomToken(16), 'base64url').length, 16);
  assert.notEqual(c.randomToken(), c.randomToken());
});
