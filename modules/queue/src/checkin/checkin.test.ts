import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { book, patients, portalCookie, todaySession } from '../test/fixtures.js';

let p: TestPlatform;
let nurse: ApiClient;
before(async () => {
  p = await startTestPlatform({ startJobs: false });
  nurse = await p.as('nurse.triage'); // 分诊护士: queue.checkin, queue.call, queue.manage
});
after(async () => { await p.close(); });

describe('check-in (签到)', () => {
  test('only within the window, with the window in the refusal; the ticket is the booking number', async () => {
    const s = await todaySession(p.kernel.pool, '心血管内科普通门诊');
    const [a, b, c] = await patients(p.kernel.pool, 3);
    const early = await book(p.kernel.pool, s, a, 7, 180); // three hours ahead: window opens an hour before
    const lateBooking = await book(p.kernel.pool, s, b, 2, -150); // started 2.5 h ago: window closed after 2 h
    const onTime = await book(p.kernel.pool, s, c, 5, 10);

    const tooEarly = await nurse.post('/api/queue/checkin', { appointmentId: early });
    assert.equal(tooEarly.status, 409, tooEarly.text);
    assert.equal(tooEarly.body.code, 'checkin_not_yet');
    assert.match(tooEarly.body.title, /^还未到签到时间。可签到时间：\d\d:\d\d 至 \d\d:\d\d（预约时段 \d\d:\d\d）$/);
    assert.ok(tooEarly.body.window.from, 'the window travels with the refusal');

    const tooLate = await nurse.post('/api/queue/checkin', { appointmentId: lateBooking });
    assert.equal(tooLate.status, 409);
    assert.equal(tooLate.body.code, 'checkin_closed');
    assert.match(tooLate.body.title, /已超过签到时间/);

    const ok = await nurse.post('/api/queue/checkin', { appointmentId: onTime });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.body.ticket, 5, 'a doctor\'s session queue uses the booking number');
    assert.equal(ok.body.status, 'waiting');
    assert.equal(ok.body.reason, 'normal');
    assert.equal(ok.body.checkinChannel, 'desk');
    assert.match(ok.body.name, /\*/);
    const { rows } = await p.kernel.pool.query('SELECT status FROM appointment WHERE id = $1', [onTime]);
    assert.equal(rows[0].status, 'checked_in');

    const again = await nurse.post('/api/queue/checkin', { appointmentId: onTime });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'already_checked_in');
    assert.equal(again.body.title, '已签到，排队号 5');
  });

  test('overriding the window needs queue.manage and a reason; it is audited', async () => {
    const s = await todaySession(p.kernel.pool, '心血管内科专家门诊');
    const [a] = await patients(p.kernel.pool, 1);
    const id = await book(p.kernel.pool, s, a, 3, 200);
    const desk = await p.as('reg.song'); // queue.checkin without queue.manage
    const refused = await desk.post('/api/queue/checkin', { appointmentId: id, override: { reason: '医生同意提前' } });
    assert.equal(refused.status, 403);
    const missingReason = await nurse.post('/api/queue/checkin', { appointmentId: id, override: {} });
    assert.equal(missingReason.status, 422);
    assert.equal(missingReason.body.errors[0].field, 'override.reason');
    const ok = await nurse.post('/api/queue/checkin', { appointmentId: id, override: { reason: '医生同意提前' } });
    assert.equal(ok.status, 201, ok.text);
    const { rows } = await p.kernel.pool.query(`SELECT detail FROM audit_event WHERE action = 'queue.checkin' AND entity_id = $1`, [String(id)]);
    assert.equal(rows[0].detail.override, '医生同意提前');
  });

  test('bad input names the field; unknown or other-day appointments are refused clearly', async () => {
    const bad = await nurse.post('/api/queue/checkin', { appointmentId: 'abc' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].field, 'appointmentId');
    const unknown = await nurse.post('/api/queue/checkin', { appointmentId: 999999999 });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.title, '找不到该预约，或您无权为其签到');
    const s = await todaySession(p.kernel.pool, '心血管内科普通门诊');
    const [a] = await patients(p.kernel.pool, 1);
    const id = await book(p.kernel.pool, s, a, 1, 5);
    await p.kernel.pool.query(`UPDATE sched_session SET service_date = service_date + 1 WHERE id = $1`, [s.id]);
    const tomorrow = await nurse.post('/api/queue/checkin', { appointmentId: id });
    assert.equal(tomorrow.status, 409);
    assert.equal(tomorrow.body.code, 'checkin_other_day');
    const doctor = await p.as('dr.zhang'); // queue.call only: may check in add-on numbers, not regular bookings
    await p.kernel.pool.query(`UPDATE sched_session SET service_date = service_date - 1 WHERE id = $1`, [s.id]);
    const notAddOn = await doctor.post('/api/queue/checkin', { appointmentId: id });
    assert.equal(notAddOn.status, 403);
    await p.kernel.pool.query('UPDATE appointment SET add_on = true WHERE id = $1', [id]);
    const addOn = await doctor.post('/api/queue/checkin', { appointmentId: id });
    assert.equal(addOn.status, 201, addOn.text);
    assert.equal(addOn.body.checkinChannel, 'doctor');
    assert.equal(addOn.body.reason, 'addon');
  });

  test('a kiosk client checks in through its channel; the desk finds today\'s bookings by the scanned slip', async () => {
    const s = await todaySession(p.kernel.pool, '安宁疗护普通门诊');
    const [a] = await patients(p.kernel.pool, 1);
    const id = await book(p.kernel.pool, s, a, 4, 0);
    const found = await nurse.get(`/api/queue/checkin/candidates?q=${encodeURIComponent(`http://hospital/m/checkin/${id}`)}`);
    assert.equal(found.status, 200, found.text);
    assert.deepEqual(found.body.map((c: { appointmentId: number }) => c.appointmentId), [id]);
    assert.equal(found.body[0].ticket, null);
    const kiosk = await p.withToken('demo-kiosk', 'demo-kiosk-secret');
    const res = await kiosk.post('/api/queue/checkin', { appointmentId: id });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.checkinChannel, 'kiosk');
  });

  test('the patient checks in on the phone (QR code), only for their own booking', async () => {
    const s = await todaySession(p.kernel.pool, '安宁疗护专家门诊');
    const [mine, other] = await patients(p.kernel.pool, 2);
    const id = await book(p.kernel.pool, s, mine, 6, 0);
    const phone = p.anonymous();
    const signedOut = await phone.post(`/api/portal/queue/checkin/${id}`);
    assert.equal(signedOut.status, 401);
    const otherCookie = await portalCookie(p.kernel, other);
    const notMine = await phone.post(`/api/portal/queue/checkin/${id}`, {}, { cookie: otherCookie });
    assert.equal(notMine.status, 404);
    const cookie = await portalCookie(p.kernel, mine);
    const before = await phone.get(`/api/portal/queue/${id}`, { cookie });
    assert.equal(before.status, 200, before.text);
    assert.equal(before.body.checkin.state, 'open');
    assert.equal(before.body.entry, null);
    const res = await phone.post(`/api/portal/queue/checkin/${id}`, {}, { cookie });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.checkinChannel, 'qr');
    const after = await phone.get(`/api/portal/queue/${id}`, { cookie });
    assert.equal(after.body.entry.ticket, 6);
    assert.equal(after.body.entry.status, 'waiting');
    assert.equal(after.body.entry.ahead, 0);
  });
});
