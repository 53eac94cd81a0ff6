import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResidentId, residentIdCheckChar } from './resident-id.js';

test('the GB 11643 example number 11010519491231002X is valid and encodes a woman born 1949-12-31', () => {
  const r = parseResidentId('11010519491231002x');
  assert.deepEqual(r, { ok: true, value: '11010519491231002X', info: { birthDate: '1949-12-31', sex: 'female' } });
});

test('a wrong check character is a checksum problem', () => {
  assert.deepEqual(parseResidentId('110105194912310021'), { ok: false, problem: 'checksum' });
});

test('wrong length or letters are format problems', () => {
  assert.deepEqual(parseResidentId('11010519491231002'), { ok: false, problem: 'format' });
  assert.deepEqual(parseResidentId('1101051949123100AX'), { ok: false, problem: 'format' });
});

test('an impossible or future birth date is refused even with a correct check character', () => {
  const feb30 = '11010519490230001';
  assert.deepEqual(parseResidentId(feb30 + residentIdCheckChar(feb30)), { ok: false, problem: 'birth_date' });
  const future = '11010520991231001';
  assert.deepEqual(parseResidentId(future + residentIdCheckChar(future)), { ok: false, problem: 'birth_date' });
});

test('an odd sequence digit means male', () => {
  const base = '44030419800101001';
  const r = parseResidentId(base + residentIdCheckChar(base));
  assert.ok(r.ok && r.info.sex === 'male');
});
