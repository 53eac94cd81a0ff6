import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { residentIdCheckChar } from '../identifiers/resident-id.js';
import { RESIDENT_ID_SYSTEM } from './mapping.js';

let p: TestPlatform;
let fhir: ApiClient;
before(async () => {
  p = await startTestPlatform();
  fhir = await p.withToken('demo-integration', 'demo-integration-secret');
});
after(async () => { await p.close(); });

function idNumber(seq: number, birth = '19660606'): string {
  const body = `330102${birth}${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

const patient = (name: string, id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Patient',
  identifier: [{ system: RESIDENT_ID_SYSTEM, value: id }],
  name: [{ text: name }],
  telecom: [{ system: 'phone', value: '13733334444' }],
  ...extra,
});

describe('FHIR Patient', () => {
  test('create returns 201 with Location and the resource; read returns the same', async () => {
    const id = idNumber(21);
    const res = await fhir.post('/fhir/R4/Patient', patient('司马相如', id), { 'content-type': 'application/fhir+json' });
    assert.equal(res.status, 201, res.text);
    assert.match(res.headers.get('location') ?? '', /\/fhir\/R4\/Patient\/\d+/);
    assert.equal(res.body.name[0].family, '司马');
    assert.equal(res.body.name[0].given[0], '相如');
    assert.equal(res.body.birthDate, '1966-06-06');
    assert.equal(res.body.gender, 'male');
    const read = await fhir.get(`/fhir/R4/Patient/${res.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('content-type'), 'application/fhir+json; charset=utf-8');
    assert.equal(read.body.identifier.find((i: { system: string }) => i.system === RESIDENT_ID_SYSTEM).value, id);
  });

  test('an invalid ID card number is a 400 OperationOutcome naming the identifier', async () => {
    const res = await fhir.post('/fhir/R4/Patient', patient('错误号', '110105194912310021'), { 'content-type': 'application/fhir+json' });
    assert.equal(res.status, 400);
    assert.equal(res.body.resourceType, 'OperationOutcome');
    const issue = res.body.issue[0];
    assert.equal(issue.severity, 'error');
    assert.deepEqual(issue.expression, ['Patient.identifier[0].value']);
    assert.match(issue.details.text, /身份证号校验位不正确/);
  });

  test('search by full Chinese name, part of a name and pinyin initials', async () => {
    const created = (await fhir.post('/fhir/R4/Patient', patient('诸葛孔明', idNumber(23, '19700101')), { 'content-type': 'application/fhir+json' })).body;
    for (const q of ['诸葛孔明', '孔明', '葛孔', 'zgkm']) {
      const res = await fhir.get(`/fhir/R4/Patient?name=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.resourceType, 'Bundle');
      assert.ok(res.body.entry.some((e: { resource: { id: string } }) => e.resource.id === created.id), q);
    }
  });

  test('search by identifier, birthdate, gender and phone with _count paging', async () => {
    const id = idNumber(25, '19810808');
    const created = (await fhir.post('/fhir/R4/Patient', patient('检索测试', id), { 'content-type': 'application/fhir+json' })).body;
    const byId = await fhir.get(`/fhir/R4/Patient?identifier=${encodeURIComponent(`${RESIDENT_ID_SYSTEM}|${id}`)}`);
    assert.equal(byId.body.total, 1);
    assert.equal(byId.body.entry[0].resource.id, created.id);
    const combined = await fhir.get('/fhir/R4/Patient?birthdate=1981-08-08&gender=male&phone=13733334444');
    assert.ok(combined.body.entry.some((e: { resource: { id: string } }) => e.resource.id === created.id));
    const page = await fhir.get('/fhir/R4/Patient?_count=3');
    assert.equal(page.body.entry.length, 3);
    assert.ok(page.body.total > 100);
    assert.ok(page.body.link.some((l: { relation: string }) => l.relation === 'next'));
  });

  test('update with a stale version is a 409; a current one bumps the version', async () => {
    const created = (await fhir.post('/fhir/R4/Patient', patient('更新测试', idNumber(27, '19900101')), { 'content-type': 'application/fhir+json' })).body;
    const next = { ...created, telecom: [{ system: 'phone', value: '13800009999' }] };
    const ok = await fhir.put(`/fhir/R4/Patient/${created.id}`, next, { 'content-type': 'application/fhir+json' });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.meta.versionId, '2');
    const stale = await fhir.put(`/fhir/R4/Patient/${created.id}`, next, { 'content-type': 'application/fhir+json' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.resourceType, 'OperationOutcome');
  });

  test('every FHIR read is in the audit log with the patient', async () => {
    const created = (await fhir.post('/fhir/R4/Patient', patient('审计读取', idNumber(29, '19500505')), { 'content-type': 'application/fhir+json' })).body;
    await fhir.get(`/fhir/R4/Patient/${created.id}`);
    const { rows } = await p.kernel.pool.query("SELECT client_id, action FROM audit_event WHERE patient_id = $1 ORDER BY id", [created.id]);
    // integrations read full identifiers, so the read is recorded as a reveal
    assert.deepEqual(rows.map((r) => r.action), ['patient.create', 'patient.reveal']);
    assert.equal(rows[1].client_id, 'demo-integration');
  });
});
