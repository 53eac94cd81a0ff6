import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { freshSession } from '../test/fixtures.js';
import { hospitalDate } from './catalogue.js';
import { patientSource, signInPhone } from './test-phone.js';

let p: TestPlatform;
let desk: ApiClient;
let patients: ReturnType<typeof patientSource>;
before(async () => {
  p = await startTestPlatform();
  desk = await p.as('reg.song'); // 挂号预约员, 示例市第一人民医院
  patients = patientSource(p);
});
after(async () => { await p.close(); });

async function orgId(code: string): Promise<number> {
  return (await p.kernel.pool.query('SELECT id FROM org_unit WHERE code = $1', [code])).rows[0].id;
}

describe('what can be booked (public)', () => {
  test('institutions, departments with their restrictions, a doctor\'s 14 days and time segments for the phone channel', async () => {
    const anon = p.anonymous();
    const institutions = await anon.get('/api/portal/institutions');
    assert.equal(institutions.status, 200);
    assert.equal(institutions.body[0].name, '示例市第一人民医院');
    const departments = await anon.get(`/api/portal/institutions/${institutions.body[0].id}/departments`);
    assert.equal(departments.status, 200);
    const car = departments.body.find((d: { name: string }) => d.name === '心血管内科');
    assert.deepEqual(car.levels, ['expert', 'general']);
    assert.equal(car.doctors, 2);
    assert.ok(car.free > 0);
    assert.equal(departments.body.find((d: { name: string }) => d.name === '妇科').sex, 'female');
    assert.equal(departments.body.find((d: { name: string }) => d.name === '儿科').maxAge, 14);
    assert.ok(!departments.body.some((d: { name: string }) => d.name === '超声科'), 'exam departments are booked from an order, not here');

    const sessions = await anon.get(`/api/portal/departments/${car.id}/sessions`);
    assert.equal(sessions.status, 200, sessions.text);
    assert.equal(sessions.body.from, hospitalDate(0));
    assert.equal(sessions.body.to, hospitalDate(13));
    const tomorrow = sessions.body.sessions.filter((s: { serviceDate: string }) => s.serviceDate === hospitalDate(1));
    assert.ok(tomorrow.length >= 2, 'both doctors see patients tomorrow');
    const zhang = tomorrow.find((s: { practitionerName: string; period: string }) => s.practitionerName === '张慧' && s.period === 'am');
    assert.equal(zhang.state, 'bookable');
    assert.equal(zhang.clinicLevel, 'general');
    assert.equal(zhang.fee, 10);
    assert.equal(zhang.room, '门诊楼 2 楼 201 诊室');

    const detail = await anon.get(`/api/portal/sessions/${zhang.id}`);
    assert.equal(detail.status, 200);
    const segments = detail.body.segments as { free: number; slotId: number | null; startsAt: string }[];
    assert.equal(segments.length, 8, 'half-hour segments from 08:00 to 12:00');
    assert.equal(segments.reduce((n, s) => n + s.free, 0), zhang.free);
    assert.ok(!detail.text.includes('appointmentId') && !detail.text.includes('patient'), 'capacity only, no patient data');

    assert.equal((await anon.get(`/api/portal/departments/${car.id}/sessions?from=2030-01-01&to=2030-03-01`)).status, 422);
    assert.equal((await anon.get('/api/portal/departments/999999/sessions')).status, 404);
    assert.equal((await anon.post('/api/portal/appointments', { sessionId: zhang.id })).status, 401, 'booking needs the patient signed in');
  });
});

describe('booking from the phone', () => {
  test('uses the 微信/H5 quota: dedicated and shared numbers only, never the desk\'s', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 4, quotas: { window: 2, wechat: 1 } });
    const [a, b, c, d] = await patients(4);
    const phones = await Promise.all([a, b, c].map((id) => signInPhone(p, id)));
    const first = await phones[0].post('/api/portal/appointments', { sessionId: s.id });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.body.channel, 'wechat');
    assert.equal(first.body.status, 'booked');
    assert.equal(first.body.patientId, a);
    assert.equal(first.body.checkinPath, `/m/checkin/${first.body.id}`);
    assert.equal(first.body.changeable, true);
    assert.equal((await phones[1].post('/api/portal/appointments', { sessionId: s.id })).status, 201);
    const third = await phones[2].post('/api/portal/appointments', { sessionId: s.id });
    assert.equal(third.status, 409, 'the two desk numbers are left, but not for the phone');
    assert.equal(third.body.code, 'slot_unavailable');
    assert.equal((await p.anonymous().get(`/api/portal/sessions/${s.id}`)).body.session.state, 'full');
    assert.equal((await desk.post('/api/appointments', { patientId: d, sessionId: s.id })).status, 201);
    const { rows } = await p.kernel.pool.query(
      `SELECT a.channel, sl.channel AS quota FROM appointment a JOIN sched_slot sl ON sl.id = a.slot_id WHERE a.session_id = $1 AND a.patient_id = ANY($2::bigint[])`, [s.id, [a, b]]);
    assert.deepEqual(rows.map((r) => r.channel), ['wechat', 'wechat']);
    assert.deepEqual(rows.map((r) => r.quota ?? 'shared').sort(), ['shared', 'wechat']);
    const audit = await p.kernel.pool.query(`SELECT actor_name, actor_id, institution_id FROM audit_event WHERE action = 'appointment.book' AND entity_id = $1`, [String(first.body.id)]);
    assert.deepEqual(audit.rows, [{ actor_name: `patient:${a}`, actor_id: null, institution_id: await orgId('H001') }]);
  });

  test('a retry with the same idempotency key returns the first booking', async () => {
    const s = await freshSession(p, '心血管内科专家门诊', { capacity: 3 });
    const [a] = await patients(1);
    const phone = await signInPhone(p, a);
    const key = `phone-${s.id}-retry`;
    const one = await phone.post('/api/portal/appointments', { sessionId: s.id, idempotencyKey: key });
    const two = await phone.post('/api/portal/appointments', { sessionId: s.id, idempotencyKey: key });
    assert.equal(one.status, 201, one.text);
    assert.equal(two.status, 200, two.text);
    assert.equal(two.body.id, one.body.id);
    assert.equal(two.body.replayed, true);
    const viaHeader = await phone.post('/api/portal/appointments', { sessionId: s.id }, { 'idempotency-key': key });
    assert.equal(viaHeader.body.id, one.body.id);
    const { rows } = await p.kernel.pool.query('SELECT count(*)::int AS n FROM appointment WHERE session_id = $1', [s.id]);
    assert.equal(rows[0].n, 1);
    // keys belong to the patient: another patient's identical key is a different request
    const [b] = await patients(1);
    const other = await (await signInPhone(p, b)).post('/api/portal/appointments', { sessionId: s.id, idempotencyKey: key });
    assert.equal(other.status, 201, other.text);
    assert.notEqual(other.body.id, one.body.id);
  });

  test('a patient cannot see, cancel or move another patient\'s appointment (404, as if it did not exist)', async () => {
    const s = await freshSession(p, '安宁疗护普通门诊', { capacity: 4 });
    const other = await freshSession(p, '安宁疗护普通门诊', { capacity: 4 });
    const [a, b] = await patients(2);
    const [pa, pb] = await Promise.all([signInPhone(p, a), signInPhone(p, b)]);
    const mine = await pa.post('/api/portal/appointments', { sessionId: s.id });
    assert.equal(mine.status, 201);
    const id = mine.body.id;
    const missing = await pb.get('/api/portal/appointments/99999999');
    for (const res of [
      await pb.get(`/api/portal/appointments/${id}`),
      await pb.post(`/api/portal/appointments/${id}/cancel`, { reason: '不想去了' }),
      await pb.post(`/api/portal/appointments/${id}/reschedule`, { sessionId: other.id }),
    ]) {
      assert.equal(res.status, 404, res.text);
      assert.deepEqual({ ...res.body, instance: undefined }, { ...missing.body, instance: undefined });
    }
    assert.ok(!(await pb.get('/api/portal/appointments')).body.items.some((x: { id: number }) => x.id === id));
    const still = await pa.get(`/api/portal/appointments/${id}`);
    assert.equal(still.body.status, 'booked');
    assert.ok((await pa.get('/api/portal/appointments')).body.items.some((x: { id: number }) => x.id === id));
    const audit = await p.kernel.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'appointment.read' AND patient_id = $1 AND actor_name = $2`, [a, `patient:${a}`]);
    assert.equal(audit.rows[0].n, 2, 'the detail and the list read are audited');
  });

  test('no-show block: 3 no-shows in 90 days stop online booking; the desk can still book', async () => {
    const [a] = await patients(1);
    for (let i = 0; i < 3; i++) {
      const s = await freshSession(p, '肿瘤科专家门诊', { capacity: 2 });
      const booked = await desk.post('/api/appointments', { patientId: a, sessionId: s.id });
      assert.equal(booked.status, 201, booked.text);
      await p.kernel.pool.query(`UPDATE appointment SET status = 'noshow', starts_at = now() - make_interval(days => $2), ends_at = now() - make_interval(days => $2) + interval '30 minutes' WHERE id = $1`, [booked.body.id, 10 - i]);
    }
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 4 });
    const phone = await signInPhone(p, a);
    const refused = await phone.post('/api/portal/appointments', { sessionId: s.id });
    assert.equal(refused.status, 403, refused.text);
    assert.match(refused.body.title, /爽约 3 次.*暂停网上预约/);
    assert.equal((await desk.post('/api/appointments', { patientId: a, sessionId: s.id })).status, 201);
  });

  test('cancellation deadline: the patient cancels with a reason until 60 minutes before, then only the desk can', async () => {
    const s = await freshSession(p, '心理门诊', { capacity: 4 });
    const [a] = await patients(1);
    const phone = await signInPhone(p, a);
    const early = await phone.post('/api/portal/appointments', { sessionId: s.id });
    const cancelled = await phone.post(`/api/portal/appointments/${early.body.id}/cancel`, { reason: '行程有变' });
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.equal(cancelled.body.status, 'cancelled');
    assert.equal(cancelled.body.cancelReason, '行程有变');
    assert.equal(cancelled.body.changeable, false);
    const late = await phone.post('/api/portal/appointments', { sessionId: s.id });
    assert.equal(late.status, 201, 'a cancelled number can be booked again');
    await p.kernel.pool.query(`UPDATE appointment SET starts_at = now() + interval '30 minutes', ends_at = now() + interval '60 minutes' WHERE id = $1`, [late.body.id]);
    const listed = (await phone.get('/api/portal/appointments')).body.items.find((x: { id: number }) => x.id === late.body.id);
    assert.equal(listed.changeable, false);
    const refused = await phone.post(`/api/portal/appointments/${late.body.id}/cancel`, { reason: '来不了' });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'cancel_deadline_passed');
    assert.match(refused.body.title, /已超过取消时限/);
    assert.equal(refused.body.minutes, 60);
    const other = await freshSession(p, '心理门诊', { capacity: 4 });
    assert.equal((await phone.post(`/api/portal/appointments/${late.body.id}/reschedule`, { sessionId: other.id })).body.code, 'cancel_deadline_passed');
    assert.equal((await phone.post(`/api/portal/appointments/${late.body.id}/cancel`, { reason: '' })).status, 422);
    assert.equal((await desk.post(`/api/appointments/${late.body.id}/cancel`, { reason: '窗口代办' })).status, 200);
  });

  test('reschedule within the institution; the messages page shows the notices', async () => {
    const s = await freshSession(p, '心血管内科专家门诊', { capacity: 4 });
    const later = await freshSession(p, '心血管内科专家门诊', { capacity: 4 });
    const community = await freshSession(p, '全科门诊（赵磊）', { capacity: 4 });
    const [a] = await patients(1);
    const phone = await signInPhone(p, a);
    const booked = await phone.post('/api/portal/appointments', { sessionId: s.id });
    const elsewhere = await phone.post(`/api/portal/appointments/${booked.body.id}/reschedule`, { sessionId: community.id });
    assert.equal(elsewhere.status, 422);
    assert.equal(elsewhere.body.errors[0].field, 'sessionId');
    const moved = await phone.post(`/api/portal/appointments/${booked.body.id}/reschedule`, { sessionId: later.id });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.body.sessionId, later.id);
    assert.equal(moved.body.rescheduledFrom, booked.body.id);
    assert.equal((await phone.get(`/api/portal/appointments/${booked.body.id}`)).body.status, 'cancelled');
    const inbox = await phone.get('/api/portal/messages');
    assert.equal(inbox.status, 200);
    assert.deepEqual(inbox.body.items.map((m: { title: string }) => m.title), ['预约已改期', '预约成功']);
    assert.equal(inbox.body.unread, 2);
    assert.equal(inbox.body.items[0].link, `/m/appointments/${moved.body.id}`);
    assert.equal((await phone.post(`/api/portal/messages/${inbox.body.items[0].id}/read`)).status, 204);
    assert.equal((await phone.get('/api/portal/messages/unread')).body.unread, 1);
    const [b] = await patients(1);
    assert.equal((await (await signInPhone(p, b)).post(`/api/portal/messages/${inbox.body.items[1].id}/read`)).status, 404, 'someone else\'s message');
  });

  test('a full session takes the phone on its waiting list; a cancellation books them', async () => {
    const s = await freshSession(p, '肿瘤科专家门诊', { capacity: 1 });
    const [a, b] = await patients(2);
    const [pa, pb] = await Promise.all([signInPhone(p, a), signInPhone(p, b)]);
    const booked = await pa.post('/api/portal/appointments', { sessionId: s.id });
    assert.equal(booked.status, 201);
    assert.equal((await pb.post('/api/portal/appointments', { sessionId: s.id })).status, 409);
    const waiting = await pb.post(`/api/portal/sessions/${s.id}/waitlist`);
    assert.equal(waiting.status, 201, waiting.text);
    assert.equal(waiting.body.position, 1);
    assert.equal((await pb.get('/api/portal/waitlist')).body.items[0].status, 'waiting');
    await pa.post(`/api/portal/appointments/${booked.body.id}/cancel`, { reason: '已好转' });
    const entry = (await pb.get('/api/portal/waitlist')).body.items[0];
    assert.equal(entry.status, 'booked');
    const mine = (await pb.get('/api/portal/appointments')).body.items;
    assert.equal(mine[0].id, entry.appointmentId);
    assert.equal(mine[0].status, 'booked');
  });

  test('booking at an institution without the patient\'s record asks for one first', async () => {
    const only = patientSource(p, 'C001');
    const [c] = await only(1, { only: true });
    const phone = await signInPhone(p, c);
    const s = await freshSession(p, '安宁疗护专家门诊', { capacity: 2 });
    const refused = await phone.post('/api/portal/appointments', { sessionId: s.id });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'record_required');
    assert.equal(refused.body.institutionId, await orgId('H001'));
    assert.equal(refused.body.title, '您在示例市第一人民医院还没有就诊档案，请先建档再预约');
    assert.equal((await phone.post('/api/portal/records', { institutionId: await orgId('H001') })).status, 200);
    assert.equal((await phone.post('/api/portal/appointments', { sessionId: s.id })).status, 201);
  });

  test('exam appointments show the preparation instructions of their items', async () => {
    const [a] = await patients(1);
    const h001 = await orgId('H001');
    const { rows: [item] } = await p.kernel.pool.query(
      `INSERT INTO exam_item (institution_id, code, name, modality, duration_minutes, preparation, fasting)
       VALUES ($1, 'PORTAL-US-ABD', '腹部彩超（门户测试）', 'US', 15, '检查前空腹 8 小时，当天早上不要吃早餐', true) RETURNING id`, [h001]);
    const { rows: [session] } = await p.kernel.pool.query(
      `SELECT s.id, s.resource_id, s.department_id, s.starts_at FROM sched_session s JOIN sched_resource r ON r.id = s.resource_id
       WHERE r.name = '超声 2 室' AND s.service_date = $1 AND s.period = 'am'`, [hospitalDate(2)]);
    const { rows: [appt] } = await p.kernel.pool.query(
      `INSERT INTO appointment (institution_id, department_id, resource_id, session_id, patient_id, kind, exam_item_id, seq, starts_at, ends_at, channel, status)
       VALUES ($1, $2, $3, $4, $5, 'exam', $6, 1, $7::timestamptz + interval '3 hours', $7::timestamptz + interval '3 hours 15 minutes', 'window', 'booked') RETURNING id`,
      [h001, session.department_id, session.resource_id, session.id, a, item.id, session.starts_at]);
    const phone = await signInPhone(p, a);
    const detail = await phone.get(`/api/portal/appointments/${appt.id}`);
    assert.equal(detail.status, 200, detail.text);
    assert.deepEqual(detail.body.preparation, [{ item: '腹部彩超（门户测试）', text: '检查前空腹 8 小时，当天早上不要吃早餐', fasting: true }]);
    const listed = (await phone.get('/api/portal/appointments')).body.items.find((x: { id: number }) => x.id === appt.id);
    assert.equal(listed.preparation[0].fasting, true);
  });
});
