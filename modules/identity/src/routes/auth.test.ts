import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { totpCode } from '@kangyun/kernel';
import { startTestPlatform, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { DEMO_PASSWORD, DEMO_TOTP } from '../demo.js';

let p: TestPlatform;
before(async () => { p = await startTestPlatform(); });
after(async () => { await p.close(); });

describe('login', () => {
  test('a doctor logs in with username and password and gets an HttpOnly SameSite cookie', async () => {
    const c = p.anonymous();
    const res = await c.post('/api/auth/login', { username: 'dr.li', password: DEMO_PASSWORD });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'ok');
    assert.equal(res.body.session.user.displayName, '李明');
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('kangyun_sid='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const me = await c.get('/api/auth/me');
    assert.equal(me.status, 200);
    assert.ok(me.body.permissions.includes('patient.read'));
  });

  test('login by mobile number works too', async () => {
    const res = await p.anonymous().post('/api/auth/login', { username: '13900000002', password: DEMO_PASSWORD });
    assert.equal(res.status, 200);
    assert.equal(res.body.session.user.username, 'dr.li');
  });

  test('a wrong password is a 401 in the caller\'s language and is audited', async () => {
    const zh = await p.anonymous().post('/api/auth/login', { username: 'dr.zhang', password: 'wrong-password' });
    assert.equal(zh.status, 401);
    assert.equal(zh.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(zh.body.title, '用户名或密码不正确');
    const en = await p.anonymous().post('/api/auth/login', { username: 'dr.zhang', password: 'wrong-password' }, { 'accept-language': 'en-US' });
    assert.equal(en.body.title, 'Incorrect username or password');
    const { rows } = await p.kernel.pool.query(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.login' AND outcome = 'failure' AND actor_name = 'dr.zhang'");
    assert.equal(rows[0].n, 2);
  });

  test('missing fields are named in the error', async () => {
    const res = await p.anonymous().post('/api/auth/login', { username: 'dr.li' });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field), ['password']);
    assert.match(res.body.errors[0].message, /密码|password/);
  });

  test('five wrong passwords lock the account, even the right password is then refused, and the security admin can unlock it', async () => {
    for (let i = 0; i < 5; i++) await p.anonymous().post('/api/auth/login', { username: 'dr.sun', password: 'nope' });
    const locked = await p.anonymous().post('/api/auth/login', { username: 'dr.sun', password: DEMO_PASSWORD });
    assert.equal(locked.status, 401);
    assert.equal(locked.body.code, 'account_locked');
    const sec = await p.as('secadmin');
    const { rows } = await p.kernel.pool.query("SELECT id FROM account WHERE username = 'dr.sun'");
    assert.equal((await sec.post(`/api/staff/${rows[0].id}/unlock`)).status, 204);
    assert.equal((await p.anonymous().post('/api/auth/login', { username: 'dr.sun', password: DEMO_PASSWORD })).status, 200);
  });

  test('administrators must give a TOTP code; a wrong code is refused', async () => {
    const c = p.anonymous();
    const first = await c.post('/api/auth/login', { username: 'auditadmin', password: DEMO_PASSWORD });
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'totp_required');
    assert.equal(c.cookie, null);
    const wrong = await c.post('/api/auth/login', { username: 'auditadmin', password: DEMO_PASSWORD, totpCode: '000000' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.code, 'totp_invalid');
    const ok = await c.post('/api/auth/login', { username: 'auditadmin', password: DEMO_PASSWORD, totpCode: totpCode(DEMO_TOTP.auditadmin) });
    assert.equal(ok.body.status, 'ok');
  });

  test('a new administrator without TOTP is made to enrol before getting a session', async () => {
    const sys = await p.as('sysadmin');
    const roles = (await sys.get('/api/roles')).body as { id: number; code: string }[];
    const inst = (await p.kernel.pool.query("SELECT id FROM org_unit WHERE code = 'H001'")).rows[0].id;
    const created = await sys.post('/api/staff', {
      username: 'newsec', displayName: '新安全员', initialPassword: 'Initial#Pass2026',
      assignments: [{ institutionId: inst, roleId: roles.find((r) => r.code === 'security_admin')!.id }],
    });
    assert.equal(created.status, 201, created.text);
    const c = p.anonymous();
    const step = await c.post('/api/auth/login', { username: 'newsec', password: 'Initial#Pass2026' });
    assert.equal(step.body.status, 'totp_setup_required');
    assert.match(step.body.totpSetup.otpauthUrl, /^otpauth:\/\/totp\//);
    const done = await c.post('/api/auth/login', { username: 'newsec', password: 'Initial#Pass2026', totpCode: totpCode(step.body.totpSetup.secret) });
    assert.equal(done.body.status, 'password_change_required');
    // until the initial password is changed, nothing else is allowed
    assert.equal((await c.get('/api/roles')).body.code, 'password_change_required');
    const weak = await c.post('/api/auth/password', { currentPassword: 'Initial#Pass2026', newPassword: 'short' });
    assert.equal(weak.status, 422);
    assert.equal(weak.body.errors[0].field, 'newPassword');
    assert.match(weak.body.errors[0].message, /至少 10 位/);
    const same = await c.post('/api/auth/password', { currentPassword: 'Initial#Pass2026', newPassword: 'Initial#Pass2026' });
    assert.equal(same.body.errors[0].code, 'password_reused');
    assert.equal((await c.post('/api/auth/password', { currentPassword: 'Initial#Pass2026', newPassword: 'Changed#Pass2026' })).status, 204);
    assert.equal((await c.get('/api/roles')).status, 200);
  });

  test('switching institution changes what the session acts as, without logging in again', async () => {
    const c = await p.as('dr.wang');
    const me = (await c.get('/api/auth/me')).body;
    assert.equal(me.assignments.length, 2);
    const other = me.assignments.find((a: { id: number }) => a.id !== me.currentAssignmentId);
    const switched = await c.post('/api/auth/switch', { assignmentId: other.id });
    assert.equal(switched.status, 200);
    assert.equal(switched.body.currentAssignmentId, other.id);
    assert.equal((await c.get('/api/auth/me')).body.currentAssignmentId, other.id);
    const notMine = await c.post('/api/auth/switch', { assignmentId: 1_000_000 });
    assert.equal(notMine.status, 422);
    assert.equal(notMine.body.errors[0].field, 'assignmentId');
  });

  test('logout ends the session', async () => {
    const c = await p.as('nurse.liu');
    const saved = c.cookie;
    assert.equal((await c.post('/api/auth/logout')).status, 204);
    c.cookie = saved;
    assert.equal((await c.get('/api/auth/me')).status, 401);
  });

  test('an idle session expires after the policy timeout', async () => {
    const c = await p.as('nurse.yang');
    await p.kernel.pool.query("UPDATE session SET last_seen_at = now() - interval '16 minutes' WHERE account_id = (SELECT id FROM account WHERE username = 'nurse.yang')");
    const res = await c.get('/api/auth/me');
    assert.equal(res.status, 401);
    assert.equal(res.body.code, 'session_expired');
  });

  test('an account that must change its initial password is told so at login', async () => {
    const res = await p.anonymous().post('/api/auth/login', { username: 'nurse.new', password: DEMO_PASSWORD });
    assert.equal(res.body.status, 'password_change_required');
  });
});
