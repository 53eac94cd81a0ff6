/**
 * Institution data isolation, tried through every API that touches patient data and through raw SQL
 * in a scoped transaction: one institution cannot read or write another's patients unless shared on purpose.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { residentIdCheckChar } from '@kangyun/patients';
import { startTestPlatform, type ApiClient, type TestPlatform } from './testing/index.js';

let p: TestPlatform;
let hospital: ApiClient; // dr.li, 示例市第一人民医院 肿瘤科 (institution scope)
let community: ApiClient; // dr.zhao, 城东社区卫生服务中心
let secret: { id: number; idNumber: string; name: string };

function newId(seq: number): string {
  const body = `330104${'19720202'}${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

before(async () => {
  p = await startTestPlatform();
  hospital = await p.as('dr.li');
  community = await p.as('dr.zhao');
  const idNumber = newId(411);
  const res = await hospital.post('/api/patients', { name: '隔离测试', idType: 'resident_id', idNumber, mobile: '13511112222' });
  assert.equal(res.status, 201);
  secret = { id: res.body.id, idNumber, name: '隔离测试' };
});
after(async () => { await p.close(); });

describe('another institution cannot reach a patient it has no record of', () => {
  test('read, reveal, history and duplicates answer 404', async () => {
    for (const path of [`/api/patients/${secret.id}`, `/api/patients/${secret.id}/history`, `/api/patients/${secret.id}/duplicates`]) {
      assert.equal((await community.get(path)).status, 404, path);
    }
    assert.equal((await community.post(`/api/patients/${secret.id}/reveal`)).status, 404);
  });

  test('search by ID number, phone, name and record number finds nothing', async () => {
    const mrn = (await hospital.get(`/api/patients/${secret.id}`)).body.mrn;
    for (const q of [secret.idNumber, '13511112222', secret.name, '隔离', mrn]) {
      const res = await community.get(`/api/patients?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items, [], q);
    }
  });

  test('update and merge are refused and change nothing', async () => {
    const put = await community.put(`/api/patients/${secret.id}`, { name: '篡改', idType: 'resident_id', idNumber: secret.idNumber, version: 1 });
    assert.equal(put.status, 404);
    const own = await community.post('/api/patients', { name: '社区患者', idType: 'resident_id', idNumber: newId(413) });
    const merge = await community.post('/api/patients/merge', { sourceId: secret.id, targetId: own.body.id, reason: '尝试越权合并' });
    assert.equal(merge.status, 422);
    assert.equal(merge.body.errors[0].field, 'sourceId');
    const row = (await p.kernel.pool.query('SELECT name, status, version FROM patient WHERE id = $1', [secret.id])).rows[0];
    assert.deepEqual(row, { name: '隔离测试', status: 'active', version: 1 });
  });

  test('FHIR read and search through another institution\'s integration client find nothing', async () => {
    const sys = await p.as('sysadmin');
    const c001 = (await p.kernel.pool.query("SELECT id FROM org_unit WHERE code = 'C001'")).rows[0].id;
    const created = await sys.post('/api/oauth-clients', { clientId: 'chc-his', name: '城东 HIS', scopes: ['clinical.read', 'clinical.write'], institutionId: c001 });
    assert.equal(created.status, 201);
    const chc = await p.withToken('chc-his', created.body.clientSecret);
    const read = await chc.get(`/fhir/R4/Patient/${secret.id}`);
    assert.equal(read.status, 404);
    assert.equal(read.body.resourceType, 'OperationOutcome');
    const search = await chc.get(`/fhir/R4/Patient?identifier=${secret.idNumber}`);
    assert.equal(search.status, 200);
    assert.equal(search.body.total, 0);
    const own = await p.withToken('demo-integration', 'demo-integration-secret');
    assert.equal((await own.get(`/fhir/R4/Patient/${secret.id}`)).status, 200);
  });

  test('even raw SQL in a scoped transaction cannot see the row or write into another institution', async () => {
    const me = (await community.get('/api/auth/me')).body;
    const { rows: actorRows } = await p.kernel.pool.query("SELECT id FROM account WHERE username = 'dr.zhao'");
    const ctx = {
      actor: {
        kind: 'user' as const, accountId: actorRows[0].id, name: 'dr.zhao', displayName: '赵磊', clientId: null, assignmentId: me.currentAssignmentId,
        institutionId: me.assignments[0].institutionId, departmentId: me.assignments[0].departmentId, regionId: 1, roleCode: 'doctor', adminKind: null,
        permissions: new Set(me.permissions as string[]), scope: 'institution' as const, regionInstitutions: [], mustChangePassword: false,
      },
      request: { ip: '127.0.0.1', userAgent: null, lang: 'zh' as const },
    };
    const seen = await p.kernel.scoped(ctx, async (db) => (await db.query('SELECT count(*)::int AS n FROM patient WHERE id = $1', [secret.id])).rows[0].n);
    assert.equal(seen, 0);
    const hospitalId = (await p.kernel.pool.query("SELECT id FROM org_unit WHERE code = 'H001'")).rows[0].id;
    await assert.rejects(
      p.kernel.scoped(ctx, (db) => db.query("INSERT INTO patient_record (patient_id, institution_id, mrn) VALUES ($1, $2, 'X-1')", [secret.id, hospitalId])),
      /row-level security/,
    );
    await assert.rejects(p.kernel.scoped(ctx, (db) => db.query('DELETE FROM audit_event')), /permission denied/);
  });
});

describe('department and own-record scopes', () => {
  test('a department-scoped psychologist sees her department\'s registrations only', async () => {
    const psy = await p.as('psy.he');
    const mine = await psy.post('/api/patients', { name: '心理门诊', idType: 'resident_id', idNumber: newId(415) });
    assert.equal(mine.status, 201);
    assert.equal((await psy.get(`/api/patients/${mine.body.id}`)).status, 200);
    assert.equal((await psy.get(`/api/patients/${secret.id}`)).status, 404); // registered by 肿瘤科
    assert.equal((await hospital.get(`/api/patients/${mine.body.id}`)).status, 200); // institution scope sees both
  });

  test('an own-records role sees only what its holder registered', async () => {
    const sec = await p.as('secadmin');
    const h001 = (await p.kernel.pool.query("SELECT id FROM org_unit WHERE code = 'H001'")).rows[0].id;
    const role = await sec.post('/api/roles', { name: '随访登记员', permissions: ['home', 'patient.read', 'patient.write'], dataScope: 'own', institutionId: h001 });
    assert.equal(role.status, 201, role.text);
    const sys = await p.as('sysadmin');
    const staff = await sys.post('/api/staff', { username: 'own.clerk', displayName: '本人登记员', initialPassword: 'Own#Clerk2026', assignments: [{ institutionId: h001, roleId: role.body.id }] });
    assert.equal(staff.status, 201, staff.text);
    const clerk = p.anonymous();
    await clerk.post('/api/auth/login', { username: 'own.clerk', password: 'Own#Clerk2026' });
    assert.equal((await clerk.post('/api/auth/password', { currentPassword: 'Own#Clerk2026', newPassword: 'Own#Clerk2027x' })).status, 204);
    const mine = await clerk.post('/api/patients', { name: '本人登记', idType: 'resident_id', idNumber: newId(417) });
    assert.equal(mine.status, 201, mine.text);
    const list = (await clerk.get('/api/patients?pageSize=100')).body;
    assert.deepEqual(list.items.map((i: { id: number }) => i.id), [mine.body.id]);
    assert.equal((await clerk.get(`/api/patients/${secret.id}`)).status, 404);
  });
});

describe('sharing on purpose', () => {
  test('a grant lets another institution read (audited as via grant) but not write, until it is revoked', async () => {
    const admin = await p.as('admin.h001');
    const c001 = (await p.kernel.pool.query("SELECT id FROM org_unit WHERE code = 'C001'")).rows[0].id;
    const grant = await admin.post('/api/data-sharing/grants', { granteeInstitutionId: c001, patientId: secret.id, purpose: '转诊至社区随访' });
    assert.equal(grant.status, 201, grant.text);
    const read = await community.get(`/api/patients/${secret.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.viaGrant, true);
    const audit = await p.kernel.pool.query(
      "SELECT detail FROM audit_event WHERE action = 'patient.read' AND patient_id = $1 AND actor_name = 'dr.zhao' ORDER BY id DESC LIMIT 1", [secret.id]);
    assert.deepEqual(audit.rows[0].detail, { viaGrant: true });
    const put = await community.put(`/api/patients/${secret.id}`, { name: '篡改', idType: 'resident_id', idNumber: secret.idNumber, version: 1 });
    assert.equal(put.status, 403);
    assert.equal((await admin.delete(`/api/data-sharing/grants/${grant.body.id}`)).status, 204);
    assert.equal((await community.get(`/api/patients/${secret.id}`)).status, 404);
  });
});

describe('administration stays inside the institution', () => {
  test('a community institution admin cannot see or change hospital staff or roles', async () => {
    const admin = await p.as('admin.c001');
    const staff = (await admin.get('/api/staff?pageSize=200')).body.items as { username: string }[];
    assert.ok(staff.length > 0);
    assert.ok(!staff.some((s) => s.username === 'dr.li'));
    const drLi = (await p.kernel.pool.query("SELECT id FROM account WHERE username = 'dr.li'")).rows[0].id;
    assert.equal((await admin.patch(`/api/staff/${drLi}`, { displayName: '改名' })).status, 404);
    assert.equal((await admin.post(`/api/staff/${drLi}/reset-password`, { newPassword: 'Hijack#2026pw' })).status, 404);
    const h001 = (await p.kernel.pool.query("SELECT id FROM org_unit WHERE code = 'H001'")).rows[0].id;
    const roles = (await admin.get('/api/roles')).body as { id: number; code: string }[];
    const nurseRole = roles.find((r) => r.code === 'nurse')!;
    const ownStaff = (await p.kernel.pool.query("SELECT id FROM account WHERE username = 'nurse.zhou'")).rows[0].id;
    assert.equal((await admin.post(`/api/staff/${ownStaff}/assignments`, { institutionId: h001, roleId: nurseRole.id })).status, 403);
    assert.equal((await admin.post('/api/roles', { name: '越权角色', permissions: ['home'], dataScope: 'institution', institutionId: h001 })).status, 403);
    // no escalation: an institution admin cannot grant what it does not hold
    const c001 = (await p.kernel.pool.query("SELECT id FROM org_unit WHERE code = 'C001'")).rows[0].id;
    const escalate = await admin.post('/api/roles', { name: '提权', permissions: ['audit.read'], dataScope: 'institution', institutionId: c001 });
    assert.equal(escalate.status, 422);
    assert.equal(escalate.body.errors[0].field, 'permissions');
  });
});

describe('三权分立: the three administrators cannot do each other\'s work', () => {
  test('system admin: no patients, no audit log, no roles', async () => {
    const sys = await p.as('sysadmin');
    assert.equal((await sys.get('/api/patients')).status, 403);
    assert.equal((await sys.get('/api/audit')).status, 403);
    assert.equal((await sys.post('/api/roles', { name: 'x', permissions: [], dataScope: 'own', institutionId: 2 })).status, 403);
  });

  test('security admin: no patients, no audit log, no integration clients', async () => {
    const sec = await p.as('secadmin');
    assert.equal((await sec.get('/api/patients')).status, 403);
    assert.equal((await sec.get('/api/audit')).status, 403);
    assert.equal((await sec.get('/api/oauth-clients')).status, 403);
  });

  test('audit admin: only the audit log', async () => {
    const aud = await p.as('auditadmin');
    assert.equal((await aud.get('/api/patients')).status, 403);
    assert.equal((await aud.get('/api/staff')).status, 403);
    assert.equal((await aud.get('/api/security/policy')).status, 403);
  });

  test('one account cannot hold two administrator roles', async () => {
    const sys = await p.as('sysadmin');
    const roles = (await sys.get('/api/roles')).body as { id: number; code: string }[];
    const sysId = (await p.kernel.pool.query("SELECT id FROM account WHERE username = 'secadmin'")).rows[0].id;
    const h001 = (await p.kernel.pool.query("SELECT id FROM org_unit WHERE code = 'H001'")).rows[0].id;
    const res = await sys.post(`/api/staff/${sysId}/assignments`, { institutionId: h001, roleId: roles.find((r) => r.code === 'audit_admin')!.id });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'admin_exclusive');
  });
});
