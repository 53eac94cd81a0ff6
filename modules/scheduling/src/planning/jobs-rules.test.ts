import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { demoPatients, freshSession } from '../test/fixtures.js';
import { localInstant } from '../rules/session-window.js';
import { addDays } from './dates.js';
import { markNoShows, queueDayBeforeReminders, reminderKey } from './jobs.js';

let p: TestPlatform;
let lu: ApiClient;
let desk: ApiClient;

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

describe('day-before reminder job', () => {
  test('queues one reminder per booked appointment of tomorrow, never twice, and one node at a time', async () => {
    const s = await freshSession(p, '心血管内科专家门诊', { capacity: 5 });
    const ids = await book(s.id, await demoPatients(p, 3));
    await desk.post(`/api/appointments/${ids[2]}/cancel`, { reason: '患者取消' });
    const eveBefore = localInstant(addDays(s.date, -1), '10:00');

    const first = await queueDayBeforeReminders(p.kernel, { now: eveBefore });
    assert.equal(first?.queued, 2);
    const count = async () => (await p.kernel.pool.query(
      `SELECT dedupe_key, count(*)::int AS n FROM notification_outbox WHERE kind = 'appointment.reminder' AND channel = 'inapp' AND dedupe_key = ANY ($1) GROUP BY dedupe_key ORDER BY dedupe_key`,
      [ids.map(reminderKey)])).rows;
    assert.deepEqual(await count(), ids.slice(0, 2).map((id) => ({ dedupe_key: reminderKey(id), n: 1 })).sort((a, b) => a.dedupe_key.localeCompare(b.dedupe_key)));
    const body = (await p.kernel.pool.query(`SELECT body FROM notification_outbox WHERE dedupe_key = $1 AND channel = 'inapp'`, [reminderKey(ids[0])])).rows[0].body;
    assert.match(body, /您明天/);

    const second = await queueDayBeforeReminders(p.kernel, { now: eveBefore });
    assert.equal(second?.queued, 0);
    assert.equal((await count()).length, 2);
    // two days before, nothing is due; at night nothing is sent
    assert.equal((await queueDayBeforeReminders(p.kernel, { now: localInstant(addDays(s.date, -2), '10:00') }))?.queued, 0);
    assert.equal((await queueDayBeforeReminders(p.kernel, { now: localInstant(addDays(s.date, -1), '23:00') }))?.queued, 0);

    // another node holding the job's lock: this one steps aside
    const other = await p.kernel.pool.connect();
    try {
      await other.query('SELECT pg_advisory_lock(7412, 1)');
      assert.equal(await queueDayBeforeReminders(p.kernel, { now: eveBefore }), null);
    } finally {
      await other.query('SELECT pg_advisory_unlock(7412, 1)');
      other.release();
    }
  });
});

describe('no-show marking job', () => {
  test('booked but never checked in after the session ended becomes a no-show; checked-in patients do not', async () => {
    const s = await freshSession(p, '安宁疗护专家门诊', { capacity: 5 });
    const [a, b] = await book(s.id, await demoPatients(p, 2));
    await p.kernel.pool.query(`UPDATE appointment SET status = 'checked_in' WHERE id = $1`, [b]); // as the queue's check-in does
    const end = localInstant(s.date, '12:00');
    const status = async (id: number) => (await p.kernel.pool.query('SELECT status FROM appointment WHERE id = $1', [id])).rows[0].status;
    await markNoShows(p.kernel, { now: new Date(end.getTime() + 10 * 60_000) });
    assert.equal(await status(a), 'booked', 'not before the grace time');
    const marked = await markNoShows(p.kernel, { now: new Date(end.getTime() + 31 * 60_000) });
    assert.ok(marked! >= 1);
    assert.equal(await status(a), 'noshow');
    assert.equal(await status(b), 'checked_in');
    const audit = (await p.kernel.pool.query(`SELECT actor_name FROM audit_event WHERE action = 'appointment.noshow' AND entity_id = $1`, [String(a)])).rows;
    assert.deepEqual(audit, [{ actor_name: 'system:scheduling-noshow' }]);
  });
});

describe('booking rules editor (预约规则)', () => {
  test('refuses invalid values naming the field in Chinese', async () => {
    const tooFar = await lu.put('/api/scheduling/rules', { daysAhead: 120 });
    assert.equal(tooFar.status, 422);
    assert.equal(tooFar.body.errors[0].field, 'daysAhead');
    assert.match(tooFar.body.errors[0].message, /^提前预约天数：/);
    const badTime = await lu.put('/api/scheduling/rules', { releaseTime: '7点' });
    assert.equal(badTime.status, 422);
    assert.match(badTime.body.errors[0].message, /^放号时间：/);
    const ages = await lu.put('/api/scheduling/rules', { minAge: 30, maxAge: 20 });
    assert.equal(ages.status, 422);
    assert.equal(ages.body.errors[0].field, 'maxAge');
    assert.equal(ages.body.errors[0].message, '最大年龄不能小于最小年龄');
    const english = await lu.put('/api/scheduling/rules', { daysAhead: 120 }, { 'accept-language': 'en' });
    assert.match(english.body.errors[0].message, /^days ahead/);
    assert.equal((await desk.put('/api/scheduling/rules', { daysAhead: 7 })).status, 403);
  });

  test('department overrides inherit the rest, and changing the release window moves future sessions', async () => {
    const gyn = (await p.kernel.pool.query(`SELECT id FROM org_unit WHERE code = 'H001-GYN'`)).rows[0].id;
    const s = await freshSession(p, '妇科专家门诊', { capacity: 2 });
    const read = await lu.get(`/api/scheduling/rules/departments/${gyn}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.rule.sex, 'female');
    assert.equal(read.body.rule.daysAhead, null, 'not set by the department');
    assert.equal(read.body.effective.daysAhead, 14);

    const saved = await lu.put(`/api/scheduling/rules/departments/${gyn}`, { sex: 'female', daysAhead: 3, releaseTime: '08:30' });
    assert.equal(saved.status, 200, saved.text);
    assert.ok(saved.body.recomputedSessions >= 1);
    assert.equal(saved.body.effective.daysAhead, 3);
    assert.equal(saved.body.effective.cancelDeadlineMinutes, 60, 'inherited from the default');
    const opens = (await p.kernel.pool.query('SELECT opens_at, closes_at, ends_at FROM sched_session WHERE id = $1', [s.id])).rows[0];
    assert.equal(opens.opens_at.toISOString(), localInstant(addDays(s.date, -3), '08:30').toISOString());

    const inst = await lu.put('/api/scheduling/rules', { cutoffMinutes: 30 });
    assert.equal(inst.status, 200, inst.text);
    const after_ = (await p.kernel.pool.query('SELECT closes_at, ends_at FROM sched_session WHERE id = $1', [s.id])).rows[0];
    assert.equal(after_.ends_at.getTime() - after_.closes_at.getTime(), 30 * 60_000);
    const list = (await lu.get('/api/scheduling/rules')).body;
    assert.equal(list.rule.cutoffMinutes, 30);
    assert.deepEqual(list.departments.find((d: { departmentId: number }) => d.departmentId === gyn).overrides, { sex: 'female', daysAhead: 3, releaseTime: '08:30' });

    // null means "not set here" and stays null; zero is a value and stays zero
    const explicit = await lu.put('/api/scheduling/rules', { daysAhead: null, cutoffMinutes: 0, realNameRequired: null, sex: null, releaseTime: null });
    assert.equal(explicit.status, 200, explicit.text);
    assert.deepEqual([explicit.body.rule.daysAhead, explicit.body.rule.cutoffMinutes, explicit.body.rule.realNameRequired, explicit.body.rule.sex, explicit.body.rule.releaseTime],
      [null, 0, null, null, null]);
    assert.equal(explicit.body.effective.daysAhead, 14);
    assert.equal(explicit.body.effective.realNameRequired, true);

    const removed = await lu.delete(`/api/scheduling/rules/departments/${gyn}`);
    assert.equal(removed.status, 200);
    assert.equal(removed.body.effective.daysAhead, 14);
    assert.equal(removed.body.effective.sex, null);
  });
});
