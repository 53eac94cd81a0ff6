import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { demoPatients, freshSession } from '../test/fixtures.js';

let p: TestPlatform;
let desk: ApiClient;
before(async () => {
  p = await startTestPlatform();
  desk = await p.as('reg.song'); // 挂号预约员, 示例市第一人民医院
});
after(async () => { await p.close(); });

describe('booking a number', () => {
  test('books the first free number of the channel, and the same number cannot be booked twice', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 4 });
    const [a, b] = await demoPatients(p, 2);
    const first = await desk.post('/api/appointments', { patientId: a, sessionId: s.id });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.body.seq, 1);
    assert.equal(first.body.status, 'booked');
    assert.equal(first.body.channel, 'window');
    assert.match(first.body.patientName, /\*/);
    const again = await desk.post('/api/appointments', { patientId: b, sessionId: s.id, slotId: first.body.slotId });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'slot_unavailable');
    assert.equal(again.body.title, '该号已被预约，请选择其他号源');
    assert.ok(again.body.options.length > 0, 'offers other numbers');
    assert.equal(again.body.options[0].sessionId, s.id);
    assert.notEqual(again.body.options[0].slotId, first.body.slotId);
  });

  test('a retry with the same idempotency key returns the first booking; a cancelled number can be booked again', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 2 });
    const [a, b] = await demoPatients(p, 2);
    const headers = { 'idempotency-key': `kiosk-retry-${s.id}` };
    const one = await desk.post('/api/appointments', { patientId: a, sessionId: s.id }, headers);
    const two = await desk.post('/api/appointments', { patientId: a, sessionId: s.id }, headers);
    assert.equal(one.status, 201);
    assert.equal(two.status, 200);
    assert.equal(two.body.id, one.body.id);
    assert.equal(two.body.replayed, true);
    const { rows } = await p.kernel.pool.query('SELECT count(*)::int AS n FROM appointment WHERE session_id = $1', [s.id]);
    assert.equal(rows[0].n, 1);
    const cancelled = await desk.post(`/api/appointments/${one.body.id}/cancel`, { reason: '患者改期' });
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.equal(cancelled.body.status, 'cancelled');
    const rebooked = await desk.post('/api/appointments', { patientId: b, sessionId: s.id, slotId: one.body.slotId });
    assert.equal(rebooked.status, 201, rebooked.text);
    assert.equal(rebooked.body.seq, one.body.seq);
  });

  test('channel quotas: a kiosk cannot take the desk\'s numbers, and numbers locked for follow-ups stay locked', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 4, quotas: { window: 2 }, reserved: { followup: 2 } });
    const kiosk = await p.withToken('demo-kiosk', 'demo-kiosk-secret');
    const [a, b] = await demoPatients(p, 2);
    const res = await kiosk.post('/api/appointments', { patientId: a, sessionId: s.id });
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.code, 'slot_unavailable');
    const deskRes = await desk.post('/api/appointments', { patientId: b, sessionId: s.id });
    assert.equal(deskRes.status, 201);
    const followup = await desk.post('/api/appointments', { patientId: a, sessionId: s.id, reservation: 'followup' });
    assert.equal(followup.status, 201, followup.text);
  });

  test('per-patient limits and department restrictions name the reason', async () => {
    const [man] = await demoPatients(p, 1, { sex: 'male' });
    const gyn = await freshSession(p, '妇科专家门诊');
    const refused = await desk.post('/api/appointments', { patientId: man, sessionId: gyn.id });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errors[0].field, 'patientId');
    assert.equal(refused.body.errors[0].message, '该科室仅接诊女性患者');
    const s = await freshSession(p, '安宁疗护普通门诊');
    assert.equal((await desk.post('/api/appointments', { patientId: man, sessionId: s.id })).status, 201);
    const second = await desk.post('/api/appointments', { patientId: man, sessionId: s.id });
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'limit_department');
  });

  test('a full session takes a waiting list, and a cancellation books the first waiting patient', async () => {
    const s = await freshSession(p, '肿瘤科专家门诊', { capacity: 1 });
    const [a, b, c] = await demoPatients(p, 3);
    const booked = await desk.post('/api/appointments', { patientId: a, sessionId: s.id });
    assert.equal(booked.status, 201);
    assert.equal((await desk.post(`/api/scheduling/sessions/${s.id}/waitlist`, { patientId: b })).body.position, 1);
    assert.equal((await desk.post(`/api/scheduling/sessions/${s.id}/waitlist`, { patientId: c })).body.position, 2);
    await desk.post(`/api/appointments/${booked.body.id}/cancel`, { reason: '患者取消' });
    const { rows } = await p.kernel.pool.query(`SELECT patient_id, status FROM appointment WHERE session_id = $1 AND status = 'booked'`, [s.id]);
    assert.deepEqual(rows.map((r) => Number(r.patient_id)), [b]);
  });
});

describe('failure in the middle of a booking', () => {
  test('a booking that fails after its number was claimed leaves the number free and no appointment behind', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 2 });
    const [a] = await demoPatients(p, 1);
    // the outbox insert (after the claim and the audit row) fails for this patient, as a crash would
    await p.kernel.pool.query(`CREATE FUNCTION test_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF NEW.patient_id = ${a} THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`);
    await p.kernel.pool.query('CREATE TRIGGER test_fail_outbox BEFORE INSERT ON notification_outbox FOR EACH ROW EXECUTE FUNCTION test_fail_outbox()');
    const audited = async () => (await p.kernel.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'appointment.book' AND patient_id = $1`, [a])).rows[0].n;
    const auditedBefore = await audited();
    try {
      const res = await desk.post('/api/appointments', { patientId: a, sessionId: s.id });
      assert.equal(res.status, 500);
      const { rows } = await p.kernel.pool.query(
        `SELECT (SELECT count(*)::int FROM appointment WHERE session_id = $1) AS appointments,
                (SELECT count(*)::int FROM sched_slot WHERE session_id = $1 AND status = 'free' AND appointment_id IS NULL) AS free`, [s.id]);
      assert.deepEqual(rows[0], { appointments: 0, free: 2 });
      assert.equal(await audited(), auditedBefore, 'the audit row went with the rolled-back booking');
    } finally {
      await p.kernel.pool.query('DROP TRIGGER test_fail_outbox ON notification_outbox; DROP FUNCTION test_fail_outbox()');
    }
    assert.equal((await desk.post('/api/appointments', { patientId: a, sessionId: s.id })).status, 201);
  });
});

describe('concurrency', () => {
  test('200 concurrent requests for the last 20 numbers: exactly 20 bookings, the rest 409', async () => {
    const s = await freshSession(p, '安宁疗护专家门诊', { capacity: 20 });
    const patients = await demoPatients(p, 100);
    const clients = await Promise.all([desk, await p.as('nurse.triage'), await p.as('dr.wang')]);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      clients[i % clients.length].post('/api/appointments', { patientId: patients[i % patients.length], sessionId: s.id, idempotencyKey: `race-${s.id}-${i}` })));
    const byStatus = new Map<number, number>();
    for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    assert.deepEqual([...byStatus.keys()].sort(), [201, 409], JSON.stringify(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body)));
    assert.equal(byStatus.get(201), 20);
    const { rows } = await p.kernel.pool.query(`SELECT count(*)::int AS n, count(DISTINCT slot_id)::int AS d FROM appointment WHERE session_id = $1 AND status = 'booked'`, [s.id]);
    assert.deepEqual(rows[0], { n: 20, d: 20 });
  });
});
