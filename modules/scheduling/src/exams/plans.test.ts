import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { localDate } from '../demo.js';
import { demoPatients } from '../test/fixtures.js';
import { seedExamsDemo } from './index.js';
import { clockOf, examItems, examSession } from './test-fixtures.js';

let p: TestPlatform;
let desk: ApiClient;
let items: Record<string, number>;
const D1 = localDate(50);
const D2 = localDate(51);
const D3 = localDate(52);
const D4 = localDate(55);
const DEVICES = ['超声 1 室', 'DR 摄片室', 'CT 1 号机', 'MRI 1 号机', '心电图 1 室', '胃肠镜室'];

interface Visit { examItemIds: number[]; sessionId: number; startsAt: string; endsAt: string; serviceDate: string; items: { code: string; preparation: string }[] }

before(async () => {
  p = await startTestPlatform();
  await seedExamsDemo(p.kernel);
  items = await examItems(p);
  desk = await p.as('reg.song');
  for (const date of [D1, D2, D3]) {
    for (const device of DEVICES) {
      await examSession(p, device, date, { period: 'am' });
      await examSession(p, device, date, { period: 'pm', start: '13:30', end: '17:30' });
    }
  }
});
after(async () => { await p.close(); });

const ids = (...codes: string[]) => codes.map((c) => items[c]);
const visitWith = (visits: Visit[], code: string) => visits.find((v) => v.examItemIds.includes(items[code]))!;

describe('order-set planning (检查组合预约)', () => {
  test('proposes a plan satisfying every rule with the fewest days, and explains the alternatives rules blocked', async () => {
    const [patient] = await demoPatients(p, 1, { minAge: 30 });
    const res = await desk.post('/api/scheduling/exam-plans/propose', {
      patientId: patient, examItemIds: ids('ENDO-GAS', 'US-ABD', 'ENDO-COL', 'DR-UGI', 'CT-ABD-C', 'ECG-12'), from: D1, to: D3,
    });
    assert.equal(res.status, 200, res.text);
    const plan = res.body;
    assert.equal(plan.complete, true);
    assert.deepEqual(plan.days, [D1, D2], 'barium and the abdominal CT must be on different days');
    const visits = plan.visits as Visit[];
    assert.equal(visits.length, 5, 'gastroscopy and colonoscopy share one visit');
    const endo = visitWith(visits, 'ENDO-GAS');
    assert.deepEqual(endo.examItemIds, ids('ENDO-GAS', 'ENDO-COL'));
    assert.equal((Date.parse(endo.endsAt) - Date.parse(endo.startsAt)) / 60_000, 70);
    const us = visitWith(visits, 'US-ABD');
    const barium = visitWith(visits, 'DR-UGI');
    const ct = visitWith(visits, 'CT-ABD-C');
    assert.ok(us.endsAt <= barium.startsAt, 'ultrasound before barium');
    assert.ok(endo.serviceDate !== us.serviceDate || us.endsAt <= endo.startsAt, 'ultrasound before gastroscopy on the same day');
    assert.notEqual(barium.serviceDate, ct.serviceDate);
    for (const v of [us, barium, ct, endo]) assert.ok(Number(clockOf(v.endsAt).split(':')[0]) < 12 || clockOf(v.endsAt) === '12:00', 'fasting exams in the morning');
    assert.match(us.items[0].preparation, /空腹/);
    const reasons = (plan.blocked as { message: string }[]).map((b) => b.message);
    assert.ok(reasons.some((m) => /被规则「钡餐造影与腹部 CT 不能同日（钡剂伪影影响 CT）」阻止$/.test(m)), reasons.join('\n'));

    const booked = await desk.post('/api/scheduling/exam-plans/book', {
      patientId: patient, visits: visits.map((v) => ({ examItemIds: v.examItemIds, sessionId: v.sessionId, startsAt: v.startsAt })),
    });
    assert.equal(booked.status, 201, booked.text);
    assert.equal(booked.body.appointments.length, 5);
    assert.deepEqual(booked.body.appointments.map((a: { startsAt: string }) => a.startsAt), visits.map((v) => v.startsAt).sort());
    const { rows } = await p.kernel.pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT i.exam_item_id)::int AS items FROM appointment a JOIN exam_appointment_item i ON i.appointment_id = a.id
       WHERE a.patient_id = $1 AND a.status = 'booked' AND a.kind = 'exam'`, [patient]);
    assert.deepEqual(rows[0], { n: 6, items: 6 });
  });

  test('the example from the issue: an earlier gastroscopy is blocked by the ultrasound-first rule, and says so', async () => {
    // on D4 the ultrasound room opens at 09:00 but the endoscopy room at 08:00
    await examSession(p, '超声 1 室', D4, { start: '09:00', end: '12:00' });
    await examSession(p, '胃肠镜室', D4);
    const [, patient] = await demoPatients(p, 2, { minAge: 30 });
    const res = await desk.post('/api/scheduling/exam-plans/propose', { patientId: patient, examItemIds: ids('ENDO-GAS', 'US-ABD'), from: D4, to: D4 });
    assert.equal(res.status, 200, res.text);
    const gastro = visitWith(res.body.visits, 'ENDO-GAS');
    assert.equal(clockOf(gastro.startsAt), '9:30');
    const month = Number(D4.slice(5, 7));
    const dayOfMonth = Number(D4.slice(8, 10));
    assert.ok(res.body.blocked.some((b: { message: string }) => b.message === `${month}月${dayOfMonth}日 上午 8:00 胃镜（无痛）被规则「腹部超声须在胃镜之前（胃镜注气影响超声观察）」阻止`),
      res.body.blocked.map((b: { message: string }) => b.message).join('\n'));
    const english = await desk.post('/api/scheduling/exam-plans/propose', { patientId: patient, examItemIds: ids('ENDO-GAS', 'US-ABD'), from: D4, to: D4 }, { 'accept-language': 'en' });
    assert.ok(english.body.blocked.some((b: { message: string }) => b.message.startsWith(`${D4} 8:00 胃镜（无痛）: blocked by the rule`)));
  });

  test('booking a plan is all or nothing: one impossible visit leaves nothing booked', async () => {
    const [, , patient, rival] = await demoPatients(p, 4, { minAge: 30 });
    const proposal = await desk.post('/api/scheduling/exam-plans/propose', { patientId: patient, examItemIds: ids('DR-CHEST', 'ECG-12', 'MRI-HEAD'), from: D3, to: D3 });
    assert.equal(proposal.status, 200, proposal.text);
    const visits = proposal.body.visits as Visit[];
    assert.equal(visits.length, 3);
    // someone else takes the MRI time after the plan was proposed
    const mri = visitWith(visits, 'MRI-HEAD');
    const taken = await desk.post('/api/scheduling/exam-appointments', { patientId: rival, examItemId: items['MRI-HEAD'], sessionId: mri.sessionId, startsAt: mri.startsAt });
    assert.equal(taken.status, 201, taken.text);
    const res = await desk.post('/api/scheduling/exam-plans/book', {
      patientId: patient, visits: visits.map((v) => ({ examItemIds: v.examItemIds, sessionId: v.sessionId, startsAt: v.startsAt })),
    });
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.code, 'plan_unavailable');
    assert.equal(res.body.failedVisit, visits.indexOf(mri));
    assert.equal(res.body.cause.code, 'time_taken');
    assert.match(res.body.title, /整个计划均未预约/);
    const { rows } = await p.kernel.pool.query(`SELECT count(*)::int AS n FROM appointment WHERE patient_id = $1 AND kind = 'exam'`, [patient]);
    assert.equal(rows[0].n, 0, 'nothing of the plan was booked');
    const { rows: items2 } = await p.kernel.pool.query(
      `SELECT count(*)::int AS n FROM exam_appointment_item i JOIN appointment a ON a.id = i.appointment_id WHERE a.patient_id = $1`, [patient]);
    assert.equal(items2[0].n, 0);
    // a fresh proposal books
    const again = await desk.post('/api/scheduling/exam-plans/propose', { patientId: patient, examItemIds: ids('DR-CHEST', 'ECG-12', 'MRI-HEAD'), from: D3, to: D3 });
    const ok = await desk.post('/api/scheduling/exam-plans/book', {
      patientId: patient, idempotencyKey: `plan-${patient}-retry`,
      visits: (again.body.visits as Visit[]).map((v) => ({ examItemIds: v.examItemIds, sessionId: v.sessionId, startsAt: v.startsAt })),
    });
    assert.equal(ok.status, 201, ok.text);
    const replay = await desk.post('/api/scheduling/exam-plans/book', {
      patientId: patient, idempotencyKey: `plan-${patient}-retry`,
      visits: (again.body.visits as Visit[]).map((v) => ({ examItemIds: v.examItemIds, sessionId: v.sessionId, startsAt: v.startsAt })),
    });
    assert.equal(replay.status, 200, 'a retried plan booking returns the first booking');
    assert.deepEqual(replay.body.appointments.map((a: { id: number }) => a.id), ok.body.appointments.map((a: { id: number }) => a.id));
  });

  test('a plan breaking a rule is refused at booking time, naming the rule', async () => {
    const [, , , , patient] = await demoPatients(p, 5, { minAge: 30 });
    const { rows } = await p.kernel.pool.query(
      `SELECT s.id FROM sched_session s JOIN sched_resource r ON r.id = s.resource_id WHERE r.name IN ('胃肠镜室', '超声 1 室') AND s.service_date = $1 AND s.period = 'am' ORDER BY r.modality`, [D2]);
    const [endoSession, usSession] = rows.map((r) => Number(r.id)); // ENDO < US
    const res = await desk.post('/api/scheduling/exam-plans/book', {
      patientId: patient, visits: [
        { examItemIds: ids('ENDO-GAS'), sessionId: endoSession, startsAt: `${D2}T08:00:00+08:00` },
        { examItemIds: ids('US-ABD'), sessionId: usSession, startsAt: `${D2}T09:00:00+08:00` },
      ],
    });
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.failedVisit, 1);
    assert.equal(res.body.cause.code, 'exam_rule_blocked');
    assert.equal(res.body.title, '第 2 项检查未能预约：被规则「腹部超声须在胃镜之前（胃镜注气影响超声观察）」阻止。整个计划均未预约，请重新生成方案');
  });

  test('bad plan requests name the fields in Chinese', async () => {
    const [patient] = await demoPatients(p, 1);
    const backwards = await desk.post('/api/scheduling/exam-plans/propose', { patientId: patient, examItemIds: ids('ECG-12'), from: D2, to: D1 });
    assert.equal(backwards.status, 422);
    assert.deepEqual(backwards.body.errors, [{ field: 'to', code: 'before_from', message: '结束日期不能早于开始日期' }]);
    const missing = await desk.post('/api/scheduling/exam-plans/propose', { patientId: patient, from: D1 });
    const messages = missing.body.errors.map((e: { message: string }) => e.message);
    assert.ok(messages.includes('检查项目：必填'), messages.join(' | '));
    assert.ok(messages.includes('结束日期：必填'), messages.join(' | '));
    const unknown = await desk.post('/api/scheduling/exam-plans/propose', { patientId: patient, examItemIds: [items['ECG-12'], 999999], from: D1, to: D1 });
    assert.deepEqual(unknown.body.errors, [{ field: 'examItemIds.1', code: 'unknown', message: '检查项目不存在或已停用' }]);
    const dup = await desk.post('/api/scheduling/exam-plans/book', {
      patientId: patient, visits: [{ examItemIds: ids('ECG-12'), sessionId: 1, startsAt: `${D1}T08:00:00+08:00` }, { examItemIds: ids('ECG-12'), sessionId: 1, startsAt: `${D1}T09:00:00+08:00` }],
    });
    assert.deepEqual(dup.body.errors, [{ field: 'visits', code: 'duplicate', message: '检查项目重复' }]);
    const badVisit = await desk.post('/api/scheduling/exam-plans/book', { patientId: patient, visits: [{ examItemIds: ids('ECG-12'), sessionId: 1 }] });
    assert.equal(badVisit.status, 422);
    assert.match(badVisit.body.errors[0].message, /^开始时间：/);
  });
});
