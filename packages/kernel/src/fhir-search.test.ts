import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { AppError } from '@kangyun/kernel';
import {
  dateCondition, orValues, parseDate, parseToken, referenceIds, splitModifier, sqlParams, stringCondition, tokenCodes,
} from './fhir-search.js';

describe('value syntax', () => {
  test('modifiers, OR alternatives and escapes', () => {
    assert.deepEqual(splitModifier('name:exact'), { name: 'name', modifier: 'exact' });
    assert.deepEqual(splitModifier('gender'), { name: 'gender', modifier: null });
    assert.deepEqual(orValues('a,b\\,c,,d'), ['a', 'b,c', 'd']);
  });

  test('tokens: code, system|code, |code, system|, with escaped separators', () => {
    assert.deepEqual(parseToken('male'), { system: undefined, code: 'male' });
    assert.deepEqual(parseToken('urn:x|a'), { system: 'urn:x', code: 'a' });
    assert.deepEqual(parseToken('|a'), { system: '', code: 'a' });
    assert.deepEqual(parseToken('urn:x|'), { system: 'urn:x', code: undefined });
    assert.deepEqual(parseToken('urn:x|a\\|b'), { system: 'urn:x', code: 'a|b' });
    assert.deepEqual(tokenCodes('urn:x|a,b,urn:y|c,urn:x|d\\,e', 'urn:x'), ['a', 'b', 'd,e']);
    assert.equal(tokenCodes('urn:y|c,urn:x|', 'urn:x'), 'all');
    assert.deepEqual(tokenCodes('urn:y|c', 'urn:x'), []);
  });

  test('references: Type/id, bare id, absolute URL; other types are dropped', () => {
    assert.deepEqual(referenceIds('Organization/3,4,http://h/fhir/R4/Organization/5/_history/2,Patient/6', 'Organization'), ['3', '4', '5']);
  });

  test('string conditions: prefix by default, contains and exact on request, LIKE wildcards literal', () => {
    const a = sqlParams();
    assert.equal(stringCondition(['n'], 'wa%ng,li', null, a.bind), '(n ILIKE $1 OR n ILIKE $2)');
    assert.deepEqual(a.values, ['wa\\%ng%', 'li%']);
    const b = sqlParams();
    assert.equal(stringCondition(['n', 'u'], '王', null, b.bind, 'contains'), '(n ILIKE $1 OR u ILIKE $1)');
    assert.deepEqual(b.values, ['%王%']);
    const c = sqlParams();
    assert.equal(stringCondition(['n'], '王建国', 'exact', c.bind), '(n = $1)');
    assert.throws(() => stringCondition(['n'], 'x', 'text', sqlParams().bind), (e) => e instanceof AppError && e.status === 400);
  });
});

describe('dates', () => {
  test('a value is the range its precision covers', () => {
    assert.deepEqual(parseDate('2024'), { prefix: 'eq', start: '2024-01-01T00:00:00.000', end: '2025-01-01T00:00:00.000', startDate: '2024-01-01', endDate: '2025-01-01' });
    assert.equal(parseDate('ge2024-02').end, '2024-03-01T00:00:00.000');
    assert.equal(parseDate('2024-12-31').end, '2025-01-01T00:00:00.000');
    const t = parseDate('lt2024-03-01T08:30+08:00');
    assert.equal(t.prefix, 'lt');
    assert.equal(t.start, '2024-03-01T08:30:00.000+08:00');
    assert.equal(t.end, '2024-03-01T08:31:00.000+08:00');
    for (const bad of ['2024-13', '2024-02-30', 'yesterday', 'ap2024']) assert.throws(() => parseDate(bad), AppError, bad);
  });

  let db: pg.Client;
  before(async () => {
    db = new pg.Client({ connectionString: process.env.KANGYUN_TEST_ADMIN_URL });
    await db.connect();
    await db.query("SET TIME ZONE 'Asia/Shanghai'");
  });
  after(async () => { await db.end(); });

  async function matching(value: string, columnType: 'timestamptz' | 'date'): Promise<string[]> {
    const { values, bind } = sqlParams();
    const cast = columnType === 'date' ? 'date' : 'timestamptz';
    const { rows } = await db.query(
      `SELECT v FROM (VALUES ('2024-02-29 23:59:59'), ('2024-03-01 00:00:00'), ('2024-03-01 12:00:00'), ('2024-03-02 00:00:00')) AS t(v)
       WHERE ${dateCondition(`v::${cast}`, value, bind, columnType)} ORDER BY v`, values);
    return rows.map((r) => r.v.slice(0, columnType === 'date' ? 10 : 19));
  }

  test('prefixes compare against the whole range, in the database\'s time zone when none is given', async () => {
    assert.deepEqual(await matching('2024-03-01', 'timestamptz'), ['2024-03-01 00:00:00', '2024-03-01 12:00:00']);
    assert.deepEqual(await matching('gt2024-03-01', 'timestamptz'), ['2024-03-02 00:00:00']);
    assert.deepEqual(await matching('le2024-03-01', 'timestamptz'), ['2024-02-29 23:59:59', '2024-03-01 00:00:00', '2024-03-01 12:00:00']);
    assert.deepEqual(await matching('lt2024-03-01', 'timestamptz'), ['2024-02-29 23:59:59']);
    assert.deepEqual(await matching('ne2024-03-01', 'timestamptz'), ['2024-02-29 23:59:59', '2024-03-02 00:00:00']);
    assert.deepEqual(await matching('ge2024-03-01T12:00:00+08:00', 'timestamptz'), ['2024-03-01 12:00:00', '2024-03-02 00:00:00']);
    assert.deepEqual(await matching('2024-02,2024-03-02', 'date'), ['2024-02-29', '2024-03-02']);
  });
});
