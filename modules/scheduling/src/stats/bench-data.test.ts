import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { loadHistoricalAppointments, monthlyStatsBench, type HistoryResult } from './bench-data.js';

let p: TestPlatform;
let desk: ApiClient;
let loaded: HistoryResult;
let before0: { patients: number; appointments: number; firstSession: string };

const one = async (sql: string, values: unknown[] = []) => (await p.kernel.pool.query(sql, values)).rows[0];

before(async () => {
  // no background jobs: the loader locks the scheduling tables while it writes
  p = await startTestPlatform({ startJobs: false });
  desk = await p.as('reg.song');
  before0 = await one(`SELECT (SELECT count(*)::int FROM patient) AS patients, (SELECT count(*)::int FROM appointment) AS appointments,
    (SELECT to_char(min(service_date), 'YYYY-MM-DD') FROM sched_session) AS "firstSession"`);
  loaded = await loadHistoricalAppointments(p.kernel.pool, { patients: 2000, appointments: 5000, days: 45, crypto: p.kernel.crypto });
});
after(async () => { await p.close(); });

describe('historical data for the benchmarks', () => {
  test('adds exactly the patients and appointments asked for, before any existing session', async () => {
    const now = await one(`SELECT (SELECT count(*)::int FROM patient) AS patients, (SELECT count(*)::int FROM appointment) AS appointments`);
    assert.equal(now.patients - before0.patients, 2000);
    assert.equal(now.appointments - before0.appointments, 5000);
    assert.ok(loaded.to < before0.firstSession, `${loaded.to} < ${before0.firstSession}`);
    assert.equal(loaded.sessions, loaded.resources * 45 * 2);
    const span = await one(`SELECT to_char(min(service_date), 'YYYY-MM-DD') AS first, to_char(max(service_date), 'YYYY-MM-DD') AS last, count(*)::int AS n
      FROM sched_session WHERE service_date BETWEEN $1 AND $2`, [loaded.from, loaded.to]);
    assert.deepEqual(span, { first: loaded.from, last: loaded.to, n: loaded.sessions });
  });

  test('the rows are consistent: every live clinic appointment holds its booked number, statuses and channels are mixed', async () => {
    const slots = await one(`SELECT
        count(*) FILTER (WHERE sl.status = 'booked')::int AS booked,
        count(*) FILTER (WHERE sl.status = 'booked' AND a.id = sl.appointment_id AND a.slot_id = sl.id AND a.status <> 'cancelled')::int AS matched
      FROM sched_slot sl JOIN sched_session s ON s.id = sl.session_id LEFT JOIN appointment a ON a.id = sl.appointment_id
      WHERE s.service_date BETWEEN $1 AND $2`, [loaded.from, loaded.to]);
    const live = await one(`SELECT count(*)::int AS n FROM appointment a JOIN sched_session s ON s.id = a.session_id
      WHERE s.service_date BETWEEN $1 AND $2 AND a.kind = 'clinic' AND a.status <> 'cancelled'`, [loaded.from, loaded.to]);
    assert.equal(slots.booked, live.n);
    assert.equal(slots.matched, live.n);
    const mix = await p.kernel.pool.query(`SELECT a.status, count(*)::int AS n FROM appointment a JOIN sched_session s ON s.id = a.session_id
      WHERE s.service_date BETWEEN $1 AND $2 GROUP BY a.status`, [loaded.from, loaded.to]);
    const share = Object.fromEntries(mix.rows.map((r) => [r.status, r.n / 5000]));
    assert.ok(share.cancelled > 0.08 && share.cancelled < 0.16, JSON.stringify(share));
    assert.ok(share.noshow > 0.03 && share.noshow < 0.09, JSON.stringify(share));
    const channels = await one(`SELECT count(DISTINCT channel)::int AS n FROM appointment a JOIN sched_session s ON s.id = a.session_id WHERE s.service_date BETWEEN $1 AND $2`, [loaded.from, loaded.to]);
    assert.equal(channels.n, 7);
    // appointments lie within their session, and exam appointments never overlap (the constraint held)
    const outside = await one(`SELECT count(*)::int AS n FROM appointment a JOIN sched_session s ON s.id = a.session_id
      WHERE s.service_date BETWEEN $1 AND $2 AND (a.starts_at < s.starts_at OR a.ends_at > s.ends_at)`, [loaded.from, loaded.to]);
    assert.equal(outside.n, 0);
  });

  test('synthetic patients are ordinary patients: searchable and readable at the desk', async () => {
    const patient = await one(`SELECT p.id, p.name FROM patient p WHERE p.regional_id = 'P' || lpad((SELECT max(id) FROM patient)::text, 10, '0')`);
    const read = await desk.get(`/api/patients/${patient.id}`);
    assert.equal(read.status, 200, read.text);
    assert.match(read.body.idNumberMasked, /^1101\*{10}\d{4}$/);
    assert.match(read.body.mrn, /^H001-/);
    const found = await desk.get(`/api/patients?q=${encodeURIComponent(patient.name)}&pageSize=100`);
    assert.equal(found.status, 200);
    assert.ok(found.body.total >= 1);
    const list = await desk.get(`/api/appointments?from=${loaded.from}&to=${loaded.to}&pageSize=5`);
    assert.equal(list.status, 200);
    assert.ok(list.body.total > 0);
  });

  test('the statistics of the history agree with a plain count, and the monthly benchmark reports its timings', async () => {
    const res = await desk.get(`/api/scheduling/stats/summary?from=${loaded.from}&to=${loaded.to}`);
    assert.equal(res.status, 200, res.text);
    const h001 = await one(`SELECT count(*)::int AS n, count(*) FILTER (WHERE a.status = 'noshow')::int AS noshow FROM appointment a
      JOIN org_unit i ON i.id = a.institution_id AND i.code = 'H001' WHERE a.starts_at < now() AND (a.starts_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1 AND $2`, [loaded.from, loaded.to]);
    assert.equal(res.body.summary.bookings, h001.n);
    assert.equal(res.body.summary.noshow, h001.noshow);
    const bench = await monthlyStatsBench(p.kernel.pool, { runs: 2 });
    assert.match(bench.month, /^\d{4}-\d{2}$/);
    assert.ok(bench.department.appointments > 0);
    assert.ok(bench.institution.appointments >= bench.department.appointments);
    assert.equal(bench.department.runsMs.length, 2);
    assert.ok(bench.department.maxMs < bench.targetMs, `${bench.department.maxMs} ms`);
    assert.ok(bench.department.explain.appointments.executionMs >= 0);
    assert.ok(bench.department.explain.appointments.plan.some((l) => /appointment/.test(l)));
  });
});
