/** Each (r, s) has exactly one accepted DER encoding (sm-crypto-v2's own decoder accepts trailing junk). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDerSignature, encodeDerSignature } from './der.js';

const r = 0xf5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3n; // high bit set → 0x00 prefix
const s = 0x31b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aan; // high bit clear
const der = encodeDerSignature({ r, s });

test('encodes minimal positive INTEGERs and round-trips', () => {
  assert.equal(der.toString('hex'), `3045022100${r.toString(16)}0220${s.toString(16)}`);
  assert.deepEqual(decodeDerSignature(der), { r, s });
  assert.deepEqual(decodeDerSignature(encodeDerSignature({ r: 1n, s: 127n })), { r: 1n, s: 127n });
});

test('rejects trailing bytes, inner junk, wrong tags, non-minimal and negative integers', () => {
  const hex = der.toString('hex');
  const bad = [
    hex + '00', // trailing byte after the SEQUENCE
    `30${(der[1] + 2).toString(16)}${hex.slice(4)}0000`, // junk inside the SEQUENCE after s
    `31${hex.slice(2)}`, // SET instead of SEQUENCE
    hex.replace(/^3045022100/, '3045032100'), // r tagged as BIT STRING
    `3046022100${r.toString(16)}022100${s.toString(16)}`, // s padded with an unneeded 0x00
    `30440220${r.toString(16)}0220${s.toString(16)}`, // r without its 0x00 reads as negative
    hex.slice(0, -2), // truncated
  ];
  for (const b of bad) assert.equal(decodeDerSignature(Buffer.from(b, 'hex')), null, b);
});
