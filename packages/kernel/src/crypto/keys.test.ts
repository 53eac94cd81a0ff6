/** Key generation, rotation bookkeeping and config validation. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sm2 } from 'sm-crypto-v2';
import { createCrypto } from './index.js';
import { addDataKey, generateCryptoConfig } from './keys.js';
import type { CryptoConfig } from './types.js';

const fast = { passwordIterations: 1000 };

test('generateCryptoConfig gives k1, a 32-byte index key and a profile-appropriate signing pair', () => {
  for (const profile of ['sm', 'intl'] as const) {
    const config = generateCryptoConfig(profile);
    assert.equal(config.profile, profile);
    assert.deepEqual(config.dataKeys.map((k) => k.id), ['k1']);
    assert.equal(config.activeKeyId, 'k1');
    assert.match(config.dataKeys[0].keyHex, /^[0-9a-f]{64}$/);
    assert.match(config.indexKeyHex, /^[0-9a-f]{64}$/);
    assert.match(config.signing.privateKeyHex, /^[0-9a-f]{64}$/);
    assert.match(config.signing.publicKeyHex, /^04[0-9a-f]{128}$/);
    assert.equal(createCrypto(config, fast).profile, profile);
  }
  assert.equal(generateCryptoConfig().profile, 'sm', 'sm is the default');
  const sm = generateCryptoConfig('sm');
  assert.equal(sm2.getPublicKeyFromPrivateKey(sm.signing.privateKeyHex), sm.signing.publicKeyHex);
});

test('generated keys are fresh each time', () => {
  const a = generateCryptoConfig('sm');
  const b = generateCryptoConfig('sm');
  assert.notEqual(a.dataKeys[0].keyHex, b.dataKeys[0].keyHex);
  assert.notEqual(a.indexKeyHex, b.indexKeyHex);
  assert.notEqual(a.signing.privateKeyHex, b.signing.privateKeyHex);
});

test('addDataKey appends k2, k3… as active, keeps old keys and does not mutate its input', () => {
  const c1 = generateCryptoConfig('sm');
  const snapshot = structuredClone(c1);
  const c2 = addDataKey(c1);
  const c3 = addDataKey(c2);
  assert.deepEqual(c1, snapshot);
  assert.deepEqual(c3.dataKeys.map((k) => k.id), ['k1', 'k2', 'k3']);
  assert.equal(c3.activeKeyId, 'k3');
  assert.equal(c3.dataKeys[0].keyHex, c1.dataKeys[0].keyHex);
  assert.equal(c3.indexKeyHex, c1.indexKeyHex, 'index key is not rotated (blind indexes stay valid)');
  assert.deepEqual(c3.signing, c1.signing);
  const gap: CryptoConfig = { ...c1, dataKeys: [...c1.dataKeys, { id: 'k9', keyHex: c1.dataKeys[0].keyHex.replace(/^./, 'f') }] };
  assert.equal(addDataKey(gap).activeKeyId, 'k10');
});

test('invalid configs are refused at construction with a message that names no key material', () => {
  const base = generateCryptoConfig('sm');
  const secret = base.dataKeys[0].keyHex;
  const bad: [string, CryptoConfig][] = [
    ['no keys', { ...base, dataKeys: [] }],
    ['active id missing', { ...base, activeKeyId: 'k2' }],
    ['short key', { ...base, dataKeys: [{ id: 'k1', keyHex: secret.slice(0, 32) }] }],
    ['non-hex key', { ...base, dataKeys: [{ id: 'k1', keyHex: secret.slice(0, 62) + 'zz' }] }],
    ['id with colon', { ...base, dataKeys: [{ id: 'k:1', keyHex: secret }], activeKeyId: 'k:1' }],
    ['duplicate id', { ...base, dataKeys: [base.dataKeys[0], base.dataKeys[0]] }],
    ['short index key', { ...base, indexKeyHex: 'abcd' }],
    ['foreign signing key', { ...base, signing: { ...base.signing, publicKeyHex: generateCryptoConfig('sm').signing.publicKeyHex } }],
    ['P-256 key in sm profile', { ...base, signing: generateCryptoConfig('intl').signing }],
    ['unknown profile', { ...base, profile: 'rsa' as unknown as CryptoConfig['profile'] }],
  ];
  for (const [name, config] of bad) {
    assert.throws(
      () => createCrypto(config, fast),
      (err: unknown) => err instanceof Error && !err.message.includes(secret) && !err.message.includes(base.signing.privateKeyHex),
      name,
    );
  }
});
