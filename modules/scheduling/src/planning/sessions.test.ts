import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { demoPatients, freshSession } from '../test/fixtures.js';

let p: TestPlatform;
let lu: ApiClient; // 排班管理员
let desk: ApiClient; // 挂号预约员

before(async () => {
  p = await startTestPlatform();
  lu = await p.as('sched.lu');
  desk = await p.as('reg.song');
});
after(async () => { await p.close(); });

async function book(sessionId: number, patients: number[]): Promise<number[]> {
  const ids: number[] = [];
  for (const patientId of patients) {
    const res = await desk.post('/api/appointments', { patientId, sessionId });
    assert.equal(res.status, 201, res.text);
    ids.push(res.body.id);
  }
  return ids;
}

const accountId = async (username: string) => (await p.kernel.pool.query('SELECT id FROM account WHERE username = $1', [username])).rows[0].id as number;

async function appointments(sessionId: number) {
  return (await p.kernel.pool.query('SELECT id, patient_id, status, rescheduled_from FROM appointment WHERE session_id = $1 ORDER BY id', [sessionId])).rows;
}

/** in-app notices of a kind about the given appointments */
async function notices(kind: string, appointmentIds: number[]) {
  return (await p.kernel.pool.query(
    `SELECT patient_id, body, dedupe_key FROM notification_outbox
     WHERE kind = $1 AND channel = 'inapp' AND (params->>'appointmentId')::bigint = ANY ($2::bigint[]) ORDER BY id`,
    [kind, appointmentIds])).rows;
}

describe('pool editor (号源编辑)', () => {
  test('adds, blocks, restores and re-labels numbers, and refuses to touch booked ones, naming them', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 6 });
    await book(s.id, await demoPatients(p, 2)); // numbers 1 and 2

    const blockBooked = await lu.post(`/api/scheduling/sessions/${s.id}/numbers/block`, { seqs: [1, 3] });
    assert.equal(blockBooked.status, 409);
    assert.equal(blockBooked.body.code, 'number_booked');
    assert.equal(blockBooked.body.title, '第 1 号已被预约或锁定，不能修改');
    assert.deepEqual(blockBooked.body.seqs, [1]);

    const blocked = await lu.post(`/api/scheduling/sessions/${s.id}/numbers/block`, { seqs: [3, 4] });
    assert.equal(blocked.status, 200, blocked.text);
    assert.equal(blocked.body.result, 2);
    assert.equal(blocked.body.session.capacity, 4);
    assert.deepEqual(blocked.body.slots.filter((n: { status: string }) => n.status === 'blocked').map((n: { seq: number }) => n.seq), [3, 4]);
    assert.equal((await lu.post(`/api/scheduling/sessions/${s.id}/numbers/unblock`, { seqs: [3] })).body.session.capacity, 5);

    const relabelBooked = await lu.post(`/api/scheduling/sessions/${s.id}/numbers/label`, { seqs: [2, 5], channel: 'kiosk' });
    assert.equal(relabelBooked.status, 409);
    assert.equal(relabelBooked.body.title, '第 2 号已被预约或锁定，不能修改');
    const relabelled = await lu.post(`/api/scheduling/sessions/${s.id}/numbers/label`, { seqs: [5], channel: 'kiosk', reservedFor: 'followup' });
    assert.equal(relabelled.status, 200, relabelled.text);
    const five = relabelled.body.slots.find((n: { seq: number }) => n.seq === 5);
    assert.deepEqual([five.channel, five.reservedFor, !!five.reservedUntil], ['kiosk', 'followup', true]);
    const unknown = await lu.post(`/api/scheduling/sessions/${s.id}/numbers/label`, { seqs: [99], channel: null });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.errors[0].field, 'seqs');

    const added = await lu.post(`/api/scheduling/sessions/${s.id}/numbers`, { count: 2, channel: 'wechat' });
    assert.equal(added.status, 200, added.text);
    assert.deepEqual(added.body.result, [7, 8]);
    assert.equal(added.body.session.capacity, 7);
    assert.deepEqual(added.body.slots.filter((n: { channel: string }) => n.channel === 'wechat').map((n: { seq: number }) => n.seq), [7, 8]);

    // quotas re-label only the free numbers: the booked 1 and 2 keep what they were
    const before = (await p.kernel.pool.query('SELECT seq, channel, reserved_for, status, appointment_id FROM sched_slot WHERE session_id = $1 AND seq IN (1, 2) ORDER BY seq', [s.id])).rows;
    const quotas = await lu.post(`/api/scheduling/sessions/${s.id}/quotas`, { channelQuotas: { window: 2, phone: 1 }, reservedReferral: 1 });
    assert.equal(quotas.status, 200, quotas.text);
    const pool = quotas.body.slots.filter((n: { status: string; addOn: boolean }) => n.status !== 'blocked' && !n.addOn);
    assert.equal(pool.filter((n: { channel: string; status: string }) => n.channel === 'window' && n.status === 'free').length + pool.filter((n: { channel: string; status: string }) => n.channel === 'window' && n.status === 'booked').length, 2);
    assert.equal(pool.filter((n: { channel: string }) => n.channel === 'phone').length, 1);
    assert.equal(pool.filter((n: { reservedFor: string }) => n.reservedFor === 'referral').length, 1);
    assert.equal(pool.filter((n: { channel: string }) => n.channel === 'wechat' || n.channel === 'kiosk').length, 0);
    const after_ = (await p.kernel.pool.query('SELECT seq, channel, reserved_for, status, appointment_id FROM sched_slot WHERE session_id = $1 AND seq IN (1, 2) ORDER BY seq', [s.id])).rows;
    assert.deepEqual(after_, before);
    // seven numbers in the pool, two booked as shared: seven desk numbers cannot be had without touching them
    const notEnough = await lu.post(`/api/scheduling/sessions/${s.id}/quotas`, { channelQuotas: { window: 7 } });
    assert.equal(notEnough.status, 409);
    assert.equal(notEnough.body.code, 'not_enough_free');
    const tooMany = await lu.post(`/api/scheduling/sessions/${s.id}/quotas`, { channelQuotas: { window: 20 } });
    assert.equal(tooMany.status, 422);
    assert.equal(tooMany.body.errors[0].field, 'channelQuotas');

    assert.equal((await desk.post(`/api/scheduling/sessions/${s.id}/numbers`, { count: 1 })).status, 403);
  });
});

describe('substitution (替诊)', () => {
  test('another doctor takes the session and every booked patient is notified with the substitute\'s name', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 5 });
    const patients = await demoPatients(p, 3);
    const ids = await book(s.id, patients);
    const xie = await accountId('dr.xie');
    const res = await lu.post(`/api/scheduling/sessions/${s.id}/substitute`, { practitionerId: xie, reason: '张医生外出会诊' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.notified, ids);
    assert.equal(res.body.practitionerName, '谢飞');
    assert.equal(res.body.substitutedFrom, await accountId('dr.zhang'));

    const rows = await notices('appointment.substituted', ids);
    assert.deepEqual(rows.map((r) => Number(r.patient_id)).sort(), [...patients].sort());
    for (const r of rows) assert.match(r.body, /改由 谢飞 医生接诊/);
    const appts = (await p.kernel.pool.query('SELECT practitioner_id FROM appointment WHERE session_id = $1', [s.id])).rows;
    assert.ok(appts.every((a) => Number(a.practitioner_id) === xie), 'appointments follow the substitute');
    const session = (await desk.get(`/api/scheduling/sessions/${s.id}/pool`)).body.session;
    assert.equal(session.practitionerName, '谢飞');

    const same = await lu.post(`/api/scheduling/sessions/${s.id}/substitute`, { practitionerId: xie, reason: '重复' });
    assert.equal(same.status, 422);
    assert.equal(same.body.errors[0].field, 'practitionerId');
    // handing the session back to the planned doctor clears the substitution mark
    const back = await lu.post(`/api/scheduling/sessions/${s.id}/substitute`, { practitionerId: await accountId('dr.zhang'), reason: '张医生返回' });
    assert.equal(back.status, 200);
    assert.equal(back.body.substitutedFrom, null);
    assert.equal((await notices('appointment.substituted', ids)).length, 6, 'a second substitution notifies again');
  });
});

describe('suspension (停诊)', () => {
  test('with "move" every booking goes to the nearest equivalent number, and nothing is left booked or lost', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 4 });
    const target = await freshSession(p, '心血管内科普通门诊', { capacity: 6 });
    const patients = await demoPatients(p, 3);
    const ids = await book(s.id, patients);

    const res = await lu.post(`/api/scheduling/sessions/${s.id}/suspend`, { reason: '医生病假', action: 'move' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.moved, 3);
    assert.equal(res.body.cancelled, 0);
    assert.deepEqual(res.body.outcomes.map((o: { appointmentId: number }) => o.appointmentId), ids);
    for (const o of res.body.outcomes) {
      assert.equal(o.outcome, 'moved');
      assert.equal(o.moved.sessionId, target.id, 'the same doctor the next day is the nearest equivalent');
    }

    const old = await appointments(s.id);
    assert.equal(old.length, 3, 'no appointment vanished');
    assert.ok(old.every((a) => a.status === 'cancelled'));
    assert.equal(old.filter((a) => a.status === 'booked').length, 0);
    const moved = await appointments(target.id);
    assert.deepEqual(moved.map((a) => Number(a.patient_id)).sort(), [...patients].sort());
    assert.ok(moved.every((a) => a.status === 'booked'));
    assert.deepEqual(moved.map((a) => Number(a.rescheduled_from)).sort(), [...ids].sort());

    const told = await notices('appointment.suspended', ids);
    assert.equal(told.length, 3);
    for (const r of told) assert.match(r.body, /停诊（医生病假）.*已为您改约至/);
    const session = (await desk.get(`/api/scheduling/sessions/${s.id}/pool`)).body.session;
    assert.equal(session.status, 'suspended');
    assert.equal(session.statusReason, '医生病假');
    const booking = await desk.post('/api/appointments', { patientId: (await demoPatients(p, 4))[3], sessionId: s.id });
    assert.equal(booking.status, 409, 'a suspended session takes no bookings');

    const twice = await lu.post(`/api/scheduling/sessions/${s.id}/suspend`, { reason: '再次', action: 'move' });
    assert.equal(twice.status, 409);
    const resumed = await lu.post(`/api/scheduling/sessions/${s.id}/resume`, { reason: '医生返岗' });
    assert.equal(resumed.status, 200, resumed.text);
    assert.equal(resumed.body.status, 'open');
    assert.equal(resumed.body.free, 4);
  });

  test('with no equivalent number left, bookings are cancelled and the patients notified; none stays booked', async () => {
    const s = await freshSession(p, '妇科专家门诊', { capacity: 3 });
    const patients = await demoPatients(p, 2, { sex: 'female' });
    const ids = await book(s.id, patients);
    // no other gynaecology session can take them: every other one is closed for booking
    await p.kernel.pool.query(
      `UPDATE sched_session SET closes_at = now() - interval '1 minute' WHERE department_id = (SELECT id FROM org_unit WHERE code = 'H001-GYN') AND id <> $1`, [s.id]);
    const res = await lu.post(`/api/scheduling/sessions/${s.id}/suspend`, { reason: '设备检修', action: 'move' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.moved, 0);
    assert.equal(res.body.cancelled, 2);
    assert.deepEqual(res.body.outcomes.map((o: { appointmentId: number; outcome: string }) => [o.appointmentId, o.outcome]), ids.map((id) => [id, 'cancelled']));
    const rows = await appointments(s.id);
    assert.equal(rows.length, 2, 'no appointment vanished');
    assert.ok(rows.every((a) => a.status === 'cancelled'));
    const told = await notices('appointment.suspended', ids);
    assert.equal(told.length, 2);
    for (const r of told) assert.match(r.body, /停诊（设备检修）.*已取消/);
  });

  test('with "cancel" bookings are cancelled and the nearest other numbers are offered', async () => {
    const s = await freshSession(p, '肿瘤科专家门诊', { capacity: 3 });
    const other = await freshSession(p, '肿瘤科专家门诊', { capacity: 3 });
    const patients = (await demoPatients(p, 6)).slice(4);
    const ids = await book(s.id, patients);
    const res = await lu.post(`/api/scheduling/sessions/${s.id}/suspend`, { reason: '医生出差', action: 'cancel' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.cancelled, 2);
    for (const o of res.body.outcomes) {
      assert.equal(o.outcome, 'cancelled');
      assert.ok(o.options.some((opt: { sessionId: number }) => opt.sessionId === other.id), 'the other session is offered');
      assert.ok(o.options.every((opt: { sessionId: number }) => opt.sessionId !== s.id), 'the suspended session is never offered');
    }
    assert.equal((await appointments(s.id)).filter((a) => a.status === 'booked').length, 0);
    const told = await notices('appointment.suspended', ids);
    assert.equal(told.length, 2);
    for (const r of told) assert.match(r.body, /可选择以下号源重新预约/);
  });

  test('desk staff without schedule.manage cannot suspend', async () => {
    const s = await freshSession(p, '安宁疗护普通门诊', { capacity: 2 });
    assert.equal((await desk.post(`/api/scheduling/sessions/${s.id}/suspend`, { reason: 'x', action: 'cancel' })).status, 403);
  });
});
