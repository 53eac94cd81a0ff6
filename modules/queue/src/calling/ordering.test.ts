import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { book, patients, todaySession, type FreshSession } from '../test/fixtures.js';

let p: TestPlatform;
let nurse: ApiClient;
let doctor: ApiClient;
before(async () => {
  p = await startTestPlatform({ startJobs: false });
  nurse = await p.as('nurse.triage');
  doctor = await p.as('dr.zhang');
});
after(async () => { await p.close(); });

/** the tickets of the waiting patients, in call order, with their reasons */
async function waiting(queueId: number): Promise<string[]> {
  const res = await doctor.get(`/api/queue/queues/${queueId}`);
  assert.equal(res.status, 200, res.text);
  return res.body.entries.filter((e: { status: string }) => e.status === 'waiting')
    .map((e: { ticket: number; reason: string; priority: string | null }) => `${e.ticket}${e.priority ? `:${e.priority}` : e.reason === 'normal' ? '' : `:${e.reason}`}`);
}

/** books numbers 1..n on time for young patients and checks them in, in order */
async function onTimeQueue(s: FreshSession, n: number, firstPatient = 0): Promise<{ queueId: number; appointments: number[] }> {
  const ids = await patients(p.kernel.pool, firstPatient + n, { maxAge: 60 });
  const appointments: number[] = [];
  let queueId = 0;
  for (let seq = 1; seq <= n; seq++) {
    const id = await book(p.kernel.pool, s, ids[firstPatient + seq - 1], seq, 5);
    const res = await nurse.post('/api/queue/checkin', { appointmentId: id });
    assert.equal(res.status, 201, res.text);
    queueId = res.body.queueId;
    appointments.push(id);
  }
  return { queueId, appointments };
}

describe('queue order', () => {
  test('priority groups in the configured order first; a late arrival goes behind the next 3', async () => {
    const s = await todaySession(p.kernel.pool, '心血管内科普通门诊');
    const { queueId } = await onTimeQueue(s, 5);
    const [late] = await patients(p.kernel.pool, 1, { maxAge: 60 });
    const lateId = await book(p.kernel.pool, s, late, 6, -40); // 40 minutes late (grace is 15)
    const lateRes = await nurse.post('/api/queue/checkin', { appointmentId: lateId });
    assert.equal(lateRes.status, 201, lateRes.text);
    assert.equal(lateRes.body.reason, 'late');
    assert.equal(lateRes.body.late, true);
    assert.equal(lateRes.body.ahead, 3);

    const [old] = await patients(p.kernel.pool, 1, { minAge: 75 });
    const oldRes = await nurse.post('/api/queue/checkin', { appointmentId: await book(p.kernel.pool, s, old, 7, 5) });
    assert.equal(oldRes.body.priority, 'elderly', 'elderly found from the age');
    const [urgent] = await patients(p.kernel.pool, 1, { maxAge: 40 });
    const urgentRes = await nurse.post('/api/queue/checkin', { appointmentId: await book(p.kernel.pool, s, urgent, 8, 5), priority: 'emergency' });
    assert.equal(urgentRes.body.priority, 'emergency');
    assert.deepEqual(await waiting(queueId), ['8:emergency', '7:elderly', '1', '2', '3', '6:late', '4', '5']);

    // the department drops the elderly group and puts military first
    const rules = await nurse.put('/api/queue/rules', { departmentId: s.departmentId, priorityGroups: ['military', 'emergency'] });
    assert.equal(rules.status, 200, rules.text);
    const [soldier] = await patients(p.kernel.pool, 1, { maxAge: 50 });
    const refused = await nurse.post('/api/queue/checkin', { appointmentId: await book(p.kernel.pool, s, soldier, 9, 5), priority: 'disabled' });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errors[0].field, 'priority');
    const soldierRes = await nurse.post('/api/queue/checkin', { appointmentId: (await p.kernel.pool.query('SELECT id FROM appointment WHERE session_id = $1 AND seq = 9', [s.id])).rows[0].id, priority: 'military' });
    assert.equal(soldierRes.status, 201, soldierRes.text);
    assert.equal((await waiting(queueId))[0], '9:military');
    await nurse.put('/api/queue/rules', { departmentId: s.departmentId });
  });

  test('过号: not there after 3 calls → passed over; rejoining goes behind the next 3', async () => {
    const s = await todaySession(p.kernel.pool, '心血管内科普通门诊');
    const { queueId, appointments } = await onTimeQueue(s, 6);
    const first = await doctor.post(`/api/queue/queues/${queueId}/call-next`, {});
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.call.ticket, 1);
    // not there once: back two places, called again later
    const skipped = await doctor.post(`/api/queue/entries/${first.body.entry.entryId}/skip`);
    assert.equal(skipped.body.status, 'waiting');
    assert.deepEqual(await waiting(queueId), ['2', '3', '1:skipped', '4', '5', '6']);
    const second = await doctor.post(`/api/queue/queues/${queueId}/call-next`, {});
    assert.equal(second.body.call.ticket, 2);
    const entry2 = second.body.entry.entryId;
    for (let i = 0; i < 2; i++) assert.equal((await doctor.post(`/api/queue/entries/${entry2}/recall`)).status, 200);
    const missed = await doctor.post(`/api/queue/entries/${entry2}/skip`);
    assert.equal(missed.body.status, 'missed');
    assert.equal(missed.body.callCount, 3);
    assert.deepEqual(await waiting(queueId), ['3', '1:skipped', '4', '5', '6']);
    const back = await nurse.post('/api/queue/checkin', { appointmentId: appointments[1] });
    assert.equal(back.status, 200, back.text);
    assert.equal(back.body.kind, 'rejoin');
    assert.deepEqual(await waiting(queueId), ['3', '1:skipped', '4', '2:missed', '5', '6']);
    const { rows } = await p.kernel.pool.query(`SELECT kind, count(*)::int AS n FROM queue_call WHERE queue_id = $1 GROUP BY kind ORDER BY kind`, [queueId]);
    assert.deepEqual(rows, [{ kind: 'call', n: 2 }, { kind: 'recall', n: 2 }]);
  });

  test('回诊: back from tests, placed behind the next patient; the visit ends fulfilled', async () => {
    const s = await todaySession(p.kernel.pool, '心血管内科普通门诊');
    const { queueId, appointments } = await onTimeQueue(s, 4);
    const call = await doctor.post(`/api/queue/queues/${queueId}/call-next`, {});
    const entryId = call.body.entry.entryId;
    assert.equal((await doctor.post(`/api/queue/entries/${entryId}/start`)).body.status, 'in_service');
    const next = await doctor.post(`/api/queue/queues/${queueId}/call-next`, {});
    assert.equal(next.body.previous.status, 'done', 'call next finishes the patient being seen');
    assert.equal(next.body.call.ticket, 2);
    const { rows } = await p.kernel.pool.query('SELECT status FROM appointment WHERE id = $1', [appointments[0]]);
    assert.equal(rows[0].status, 'fulfilled');
    const back = await nurse.post('/api/queue/checkin', { appointmentId: appointments[0] });
    assert.equal(back.status, 200, back.text);
    assert.equal(back.body.kind, 'return');
    assert.deepEqual(await waiting(queueId), ['3', '1:return', '4']);
  });
});
