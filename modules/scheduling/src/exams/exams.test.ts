import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { localDate } from '../demo.js';
import { demoPatients, freshSession, resourceId } from '../test/fixtures.js';
import { seedExamsDemo } from './index.js';
import { clockOf, examItems, examSession, overlappingPairs, sleep } from './test-fixtures.js';

let p: TestPlatform;
let desk: ApiClient;
let manager: ApiClient;
let items: Record<string, number>;
let day = 40;
const nextDay = () => localDate(day++);
const at = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`;

before(async () => {
  p = await startTestPlatform();
  await seedExamsDemo(p.kernel);
  await seedExamsDemo(p.kernel); // idempotent
  items = await examItems(p);
  desk = await p.as('reg.song');
  manager = await p.as('sched.lu');
});
after(async () => { await p.close(); });

describe('exam item catalogue (项目管理)', () => {
  test('schedule managers create and edit items; booking desks only read them', async () => {
    const body = { code: 'US-BREAST', name: '乳腺彩超', modality: 'US', durationMinutes: 15, preparation: '无需空腹' };
    const created = await manager.post('/api/scheduling/exam-items', body);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.name, '乳腺彩超');
    assert.equal(created.body.version, 1);
    assert.equal((await desk.post('/api/scheduling/exam-items', { ...body, code: 'US-X' })).status, 403);
    const list = await desk.get('/api/scheduling/exam-items?modality=US');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((i: { code: string }) => i.code === 'US-BREAST'));
    assert.ok(list.body.items.every((i: { modality: string }) => i.modality === 'US'));
    const updated = await manager.put(`/api/scheduling/exam-items/${created.body.id}`, { ...body, durationMinutes: 20, active: false, version: 1 });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.durationMinutes, 20);
    assert.equal(updated.body.active, false);
    const stale = await manager.put(`/api/scheduling/exam-items/${created.body.id}`, { ...body, version: 1 });
    assert.equal(stale.status, 409);
    assert.ok(!(await desk.get('/api/scheduling/exam-items')).body.items.some((i: { code: string }) => i.code === 'US-BREAST'), 'inactive items are hidden');
  });

  test('validation names the fields in Chinese', async () => {
    const res = await manager.post('/api/scheduling/exam-items', { code: 'X1', name: '某检查', modality: 'PET' });
    assert.equal(res.status, 422);
    const messages = res.body.errors.map((e: { message: string }) => e.message);
    assert.ok(messages.some((m: string) => m.startsWith('检查时长（分钟）：')), messages.join(' | '));
    assert.ok(messages.some((m: string) => m.startsWith('检查类型：')), messages.join(' | '));
    const noName = await manager.post('/api/scheduling/exam-items', { code: 'X2', modality: 'US', durationMinutes: 10 });
    assert.equal(noName.status, 422);
    assert.deepEqual(noName.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]), [['name', '检查项目名称：必填']]);
    const dup = await manager.post('/api/scheduling/exam-items', { code: 'US-ABD', name: '重复', modality: 'US', durationMinutes: 10 });
    assert.equal(dup.status, 422);
    assert.deepEqual(dup.body.errors[0], { field: 'code', code: 'exists', message: '该编码已被其他检查项目使用' });
  });
});

describe('rules library (检查预约规则库)', () => {
  test('rules are created, listed, edited and deleted; each kind checks its own fields', async () => {
    const rule = { kind: 'different_day', a: { itemId: items['MRI-HEAD'] }, b: { modality: 'CT' }, description: '头颅 MRI 与 CT 不同日（演示）' };
    const created = await manager.post('/api/scheduling/exam-rules', rule);
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.body.a, { itemId: items['MRI-HEAD'] });
    assert.deepEqual(created.body.b, { modality: 'CT' });
    const list = await desk.get('/api/scheduling/exam-rules');
    assert.ok(list.body.items.some((r: { id: number }) => r.id === created.body.id));
    assert.ok(list.body.items.some((r: { kind: string }) => r.kind === 'same_visit'), 'demo rules are there');
    const edited = await manager.put(`/api/scheduling/exam-rules/${created.body.id}`, { ...rule, description: '改后的说明', version: 1 });
    assert.equal(edited.body.description, '改后的说明');
    assert.equal((await manager.delete(`/api/scheduling/exam-rules/${created.body.id}`)).status, 204);
    assert.equal((await manager.delete(`/api/scheduling/exam-rules/${created.body.id}`)).status, 404);

    const priority = await manager.post('/api/scheduling/exam-rules', { kind: 'priority', a: { modality: 'MRI' }, timeFrom: '10:00', timeTo: '09:00', description: 'x' });
    assert.equal(priority.status, 422);
    assert.deepEqual(priority.body.errors.map((e: { field: string }) => e.field).sort(), ['patientClass', 'timeTo']);
    const twoSides = await manager.post('/api/scheduling/exam-rules', { kind: 'morning_only', a: { itemId: items['US-ABD'], modality: 'US' }, b: { modality: 'CT' }, description: 'x' });
    assert.deepEqual(twoSides.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      [['a', '请指定一个检查项目、检查类型或检查类别（三选一）'], ['b', '该类规则只涉及一组检查，不需要检查 B']]);
    const gap = await manager.post('/api/scheduling/exam-rules', { kind: 'min_interval', a: { flag: 'contrast' }, b: { flag: 'contrast' }, description: 'x' });
    assert.equal(gap.body.errors[0].field, 'minGapMinutes');
    const badKind = await manager.post('/api/scheduling/exam-rules', { kind: 'sometimes', a: { flag: 'contrast' }, description: 'x' });
    assert.equal(badKind.status, 422);
    assert.match(badKind.body.errors[0].message, /类型：/);
  });
});

describe('booking exams into timed sessions', () => {
  test('items of different durations follow each other on one device without overlapping, on the 5-minute grid', async () => {
    const date = nextDay();
    const session = await examSession(p, '超声 1 室', date);
    const patients = await demoPatients(p, 5);
    const other = patients.pop()!;
    const codes = ['US-THY', 'US-ECHO', 'US-URO', 'US-THY'];
    const booked = [];
    for (const [i, code] of codes.entries()) {
      const res = await desk.post('/api/scheduling/exam-appointments', { patientId: patients[i], examItemId: items[code], sessionId: session });
      assert.equal(res.status, 201, res.text);
      booked.push(res.body);
    }
    assert.deepEqual(booked.map((b) => `${clockOf(b.startsAt)}-${clockOf(b.endsAt)}`), ['8:00-8:15', '8:15-8:45', '8:45-9:05', '9:05-9:20']);
    assert.deepEqual(booked.map((b) => b.seq), [1, 2, 3, 4]);
    assert.equal(booked[0].kind, 'exam');
    assert.equal(booked[0].examItems[0].code, 'US-THY');
    assert.equal(booked[0].slotId, null);
    // an explicit time inside a booked exam is refused with other times offered
    const clash = await desk.post('/api/scheduling/exam-appointments', { patientId: other, examItemId: items['US-URO'], sessionId: session, startsAt: at(date, '08:30') });
    assert.equal(clash.status, 409, clash.text);
    assert.equal(clash.body.code, 'time_taken');
    assert.equal(clash.body.title, '该时间设备已被占用，请选择其他时间');
    assert.equal(clash.body.options[0].sessionId, session);
    assert.equal(clockOf(clash.body.options[0].startsAt), '9:20');
    const fits = await desk.post('/api/scheduling/exam-appointments', { patientId: other, examItemId: items['US-URO'], sessionId: session, startsAt: at(date, '10:00') });
    assert.equal(fits.status, 201, fits.text);
    assert.equal(await overlappingPairs(p, booked[0].resourceId), 0);
  });

  test('bad requests are 422 naming the field in Chinese', async () => {
    const date = nextDay();
    const session = await examSession(p, '超声 1 室', date);
    const [patient] = await demoPatients(p, 1);
    const empty = await desk.post('/api/scheduling/exam-appointments', {});
    assert.equal(empty.status, 422);
    const fields = Object.fromEntries(empty.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    assert.equal(fields.patientId, '患者：必填');
    assert.equal(fields.sessionId, '出诊单元：必填');
    const noItem = await desk.post('/api/scheduling/exam-appointments', { patientId: patient, sessionId: session });
    assert.deepEqual(noItem.body.errors, [{ field: 'examItemId', code: 'required', message: '检查项目：必填' }]);
    const unaligned = await desk.post('/api/scheduling/exam-appointments', { patientId: patient, examItemId: items['US-THY'], sessionId: session, startsAt: at(date, '08:03') });
    assert.deepEqual(unaligned.body.errors, [{ field: 'startsAt', code: 'unaligned', message: '开始时间须为整 5 分钟' }]);
    const outside = await desk.post('/api/scheduling/exam-appointments', { patientId: patient, examItemId: items['US-ECHO'], sessionId: session, startsAt: at(date, '11:45') });
    assert.equal(outside.body.errors[0].field, 'startsAt');
    const wrongDevice = await desk.post('/api/scheduling/exam-appointments', { patientId: patient, examItemId: items['ECG-12'], sessionId: session });
    assert.equal(wrongDevice.status, 422);
    assert.equal(wrongDevice.body.errors[0].message, '该检查项目不能在此检查单元进行（设备类型或执行科室不符）');
    const clinic = await freshSession(p, '心血管内科普通门诊');
    const numbered = await desk.post('/api/scheduling/exam-appointments', { patientId: patient, examItemId: items['US-THY'], sessionId: clinic.id });
    assert.deepEqual(numbered.body.errors.map((e: { field: string }) => e.field), ['sessionId']);
    const notTogether = await desk.post('/api/scheduling/exam-appointments', { patientId: patient, examItemIds: [items['US-THY'], items['US-URO']], sessionId: session });
    assert.equal(notTogether.body.errors[0].message, '这些检查项目不能合并为一次检查（规则库中没有相应的同次检查规则）');
  });

  test('30 concurrent bookings of mixed durations on one device (two overlapping sessions): only 201 or 409, never an overlap', async () => {
    const date = nextDay();
    // two sessions of one device over the same hours: their bookings are not serialised by one
    // session lock, so only the database's exclusion constraint keeps them apart
    const a = await examSession(p, '超声 2 室', date, { period: 'am', capacity: 40 });
    const b = await examSession(p, '超声 2 室', date, { period: 'day', capacity: 40 });
    const patients = await demoPatients(p, 30);
    const codes = ['US-THY', 'US-ECHO', 'US-URO', 'US-ABD'];
    const clients = [desk, await p.as('nurse.triage'), await p.as('tech.xu')];
    const results = await Promise.all(patients.map((patient, i) => clients[i % 3].post('/api/scheduling/exam-appointments', {
      patientId: patient, examItemId: items[codes[i % 4]], sessionId: i % 2 ? a : b, ...(i % 5 === 0 ? { startsAt: at(date, '08:00') } : {}),
    })));
    const statuses = results.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 201 || s === 409), JSON.stringify(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body)));
    const ok = results.filter((r) => r.status === 201);
    assert.ok(ok.length >= 8, `${ok.length} booked`);
    for (const r of results.filter((x) => x.status === 409)) assert.ok(['time_taken', 'exam_no_time', 'exam_session_full'].includes(r.body.code), r.text);
    const device = await resourceId(p, '超声 2 室');
    assert.equal(await overlappingPairs(p, device), 0);
    const { rows } = await p.kernel.pool.query(`SELECT count(*)::int AS n FROM appointment WHERE session_id = ANY ($1) AND status = 'booked'`, [[a, b]]);
    assert.equal(rows[0].n, ok.length);
    const minutes = ok.reduce((s, r) => s + (Date.parse(r.body.endsAt) - Date.parse(r.body.startsAt)) / 60_000, 0);
    assert.ok(minutes <= 240, 'no more exam time than the morning has');
  });

  test('an exclusion-constraint refusal (a concurrent writer on the same device) answers 409 with options, not 500', async () => {
    const date = nextDay();
    const a = await examSession(p, '心电图 1 室', date, { period: 'am' });
    const b = await examSession(p, '心电图 1 室', date, { period: 'day' });
    const [mine, theirs] = await demoPatients(p, 2);
    const { rows: s } = await p.kernel.pool.query('SELECT institution_id, department_id, resource_id FROM sched_session WHERE id = $1', [b]);
    // another transaction holds 08:00–08:10 of the device in session b, not yet committed
    const other = new pg.Client({ connectionString: p.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO appointment (institution_id, department_id, resource_id, session_id, patient_id, kind, exam_item_id, seq, starts_at, ends_at, channel, status)
         VALUES ($1, $2, $3, $4, $5, 'exam', $6, 1, $7, $8, 'window', 'booked')`,
        [s[0].institution_id, s[0].department_id, s[0].resource_id, b, theirs, items['ECG-12'], at(date, '08:00'), at(date, '08:10')]);
      const pending = desk.post('/api/scheduling/exam-appointments', { patientId: mine, examItemId: items['ECG-12'], sessionId: a, startsAt: at(date, '08:05') });
      // wait until the booking's insert is waiting on the other transaction's row, then commit it
      let waiting = false;
      for (let i = 0; i < 100 && !waiting; i++) {
        await sleep(50);
        const { rows } = await p.kernel.pool.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%exam_appointment_item%'`);
        waiting = rows[0].n > 0;
      }
      assert.ok(waiting, 'the booking reached the database constraint');
      await other.query('COMMIT');
      const res = await pending;
      assert.equal(res.status, 409, res.text);
      assert.equal(res.body.code, 'time_taken');
      assert.ok(res.body.options.length > 0, 'offers other times');
      assert.equal(clockOf(res.body.options[0].startsAt), '8:10', 'right after the exam that won');
    } finally {
      await other.end();
    }
    assert.equal(await overlappingPairs(p, s[0].resource_id), 0);
  });

  test('channel quotas of a timed pool: a kiosk cannot take the desk\'s quota', async () => {
    const date = nextDay();
    const session = await examSession(p, 'DR 摄片室', date, { capacity: 2, quotas: { window: 1 } });
    const kiosk = await p.withToken('demo-kiosk', 'demo-kiosk-secret');
    const [x, y, z] = await demoPatients(p, 3);
    assert.equal((await kiosk.post('/api/scheduling/exam-appointments', { patientId: x, examItemId: items['DR-CHEST'], sessionId: session })).status, 201);
    const full = await kiosk.post('/api/scheduling/exam-appointments', { patientId: y, examItemId: items['DR-CHEST'], sessionId: session });
    assert.equal(full.status, 409);
    assert.equal(full.body.code, 'exam_session_full');
    const deskRes = await desk.post('/api/scheduling/exam-appointments', { patientId: z, examItemId: items['DR-CHEST'], sessionId: session });
    assert.equal(deskRes.status, 201, deskRes.text);
    assert.equal(deskRes.body.channel, 'window');
  });

  test('the rules library holds for a single booking against the patient\'s booked exams', async () => {
    const date = nextDay();
    const us = await examSession(p, '超声 1 室', date);
    const endo = await examSession(p, '胃肠镜室', date);
    const [patient, other] = await demoPatients(p, 2, { minAge: 20 });
    const ultrasound = await desk.post('/api/scheduling/exam-appointments', { patientId: patient, examItemId: items['US-ABD'], sessionId: us, startsAt: at(date, '09:00') });
    assert.equal(ultrasound.status, 201, ultrasound.text);
    const early = await desk.post('/api/scheduling/exam-appointments', { patientId: patient, examItemId: items['ENDO-GAS'], sessionId: endo, startsAt: at(date, '08:00') });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'exam_rule_blocked');
    assert.equal(early.body.title, '被规则「腹部超声须在胃镜之前（胃镜注气影响超声观察）」阻止');
    assert.equal(early.body.rule.kind, 'order');
    const auto = await desk.post('/api/scheduling/exam-appointments', { patientId: patient, examItemId: items['ENDO-GAS'], sessionId: endo });
    assert.equal(auto.status, 201, auto.text);
    assert.equal(clockOf(auto.body.startsAt), '9:30', 'after the ultrasound and ten minutes to walk');
    const afternoon = await examSession(p, '胃肠镜室', date, { period: 'pm', start: '13:30', end: '17:30' });
    const pm = await desk.post('/api/scheduling/exam-appointments', { patientId: other, examItemId: items['ENDO-GAS'], sessionId: afternoon });
    assert.equal(pm.status, 409);
    assert.equal(pm.body.code, 'exam_rule_blocked');
    assert.match(pm.body.title, /上午/);
  });

  test('hold, confirm, cancel and reschedule; a lapsed hold frees its time', async () => {
    const date = nextDay();
    const session = await examSession(p, 'CT 1 号机', date);
    const [a, b, c] = await demoPatients(p, 3, { minAge: 20 });
    const held = await desk.post('/api/scheduling/exam-appointments', { patientId: a, examItemId: items['CT-HEAD'], sessionId: session, startsAt: at(date, '09:00'), hold: true });
    assert.equal(held.status, 201, held.text);
    assert.equal(held.body.status, 'held');
    assert.ok(held.body.holdExpiresAt);
    const confirmed = await desk.post(`/api/scheduling/exam-appointments/${held.body.id}/confirm`);
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.body.status, 'booked');
    assert.equal((await desk.post(`/api/scheduling/exam-appointments/${held.body.id}/confirm`)).status, 409);

    // a hold that lapsed no longer keeps the device
    const lapsing = await desk.post('/api/scheduling/exam-appointments', { patientId: b, examItemId: items['CT-HEAD'], sessionId: session, startsAt: at(date, '10:00'), hold: true });
    await p.kernel.pool.query(`UPDATE appointment SET hold_expires_at = now() - interval '1 minute' WHERE id = $1`, [lapsing.body.id]);
    const takes = await desk.post('/api/scheduling/exam-appointments', { patientId: c, examItemId: items['CT-HEAD'], sessionId: session, startsAt: at(date, '10:00') });
    assert.equal(takes.status, 201, takes.text);

    // reschedule: the new time is taken together with releasing the old one
    const moved = await desk.post(`/api/scheduling/exam-appointments/${confirmed.body.id}/reschedule`, { sessionId: session, startsAt: at(date, '11:00') });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(clockOf(moved.body.startsAt), '11:00');
    assert.equal(moved.body.rescheduledFrom, confirmed.body.id);
    const refused = await desk.post(`/api/scheduling/exam-appointments/${moved.body.id}/reschedule`, { sessionId: session, startsAt: at(date, '10:00') });
    assert.equal(refused.status, 409, 'taken by another patient');
    assert.equal((await desk.get(`/api/scheduling/exam-appointments/${moved.body.id}`)).body.status, 'booked', 'the patient keeps the booking they had');

    // cancellation through the core route frees the time for someone else
    const cancelled = await desk.post(`/api/appointments/${moved.body.id}/cancel`, { reason: '患者取消' });
    assert.equal(cancelled.status, 200, cancelled.text);
    const again = await desk.post('/api/scheduling/exam-appointments', { patientId: b, examItemId: items['CT-HEAD'], sessionId: session, startsAt: at(date, '11:00') });
    assert.equal(again.status, 201, again.text);
  });

  test('the booking notice carries the preparation instructions, and the slip shows them', async () => {
    const date = nextDay();
    const session = await examSession(p, '超声 1 室', date);
    const [patient] = await demoPatients(p, 1, { minAge: 50 });
    const res = await desk.post('/api/scheduling/exam-appointments', { patientId: patient, examItemId: items['US-URO'], sessionId: session, orderRef: 'JC20300001' });
    assert.equal(res.status, 201, res.text);
    const { rows } = await p.kernel.pool.query(`SELECT title, body FROM notification_outbox WHERE patient_id = $1 AND channel = 'inapp' ORDER BY id DESC LIMIT 1`, [patient]);
    assert.equal(rows[0].title, '检查预约成功');
    assert.match(rows[0].body, /泌尿系彩超/);
    assert.match(rows[0].body, /憋尿/);
    const slip = await desk.get(`/api/scheduling/exam-appointments/${res.body.id}`);
    assert.equal(slip.body.orderRef, 'JC20300001');
    assert.match(slip.body.examItems[0].preparation, /憋尿/);
    const mine = await desk.get(`/api/scheduling/exam-appointments?patientId=${patient}&from=${date}`);
    assert.deepEqual(mine.body.items.map((x: { id: number }) => x.id), [res.body.id]);
  });
});
