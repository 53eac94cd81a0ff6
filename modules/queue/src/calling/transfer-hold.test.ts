import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { book, patients, todaySession, type FreshSession } from '../test/fixtures.js';

let p: TestPlatform;
let nurse: ApiClient;
let doctor: ApiClient;
let tech: ApiClient;
before(async () => {
  p = await startTestPlatform({ startJobs: false });
  [nurse, doctor, tech] = await Promise.all([p.as('nurse.triage'), p.as('dr.zhang'), p.as('tech.xu')]);
});
after(async () => { await p.close(); });

async function checkInAll(s: FreshSession, n: number, offset = 0): Promise<{ queueId: number; entries: number[]; appointments: number[] }> {
  const ids = await patients(p.kernel.pool, n + offset, { maxAge: 60 });
  const entries: number[] = [];
  const appointments: number[] = [];
  let queueId = 0;
  for (let i = 0; i < n; i++) {
    const appointmentId = await book(p.kernel.pool, s, ids[offset + i], i + 1, 5);
    const res = await nurse.post('/api/queue/checkin', { appointmentId });
    assert.equal(res.status, 201, res.text);
    queueId = res.body.queueId;
    entries.push(res.body.entryId);
    appointments.push(appointmentId);
  }
  return { queueId, entries, appointments };
}

async function waiting(client: ApiClient, queueId: number): Promise<string[]> {
  const res = await client.get(`/api/queue/queues/${queueId}`);
  return res.body.entries.filter((e: { status: string }) => e.status === 'waiting').map((e: { ticket: number; reason: string }) => (e.reason === 'normal' ? `${e.ticket}` : `${e.ticket}:${e.reason}`));
}

describe('moving patients', () => {
  test('转诊: to another doctor\'s session, first among the waiting there, keeping the check-in time', async () => {
    const a = await todaySession(p.kernel.pool, '心血管内科普通门诊');
    const b = await todaySession(p.kernel.pool, '心血管内科专家门诊');
    const qa = await checkInAll(a, 3);
    const qb = await checkInAll(b, 2, 3);
    const moved = await doctor.post(`/api/queue/entries/${qa.entries[1]}/transfer`, { sessionId: b.id });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.body.queueId, qb.queueId);
    assert.equal(moved.body.reason, 'transfer');
    assert.equal(moved.body.ticket, 1001, 'a number of the target queue\'s own range');
    assert.deepEqual(await waiting(doctor, qb.queueId), ['1001:transfer', '1', '2']);
    assert.deepEqual(await waiting(doctor, qa.queueId), ['1', '3']);
    const { rows } = await p.kernel.pool.query(
      `SELECT e.status, e.checkin_at = n.checkin_at AS same_time, a.status AS appointment FROM queue_entry e
       JOIN queue_entry n ON n.transferred_from = e.id JOIN appointment a ON a.id = e.appointment_id WHERE e.id = $1`, [qa.entries[1]]);
    assert.deepEqual(rows[0], { status: 'transferred', same_time: true, appointment: 'checked_in' });
    const twice = await nurse.post('/api/queue/checkin', { appointmentId: qa.appointments[1] });
    assert.equal(twice.body.code, 'already_checked_in');
    const noTarget = await doctor.post(`/api/queue/entries/${moved.body.entryId}/transfer`, {});
    assert.equal(noTarget.status, 422);
    assert.equal(noTarget.body.errors[0].field, 'sessionId');
    const same = await doctor.post(`/api/queue/entries/${moved.body.entryId}/transfer`, { queueId: qb.queueId });
    assert.equal(same.status, 409);
  });

  test('诊室变更: the queue is called from another room', async () => {
    const s = await todaySession(p.kernel.pool, '心血管内科普通门诊');
    const q = await checkInAll(s, 1, 5);
    const res = await doctor.put(`/api/queue/queues/${q.queueId}/rooms`, { rooms: ['门诊楼 2 楼 202 诊室'] });
    assert.equal(res.status, 200, res.text);
    const call = await doctor.post(`/api/queue/queues/${q.queueId}/call-next`, {});
    assert.equal(call.body.call.room, '门诊楼 2 楼 202 诊室');
  });

  test('exam queue: 动态挂起 and 重新入队 behind the next patient; 诊前准备叫号 to the preparation area', async () => {
    const s = await todaySession(p.kernel.pool, '超声 2 室');
    const q = await checkInAll(s, 4, 6);
    const held = await tech.post(`/api/queue/entries/${q.entries[0]}/hold`, { reason: '憋尿未好' });
    assert.equal(held.status, 200, held.text);
    assert.equal(held.body.status, 'on_hold');
    assert.equal(held.body.holdReason, '憋尿未好');
    const missingReason = await tech.post(`/api/queue/entries/${q.entries[1]}/hold`, {});
    assert.equal(missingReason.status, 422);
    assert.equal(missingReason.body.errors[0].field, 'reason');
    const call = await tech.post(`/api/queue/queues/${q.queueId}/call-next`, { room: '医技楼 1 楼 超声 2 室', prepareNext: true });
    assert.equal(call.body.call.ticket, q.entries.length && (await p.kernel.pool.query('SELECT ticket_no FROM queue_entry WHERE id = $1', [q.entries[1]])).rows[0].ticket_no);
    assert.equal(call.body.prepared.kind, 'prepare');
    assert.equal(call.body.prepared.place, '超声科二次候诊区');
    const back = await tech.post(`/api/queue/entries/${q.entries[0]}/requeue`);
    assert.equal(back.body.status, 'waiting');
    assert.equal(back.body.reason, 'requeue');
    assert.equal(back.body.ahead, 1);
    const again = await tech.post(`/api/queue/entries/${q.entries[0]}/requeue`);
    assert.equal(again.status, 409, again.text);
    assert.equal(again.body.code, 'bad_status');
  });
});
