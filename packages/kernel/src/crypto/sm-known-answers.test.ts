/**
 * Published known-answer vectors for the sm profile. These prove that Node's
 * native 'sm3'/'sm4' and sm-crypto-v2's SM2 are the standard algorithms, not
 * look-alikes, on whatever Node/OpenSSL build runs the tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { createSmCrypto } from './sm.js';
import { generateCryptoConfig } from './keys.js';
import { encodeDerSignature } from './der.js';
import { SM2_DEFAULT_USER_ID, sm2Verify } from './sm2.js';
import type { SigningKeyPair } from './types.js';

const provider = createSmCrypto(generateCryptoConfig('sm'), { passwordIterations: 1000 });
const unhex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const hex = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

test('SM3 matches GM/T 0004-2012 / GB/T 32905-2016 Appendix A example 1: "abc"', () => {
  assert.equal(provider.hash('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
});

test('SM3 matches GB/T 32905-2016 Appendix A example 2: "abcd" x 16 (64 bytes, two-block padding)', () => {
  assert.equal(provider.hash('abcd'.repeat(16)), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  assert.equal(provider.hash(Buffer.from('abcd'.repeat(16))), provider.hash('abcd'.repeat(16)));
});

test("native 'sm4-ecb' matches the GB/T 32907-2016 Appendix A single-block example", () => {
  const key = unhex('0123456789abcdeffedcba9876543210');
  const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
  const out = Buffer.concat([cipher.update(key), cipher.final()]); // plaintext = key in the example
  assert.equal(out.toString('hex'), '681edf34d206965e86b3e94f536e4246');
});

// GM/T 0042-2015 Appendix D.3, as transcribed in libxcrypt test/alg-sm3-hmac.c (besser82/libxcrypt).
const ABCD_56 = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
const hmacVectors: { name: string; keyHex: string; data: Buffer; mac: string }[] = [
  {
    name: 'D.3 #1 (32-byte key, 112-byte message)',
    keyHex: '0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20',
    data: Buffer.from(ABCD_56 + ABCD_56),
    mac: 'ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a',
  },
  {
    name: 'D.3 #2 (37-byte key, 50 x 0xcd)',
    keyHex: '0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425',
    data: Buffer.alloc(50, 0xcd),
    mac: '220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae',
  },
  {
    name: 'D.3 #3 (32 x 0x0b, "Hi There")',
    keyHex: '0b'.repeat(32),
    data: Buffer.from('Hi There'),
    mac: 'c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e',
  },
  {
    name: 'D.3 #4 ("Jefe", "what do ya want for nothing?")',
    keyHex: Buffer.from('Jefe').toString('hex'),
    data: Buffer.from('what do ya want for nothing?'),
    mac: '2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882',
  },
];
for (const v of hmacVectors) {
  test(`HMAC-SM3 matches GM/T 0042-2015 ${v.name}`, () => {
    assert.equal(provider.hmac(v.keyHex, v.data).toString('hex'), v.mac);
  });
}

/**
 * GM/T 0003.5-2012 (= GB/T 32918.5-2017) Appendix A: SM2 signature on sm2p256v1,
 * ID = 1234567812345678, M = "message digest". (GB/T 32918.2 Appendix A instead uses a
 * *test* curve and ALICE123@YAHOO.COM, which is why it is not used here.)
 */
const gm = {
  d: '3945208F 7B2144B1 3F36E38A C6D39F95 88939369 2860B51A 42FB81EF 4DF7C5B8',
  x: '09F9DF31 1E5421A1 50DD7D16 1E4BC5C6 72179FAD 1833FC07 6BB08FF3 56F35020',
  y: 'CCEA490C E26775A5 2DC6EA71 8CC1AA60 0AED05FB F35E084A 6632F607 2DA9AD13',
  e: 'F0B43E94 BA45ACCA ACE692ED 534382EB 17E6AB5A 19CE7B31 F4486FDF C0D28640',
  k: '59276E27 D506861A 16680F3A D9C02DCC EF3CC1FA 3CDBE4CE 6D54B80D EAC1BC21',
  r: 'F5A03B06 48D2C463 0EEAC513 E1BB81A1 5944DA38 27D5B741 43AC7EAC EEE720B3',
  s: 'B1B6AA29 DF212FD8 763182BC 0D421CA1 BB9038FD 1F7F42D4 840B69C4 85BBC1AA',
};
const gmPair: SigningKeyPair = { privateKeyHex: hex(gm.d), publicKeyHex: `04${hex(gm.x)}${hex(gm.y)}` };
const gmSignatureDer = encodeDerSignature({ r: BigInt(`0x${hex(gm.r)}`), s: BigInt(`0x${hex(gm.s)}`) }).toString('hex');

test('SM2 GM/T 0003.5 example: public key is d·G and e = SM3(Z_A ‖ M) with the default ID', () => {
  assert.equal(sm2.getPublicKeyFromPrivateKey(gmPair.privateKeyHex), gmPair.publicKeyHex);
  const msgHex = Buffer.from('message digest').toString('hex');
  assert.equal(sm2.getHash(msgHex, gmPair.publicKeyHex, SM2_DEFAULT_USER_ID), hex(gm.e));
});

test('SM2 GM/T 0003.5 example: the published (r, s) verifies through the provider', () => {
  const gmProvider = createSmCrypto({ ...generateCryptoConfig('sm'), signing: gmPair }, { passwordIterations: 1000 });
  assert.equal(gmProvider.verify('message digest', gmSignatureDer), true);
  assert.equal(provider.verify('message digest', gmSignatureDer, gmPair.publicKeyHex), true);
  assert.equal(gmProvider.verify('message digesT', gmSignatureDer), false);
  // a fresh (random-k) signature by the same key also verifies
  assert.equal(gmProvider.verify('message digest', gmProvider.sign('message digest')), true);
});

test('SM2 GM/T 0003.5 example: the published (r, s) fails under any other distinguishing ID', () => {
  const data = Buffer.from('message digest');
  assert.equal(sm2Verify(data, gmSignatureDer, gmPair.publicKeyHex, SM2_DEFAULT_USER_ID), true);
  assert.equal(sm2Verify(data, gmSignatureDer, gmPair.publicKeyHex, ''), false);
  assert.equal(sm2Verify(data, gmSignatureDer, gmPair.publicKeyHex, 'ALICE123@YAHOO.COM'), false);
});

test('SM2 GM/T 0003.5 example: signing with the published k reproduces (r, s) exactly', () => {
  const k = BigInt(`0x${hex(gm.k)}`);
  const kG = sm2.getPublicKeyFromPrivateKey(hex(gm.k));
  const x1 = BigInt(`0x${kG.slice(2, 66)}`);
  const raw = sm2.doSignature('message digest', gmPair.privateKeyHex, {
    hash: true,
    der: false,
    userId: SM2_DEFAULT_USER_ID,
    pointPool: [{ k, x1 }],
  });
  assert.equal(raw, hex(gm.r) + hex(gm.s));
});
