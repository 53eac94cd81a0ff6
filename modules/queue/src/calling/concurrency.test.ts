import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { book, patients, todaySession } from '../test/fixtures.js';

let p: TestPlatform;
let nurse: ApiClient;
let zhang: ApiClient;
let xie: ApiClient;
before(async () => {
  p = await startTestPlatform({ startJobs: false });
  [nurse, zhang, xie] = await Promise.all([p.as('nurse.triage'), p.as('dr.zhang'), p.as('dr.xie')]);
});
after(async () => { await p.close(); });

describe('under concurrency', () => {
  test('two doctors pressing "call next" at the same moment never get the same patient', async () => {
    const s = await todaySession(p.kernel.pool, '心血管内科普通门诊');
    const ids = await patients(p.kernel.pool, 10, { maxAge: 60 });
    let queueId = 0;
    for (const [i, patient] of ids.entries()) {
      const res = await nurse.post('/api/queue/checkin', { appointmentId: await book(p.kernel.pool, s, patient, i + 1, 5) });
      queueId = res.body.queueId;
    }
    // one waiting patient, both doctors at once, five times over
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        zhang.post(`/api/queue/queues/${queueId}/call-next`, { room: `门诊楼 2 楼 201 诊室` }),
        xie.post(`/api/queue/queues/${queueId}/call-next`, { room: `门诊楼 2 楼 202 诊室` }),
      ]);
      assert.equal(a.status, 200, a.text);
      assert.equal(b.status, 200, b.text);
      const called = [a.body.call?.entryId, b.body.call?.entryId].filter(Boolean);
      assert.equal(new Set(called).size, called.length, `round ${round}: both doctors got entry ${called[0]}`);
    }
    // sixteen rooms at once for what is left
    const rooms = Array.from({ length: 16 }, (_, i) => `测试诊室 ${i + 1}`);
    const results = await Promise.all(rooms.map((room, i) => (i % 2 ? zhang : xie).post(`/api/queue/queues/${queueId}/call-next`, { room })));
    for (const r of results) assert.equal(r.status, 200, r.text);
    const called = results.map((r) => r.body.call?.entryId).filter(Boolean);
    assert.equal(new Set(called).size, called.length, 'no patient was called to two rooms');
    const { rows } = await p.kernel.pool.query(
      `SELECT count(*) FILTER (WHERE status = 'waiting')::int AS waiting, count(DISTINCT room) FILTER (WHERE status = 'called')::int AS rooms,
              count(*) FILTER (WHERE status = 'called')::int AS called FROM queue_entry WHERE queue_id = $1`, [queueId]);
    assert.equal(rows[0].rooms, rows[0].called, 'one patient per room');
    assert.equal(rows[0].waiting, 0);
  });

  test('50 concurrent check-ins to one queue get 50 distinct ticket numbers', async () => {
    const s = await todaySession(p.kernel.pool, '超声 1 室'); // 超声科: both rooms share one counter-numbered queue
    const ids = await patients(p.kernel.pool, 50);
    const appointments = await Promise.all(ids.map((patient, i) => book(p.kernel.pool, s, patient, i + 1, 5)));
    const results = await Promise.all(appointments.map((appointmentId) => nurse.post('/api/queue/checkin', { appointmentId })));
    for (const r of results) assert.equal(r.status, 201, r.text);
    const tickets = results.map((r) => r.body.ticket as number);
    assert.equal(new Set(tickets).size, 50);
    assert.equal(new Set(results.map((r) => r.body.queueId)).size, 1);
    assert.deepEqual([...tickets].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i + 1));
    // the same appointment checked in twice at once: one entry
    const [again] = await patients(p.kernel.pool, 1);
    const id = await book(p.kernel.pool, s, again, 51, 5);
    const twice = await Promise.all([nurse.post('/api/queue/checkin', { appointmentId: id }), nurse.post('/api/queue/checkin', { appointmentId: id })]);
    assert.deepEqual(twice.map((r) => r.status).sort(), [201, 409]);
  });
});
