import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { residentIdCheckChar } from '../identifiers/resident-id.js';

let p: TestPlatform;
let doctor: ApiClient;
before(async () => {
  p = await startTestPlatform();
  doctor = await p.as('dr.li'); // 示例市第一人民医院, 肿瘤科
});
after(async () => { await p.close(); });

let serial = 100;
/** a fresh valid fictional ID number: 1985-03-01, odd sequence (male) */
function newId(birth = '19850301', male = true): string {
  serial += 2;
  const body = `330106${birth}${String(serial + (male ? 1 : 0)).padStart(3, '0').slice(-3)}`;
  return body + residentIdCheckChar(body);
}

describe('registration', () => {
  test('a bad ID number is refused with a Chinese message naming the field, and nothing is saved', async () => {
    const before = (await p.kernel.pool.query('SELECT count(*)::int AS n FROM patient')).rows[0].n;
    const res = await doctor.post('/api/patients', { name: '测试甲', idType: 'resident_id', idNumber: '110105194912310021' });
    assert.equal(res.status, 422);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field), ['idNumber']);
    assert.equal(res.body.errors[0].message, '身份证号校验位不正确，请核对是否输错');
    assert.equal((await p.kernel.pool.query('SELECT count(*)::int AS n FROM patient')).rows[0].n, before);
  });

  test('birth date and sex are derived from the ID number, and a contradiction names both fields', async () => {
    const id = newId('19850301', true);
    const bad = await doctor.post('/api/patients', { name: '测试乙', sex: 'female', birthDate: '1985-03-02', idType: 'resident_id', idNumber: id });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field).sort(), ['birthDate', 'sex']);
    const ok = await doctor.post('/api/patients', { name: '测试乙', idType: 'resident_id', idNumber: id, mobile: '13812345678', address: '示例市西湖区文化路 8 号' });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.body.birthDate, '1985-03-01');
    assert.equal(ok.body.sex, 'male');
    assert.equal(ok.body.name, '测*乙');
    assert.equal(ok.body.idNumberMasked, `${id.slice(0, 4)}**********${id.slice(-4)}`);
    assert.equal(ok.body.mobileMasked, '138****5678');
    assert.match(ok.body.mrn, /^H001-\d{8}$/);
    assert.match(ok.body.regionalId, /^P\d{10}$/);
    // stored encrypted: the plaintext number is nowhere in the row
    const row = (await p.kernel.pool.query('SELECT row_to_json(p)::text AS t FROM patient p WHERE id = $1', [ok.body.id])).rows[0].t;
    assert.ok(!row.includes(id) && !row.includes('13812345678'));
  });

  test('the same ID number twice in one institution is a 409 naming the existing patient', async () => {
    const id = newId();
    const first = await doctor.post('/api/patients', { name: '重复甲', idType: 'resident_id', idNumber: id });
    assert.equal(first.status, 201);
    const again = await doctor.post('/api/patients', { name: '重复甲', idType: 'resident_id', idNumber: id, force: true });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'duplicate_patient');
    assert.equal(again.body.candidates[0].id, first.body.id);
    assert.equal(again.body.candidates[0].reason, 'same_id_number');
  });

  test('same name and birth date is a suspected duplicate that force=true can override', async () => {
    await doctor.post('/api/patients', { name: '相似丙', idType: 'resident_id', idNumber: newId('19700515') });
    const similar = await doctor.post('/api/patients', { name: '相似丙', idType: 'resident_id', idNumber: newId('19700515') });
    assert.equal(similar.status, 409);
    assert.equal(similar.body.candidates[0].reason, 'similar_demographics');
    const forced = await doctor.post('/api/patients', { name: '相似丙', idType: 'resident_id', idNumber: newId('19700515'), force: true });
    assert.equal(forced.status, 201);
  });

  test('a person registered elsewhere in the region is linked, not duplicated, and gets this institution\'s record number', async () => {
    const id = newId('19600101');
    const hospital = await doctor.post('/api/patients', { name: '区域丁', idType: 'resident_id', idNumber: id });
    const chc = await p.as('dr.zhao'); // 城东社区卫生服务中心
    const linked = await chc.post('/api/patients', { name: '区域丁', idType: 'resident_id', idNumber: id });
    assert.equal(linked.status, 201);
    assert.equal(linked.body.linked, true);
    assert.equal(linked.body.id, hospital.body.id);
    assert.match(linked.body.mrn, /^C001-/);
  });

  test('concurrent registrations of the same new person create exactly one person', async () => {
    const id = newId('19551111');
    const clients = await Promise.all(['dr.zhao', 'dr.chen', 'dr.sun', 'dr.li'].map((u) => p.as(u)));
    const results = await Promise.all(clients.map((c) => c.post('/api/patients', { name: '并发戊', idType: 'resident_id', idNumber: id })));
    assert.deepEqual(results.map((r) => r.status), [201, 201, 201, 201]);
    assert.equal(new Set(results.map((r) => r.body.id)).size, 1);
    const { rows } = await p.kernel.pool.query('SELECT count(*)::int AS people, (SELECT count(*)::int FROM patient_record WHERE patient_id = $1) AS records FROM patient WHERE id = $1', [results[0].body.id]);
    assert.deepEqual(rows[0], { people: 1, records: 4 });
  });
});

describe('search', () => {
  let target: { id: number; idNumber: string };
  before(async () => {
    const idNumber = newId('19450808', false);
    const res = await doctor.post('/api/patients', { name: '欧阳娜娜', idType: 'resident_id', idNumber, mobile: '13700001111' });
    target = { id: res.body.id, idNumber };
  });

  const find = async (q: string) => (await doctor.get(`/api/patients?q=${encodeURIComponent(q)}`)).body.items.map((i: { id: number }) => i.id);

  test('finds a Chinese name by full name, by part of it and by a single character', async () => {
    assert.ok((await find('欧阳娜娜')).includes(target.id));
    assert.ok((await find('阳娜')).includes(target.id));
    assert.ok((await find('娜娜')).includes(target.id));
  });

  test('finds by pinyin initials and by full pinyin', async () => {
    assert.ok((await find('oynn')).includes(target.id));
    assert.ok((await find('ouyang')).includes(target.id));
  });

  test('finds by ID number, phone and record number', async () => {
    assert.deepEqual(await find(target.idNumber), [target.id]);
    assert.deepEqual(await find('13700001111'), [target.id]);
    const mrn = (await doctor.get(`/api/patients/${target.id}`)).body.mrn;
    assert.deepEqual(await find(mrn), [target.id]);
  });

  test('lists are masked and paginated', async () => {
    const page1 = (await doctor.get('/api/patients?page=1&pageSize=5')).body;
    const page2 = (await doctor.get('/api/patients?page=2&pageSize=5')).body;
    assert.equal(page1.items.length, 5);
    assert.ok(page1.total > 100);
    assert.equal(page1.total, page2.total);
    assert.equal(new Set([...page1.items, ...page2.items].map((i: { id: number }) => i.id)).size, 10);
    for (const i of page1.items) {
      assert.match(i.name, /\*/);
      assert.match(i.idNumberMasked, /^\d{4}\*{10}[\dX]{4}$/);
    }
  });

  test('bad paging parameters are a 422 naming the parameter', async () => {
    const res = await doctor.get('/api/patients?pageSize=1000');
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].field, 'pageSize');
  });
});

describe('reveal, update, history', () => {
  test('revealing full data needs permission and is audited as its own action', async () => {
    const idNumber = newId('19900909');
    const created = (await doctor.post('/api/patients', { name: '揭示己', idType: 'resident_id', idNumber, mobile: '13900009999' })).body;
    const full = await doctor.post(`/api/patients/${created.id}/reveal`);
    assert.equal(full.status, 200);
    assert.equal(full.body.idNumber, idNumber);
    assert.equal(full.body.name, '揭示己');
    const { rows } = await p.kernel.pool.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'patient.reveal' AND patient_id = $1", [created.id]);
    assert.equal(rows[0].n, 1);
    const pharmacist = await p.as('pharm.zheng'); // no patient.reveal
    assert.equal((await pharmacist.post(`/api/patients/${created.id}/reveal`)).status, 403);
  });

  test('updates use the version; a stale version is a 409 and the saved data stays', async () => {
    const created = (await doctor.post('/api/patients', { name: '版本庚', idType: 'resident_id', idNumber: newId('19880808') })).body;
    const full = (await doctor.post(`/api/patients/${created.id}/reveal`)).body;
    const input = { name: '版本庚', idType: 'resident_id', idNumber: full.idNumber, mobile: '13600001234', version: 1 };
    const [a, b] = await Promise.all([doctor.put(`/api/patients/${created.id}`, input), doctor.put(`/api/patients/${created.id}`, { ...input, mobile: '13600005678' })]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const after = (await doctor.post(`/api/patients/${created.id}/reveal`)).body;
    assert.equal(after.version, 2);
    assert.ok(['13600001234', '13600005678'].includes(after.mobile));
    const history = (await doctor.get(`/api/patients/${created.id}/history`)).body;
    assert.deepEqual(history.map((h: { action: string }) => h.action), ['create', 'update']);
    assert.deepEqual(history[1].detail.fields, ['mobile']);
  });
});

describe('merge', () => {
  test('merging keeps the duplicate readable as merged, moves its records and writes history on both', async () => {
    const a = (await doctor.post('/api/patients', { name: '合并辛', idType: 'resident_id', idNumber: newId('19770707') })).body;
    const b = (await doctor.post('/api/patients', { name: '合并辛', idType: 'resident_id', idNumber: newId('19770707'), force: true })).body;
    const dups = (await doctor.get(`/api/patients/${b.id}/duplicates`)).body;
    assert.deepEqual(dups.map((d: { id: number }) => d.id), [a.id]);
    const merged = await doctor.post('/api/patients/merge', { sourceId: b.id, targetId: a.id, reason: '同一人重复建档' });
    assert.equal(merged.status, 200, merged.text);
    const source = (await doctor.get(`/api/patients/${b.id}`)).body;
    assert.equal(source.status, 'merged');
    assert.equal(source.mergedInto, a.id);
    const target = (await doctor.get(`/api/patients/${a.id}`)).body;
    assert.equal(target.mrn, a.mrn);
    const prev = await p.kernel.pool.query('SELECT previous_mrns FROM patient_record WHERE patient_id = $1', [a.id]);
    assert.deepEqual(prev.rows[0].previous_mrns, [b.mrn]);
    // the old record number still finds the survivor
    assert.deepEqual((await doctor.get(`/api/patients?q=${b.mrn}`)).body.items.map((i: { id: number }) => i.id), [a.id]);
    const again = await doctor.post('/api/patients/merge', { sourceId: b.id, targetId: a.id, reason: '再次合并' });
    assert.equal(again.status, 409);
    const nurse = await p.as('nurse.liu'); // no patient.merge
    assert.equal((await nurse.post('/api/patients/merge', { sourceId: a.id, targetId: b.id, reason: 'x y' })).status, 403);
  });
});
