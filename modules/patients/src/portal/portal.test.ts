import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, startTestPlatform, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { demoPatients } from '../demo.js';
import { residentIdCheckChar } from '../identifiers/resident-id.js';
import { ADDRESS_FAILURE_LIMIT, DOCUMENT_FAILURE_LIMIT } from './throttle.js';

let p: TestPlatform;
const [han, xu] = demoPatients(200); // 韩艳 and 韩勇: records at 示例市第一人民医院 (H001)
const creds = (d: { name: string; idNumber: string; mobile?: string | null }) => ({ name: d.name, idNumber: d.idNumber, mobile: d.mobile! });

before(async () => { p = await startTestPlatform({ startJobs: false }); });
after(async () => { await p.close(); });

/** a phone: its own address (X-Forwarded-For, the app trusts the proxy) and the portal cookie once signed in */
function phone(ip: string) {
  const client = new ApiClient(p.baseUrl, { 'x-forwarded-for': ip });
  return {
    client,
    async post(path: string, body: unknown) {
      const res = await client.post(path, body);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kangyun_portal='));
      if (cookie) client.headers.cookie = cookie.split(';')[0];
      return { ...res, setCookie: cookie };
    },
  };
}

async function institution(code: string): Promise<number> {
  return (await p.kernel.pool.query('SELECT id FROM org_unit WHERE code = $1', [code])).rows[0].id;
}

/** a valid-checksum resident ID number nobody in the demo data has */
function newResidentId(seq: number): string {
  const body = `33010619900101${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

describe('patient portal sign-in', () => {
  test('name + document + mobile sign a patient in with an HttpOnly SameSite=Lax cookie; /me is masked', async () => {
    const ph = phone('10.0.0.1');
    const res = await ph.post('/api/portal/login', creds(han));
    assert.equal(res.status, 200, res.text);
    assert.match(res.setCookie!, /HttpOnly/i);
    assert.match(res.setCookie!, /SameSite=Lax/i);
    assert.equal(res.body.name, '韩*');
    assert.match(res.body.regionalId, /^P\d{10}$/);
    assert.equal(res.body.idNumberMasked, `${han.idNumber.slice(0, 4)}**********${han.idNumber.slice(-4)}`);
    assert.ok(!res.text.includes(han.idNumber) && !res.text.includes(han.mobile!), 'nothing in clear');
    assert.deepEqual(res.body.institutions.map((i: { name: string }) => i.name), ['示例市第一人民医院']);
    const me = await ph.client.get('/api/portal/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.patientId, res.body.patientId);
    // spaces and a +86 prefix are what people type; lower-case x in the ID too
    const typed = await phone('10.0.0.1').post('/api/portal/login', { name: ` ${han.name} `, idNumber: han.idNumber.toLowerCase(), mobile: `+86 ${han.mobile}` });
    assert.equal(typed.status, 200, typed.text);
  });

  test('no cookie, a staff session or a signed-out cookie do not open portal routes', async () => {
    assert.equal((await p.anonymous().get('/api/portal/me')).status, 401);
    const staff = await p.as('reg.song');
    const asStaff = await staff.get('/api/portal/me');
    assert.equal(asStaff.status, 401);
    assert.equal(asStaff.body.code, 'portal_signin_required');
    const ph = phone('10.0.0.2');
    assert.equal((await ph.post('/api/portal/login', creds(xu))).status, 200);
    const cookie = ph.client.headers.cookie;
    assert.equal((await ph.post('/api/portal/logout', {})).status, 204);
    const replay = await new ApiClient(p.baseUrl, { cookie }).get('/api/portal/me');
    assert.equal(replay.status, 401, 'the revoked token is dead on the server, not just forgotten by the phone');
  });

  test('a mismatch gets one generic answer whichever field is wrong, and is audited', async () => {
    const unknownDoc = newResidentId(901);
    const attempts = [
      { ...creds(han), name: '韩燕' },
      { ...creds(han), mobile: '13900000000' },
      { ...creds(han), idNumber: unknownDoc },
      { ...creds(han), idNumber: xu.idNumber }, // someone else's document with this person's name and mobile
    ];
    const answers = [];
    for (const [i, body] of attempts.entries()) {
      const res = await phone(`10.0.1.${i}`).post('/api/portal/login', body);
      assert.equal(res.status, 401, res.text);
      assert.equal(res.setCookie, undefined);
      answers.push({ code: res.body.code, title: res.body.title, errors: res.body.errors ?? [] });
    }
    for (const a of answers) assert.deepEqual(a, answers[0]);
    assert.equal(answers[0].code, 'portal_signin_failed');
    assert.match(answers[0].title, /姓名、证件号码和手机号/);
    const { rows } = await p.kernel.pool.query(
      `SELECT actor_name, detail FROM audit_event WHERE action = 'portal.signin' AND outcome = 'failure' AND ip LIKE '10.0.1.%' ORDER BY id`);
    assert.equal(rows.length, 4);
    assert.equal(rows[0].actor_name, 'portal:韩*');
    assert.equal(rows[0].detail.reason, 'mismatch');
    assert.ok(!JSON.stringify(rows).includes(han.idNumber), 'the audit keeps the document masked');
  });

  test('malformed input is a field error (the form of a value reveals nothing about the index)', async () => {
    const bad = await phone('10.0.2.1').post('/api/portal/login', { name: han.name, idNumber: `${han.idNumber.slice(0, 17)}${han.idNumber[17] === '0' ? '1' : '0'}`, mobile: '1234' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field).sort(), ['idNumber', 'mobile']);
    assert.match(bad.body.errors.find((e: { field: string }) => e.field === 'idNumber').message, /校验位/);
    const missing = await phone('10.0.2.1').post('/api/portal/login', { name: han.name });
    assert.equal(missing.status, 422);
  });

  test(`after ${DOCUMENT_FAILURE_LIMIT} failures for a document even the right answer is refused with 429; other documents are not affected`, async () => {
    const [, , target, other] = demoPatients(200);
    for (let i = 0; i < DOCUMENT_FAILURE_LIMIT; i++) {
      // from different addresses: the limit follows the document, not the phone
      const res = await phone(`10.0.3.${i}`).post('/api/portal/login', { ...creds(target), mobile: `1390000000${i}` });
      assert.equal(res.status, 401);
    }
    const blocked = await phone('10.0.3.99').post('/api/portal/login', creds(target));
    assert.equal(blocked.status, 429, blocked.text);
    assert.equal(blocked.body.code, 'portal_signin_throttled');
    assert.equal(blocked.setCookie, undefined);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    assert.match(blocked.body.title, /分钟后再试/);
    // registration with the same document is the same door
    const viaRegister = await phone('10.0.3.98').post('/api/portal/register', { ...creds(target), institutionId: await institution('C001') });
    assert.equal(viaRegister.status, 429);
    const fine = await phone('10.0.3.99').post('/api/portal/login', creds(other));
    assert.equal(fine.status, 200);
    const { rows } = await p.kernel.pool.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action IN ('portal.signin', 'portal.register') AND outcome = 'failure' AND detail->>'reason' = 'throttled'`);
    assert.equal(rows[0].n, 2);
    // the window passes: the count is in the database, so moving the failures back in time unblocks
    await p.kernel.pool.query(`UPDATE portal_signin_failure SET at = at - interval '16 minutes'`);
    assert.equal((await phone('10.0.3.99').post('/api/portal/login', creds(target))).status, 200);
  });
});

describe('first-time registration from the phone', () => {
  test('a new person is put into the index at the chosen institution and signed in', async () => {
    const c001 = await institution('C001');
    const body = { name: '测试新患', idNumber: newResidentId(905), mobile: '13812340905', institutionId: c001 };
    const ph = phone('10.0.4.1');
    const res = await ph.post('/api/portal/register', body);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.created, true);
    assert.equal(res.body.sex, 'male'); // from the ID number (odd sequence)
    assert.deepEqual(res.body.institutions, [{ id: c001, name: '城东社区卫生服务中心' }]);
    assert.equal((await ph.client.get('/api/portal/me')).status, 200);
    const { rows } = await p.kernel.pool.query(
      `SELECT p.birth_date, r.mrn, h.actor_name FROM patient p JOIN patient_record r ON r.patient_id = p.id JOIN patient_history h ON h.patient_id = p.id WHERE p.id = $1`, [res.body.patientId]);
    assert.equal(rows[0].birth_date, '1990-01-01');
    assert.match(rows[0].mrn, /^C001-/);
    assert.equal(rows[0].actor_name, '患者本人（自助建档）');
    // the same person again: a sign-in, not a second person
    const again = await phone('10.0.4.2').post('/api/portal/register', body);
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.created, false);
    assert.equal(again.body.patientId, res.body.patientId);
    // someone else with that document number: the generic refusal, no hint that it exists
    const other = await phone('10.0.4.3').post('/api/portal/register', { ...body, name: '冒名者', mobile: '13812349999' });
    assert.equal(other.status, 401);
    assert.equal(other.body.code, 'portal_signin_failed');
  });

  test('one address cannot fill the index with invented people', async () => {
    const c001 = await institution('C001');
    const ph = phone('10.0.7.1');
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) {
      const res = await ph.post('/api/portal/register', { name: '批量测试', idNumber: newResidentId(100 + i), mobile: `138000${String(i).padStart(5, '0')}`, institutionId: c001 });
      assert.equal(res.status, 201, res.text);
    }
    const refused = await ph.post('/api/portal/register', { name: '批量测试', idNumber: newResidentId(199), mobile: '13800099999', institutionId: c001 });
    assert.equal(refused.status, 429);
    assert.equal((await phone('10.0.7.2').post('/api/portal/login', creds(han))).status, 200, 'other addresses are not affected');
  });

  test('the resident ID is checked (GB 11643) and the institution must exist', async () => {
    const c001 = await institution('C001');
    const wrong = newResidentId(903).slice(0, 17) + (newResidentId(903)[17] === '1' ? '2' : '1');
    const res = await phone('10.0.5.1').post('/api/portal/register', { name: '测试', idNumber: wrong, mobile: '13812340903', institutionId: c001 });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].field, 'idNumber');
    const dept = (await p.kernel.pool.query(`SELECT id FROM org_unit WHERE code = 'H001-CAR'`)).rows[0].id;
    const notInst = await phone('10.0.5.1').post('/api/portal/register', { name: '测试', idNumber: newResidentId(904), mobile: '13812340904', institutionId: dept });
    assert.equal(notInst.status, 422);
    assert.equal(notInst.body.errors[0].field, 'institutionId');
  });

  test('an indexed patient registering at another institution is linked there, and can add records later', async () => {
    const c001 = await institution('C001');
    const c002 = await institution('C002');
    const ph = phone('10.0.6.1');
    const res = await ph.post('/api/portal/register', { ...creds(xu), institutionId: c001 });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.created, false);
    assert.deepEqual(res.body.institutions.map((i: { id: number }) => i.id).sort(), [await institution('H001'), c001].sort());
    const more = await ph.post('/api/portal/records', { institutionId: c002 });
    assert.equal(more.status, 200, more.text);
    assert.equal(more.body.created, true);
    assert.equal((await ph.post('/api/portal/records', { institutionId: c002 })).body.created, false);
    const { rows } = await p.kernel.pool.query(`SELECT count(*)::int AS n FROM patient WHERE id_number_index = (SELECT id_number_index FROM patient WHERE id = $1)`, [res.body.patientId]);
    assert.equal(rows[0].n, 1, 'still one person');
    const audit = await p.kernel.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'patient.link' AND patient_id = $1 AND actor_name = $2`, [res.body.patientId, `patient:${res.body.patientId}`]);
    assert.equal(audit.rows[0].n, 2);
  });
});
