/** Field/buffer encryption, tamper detection and key rotation, run against both profiles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCrypto } from './index.js';
import { addDataKey, generateCryptoConfig } from './keys.js';
import { CryptoIntegrityError, type CryptoProfileName } from './types.js';

const fast = { passwordIterations: 1000 };
const isIntegrityError = (err: unknown): boolean => err instanceof CryptoIntegrityError;

for (const profile of ['sm', 'intl'] as CryptoProfileName[]) {
  const config = generateCryptoConfig(profile);
  const c = createCrypto(config, fast);

  test(`${profile}: field round-trips, including empty, CJK and long text`, () => {
    for (const plain of ['', '110101199003077777', '张三 · 高血压 Ⅱ级 🩺', 'x'.repeat(10_000)]) {
      const sealed = c.encryptField(plain);
      assert.match(sealed, /^k1:[A-Za-z0-9+/]+=*$/);
      assert.equal(c.decryptField(sealed), plain);
    }
  });

  test(`${profile}: encryption is randomised (same plaintext, different ciphertext)`, () => {
    assert.notEqual(c.encryptField('same'), c.encryptField('same'));
  });

  test(`${profile}: buffer round-trips and carries a header with the key id`, () => {
    for (const plain of [Buffer.alloc(0), Buffer.from('%PDF-1.7 ...'), Buffer.alloc(1 << 20, 7)]) {
      const sealed = c.encryptBuffer(plain);
      assert.deepEqual(sealed.subarray(0, 6), Buffer.from([0x4b, 0x59, 1, 2, 0x6b, 0x31])); // 'KY' v1 len=2 'k1'
      assert.deepEqual(c.decryptBuffer(sealed), plain);
    }
  });

  test(`${profile}: flipping any single byte of a sealed field is detected`, () => {
    const sealed = c.encryptField('13800138000');
    const body = Buffer.from(sealed.slice(3), 'base64');
    for (let i = 0; i < body.length; i++) {
      const bad = Buffer.from(body);
      bad[i] ^= 0x01;
      assert.throws(() => c.decryptField(`k1:${bad.toString('base64')}`), isIntegrityError, `byte ${i}`);
    }
  });

  test(`${profile}: flipping any single byte of a sealed buffer (header included) is detected`, () => {
    const sealed = c.encryptBuffer(Buffer.from('检验报告'));
    for (let i = 0; i < sealed.length; i++) {
      const bad = Buffer.from(sealed);
      bad[i] ^= 0x80;
      assert.throws(() => c.decryptBuffer(bad), isIntegrityError, `byte ${i}`);
    }
  });

  test(`${profile}: malformed, truncated, non-canonical or unknown-key input is an integrity error`, () => {
    const sealed = c.encryptField('abc');
    const b64 = sealed.slice(3);
    for (const bad of ['', 'k1', 'k1:', ':' + b64, 'k9:' + b64, 'k1:' + b64.slice(0, -4), 'k1:!!' + b64, 'k1:' + b64 + 'A', 'k1:' + b64 + ' ']) {
      assert.throws(() => c.decryptField(bad), isIntegrityError, JSON.stringify(bad));
    }
    assert.throws(() => c.decryptBuffer(Buffer.alloc(0)), isIntegrityError);
    assert.throws(() => c.decryptBuffer(Buffer.from('KY')), isIntegrityError);
    assert.throws(() => c.decryptBuffer(c.encryptBuffer(Buffer.from('x')).subarray(0, 20)), isIntegrityError);
  });

  test(`${profile}: a ciphertext relabelled with another existing key id is rejected`, () => {
    const rotated = createCrypto(addDataKey(config), fast);
    const sealed = rotated.encryptField('secret'); // k2
    assert.throws(() => rotated.decryptField(sealed.replace(/^k2:/, 'k1:')), isIntegrityError);
  });

  test(`${profile}: rotation — k1 data still decrypts after k2 is active; rotateField moves it to k2`, () => {
    const oldSealed = c.encryptField('old patient note');
    const oldBuffer = c.encryptBuffer(Buffer.from('old scan'));
    const config2 = addDataKey(config);
    const c2 = createCrypto(config2, fast);

    assert.equal(c2.decryptField(oldSealed), 'old patient note');
    assert.deepEqual(c2.decryptBuffer(oldBuffer), Buffer.from('old scan'));
    assert.match(c2.encryptField('new'), /^k2:/);

    const moved = c2.rotateField(oldSealed);
    assert.match(moved, /^k2:/);
    assert.equal(c2.decryptField(moved), 'old patient note');
    assert.equal(c2.rotateField(moved), moved, 'already-current values are left alone');
    // the old provider (k1 only) cannot read k2 data: unknown key id
    assert.throws(() => c.decryptField(moved), isIntegrityError);
    assert.throws(() => c2.rotateField(`k7:${oldSealed.slice(3)}`), isIntegrityError);
  });

  test(`${profile}: ciphertext from a different key set of the same id is rejected`, () => {
    const other = createCrypto(generateCryptoConfig(profile), fast);
    assert.throws(() => other.decryptField(c.encryptField('x')), isIntegrityError);
    assert.throws(() => other.decryptBuffer(c.encryptBuffer(Buffer.from('x'))), isIntegrityError);
  });
}

test('a field sealed by one profile cannot be opened by the other, even with the same key bytes', () => {
  const smConfig = generateCryptoConfig('sm');
  const intlConfig = { ...generateCryptoConfig('intl'), dataKeys: smConfig.dataKeys, activeKeyId: smConfig.activeKeyId };
  const sm = createCrypto(smConfig, fast);
  const intl = createCrypto(intlConfig, fast);
  assert.throws(() => intl.decryptField(sm.encryptField('x')), isIntegrityError);
  assert.throws(() => sm.decryptField(intl.encryptField('x')), isIntegrityError);
});
