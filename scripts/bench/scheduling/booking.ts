/**
 * Booking figures of issue 3:
 * - end-to-end booking over HTTP (session cookie, auth, rules, audit, outbox) at saturation;
 * - raw single-statement SQL booking on the same database over the same number of connections
 *   (the ceiling: claim a number and insert the appointment, nothing else), for the ratio;
 * - the race: 1,000 concurrent clients for the last 50 numbers of a session.
 */
import http from 'node:http';
import pg from 'pg';
import { createSession } from '@kangyun/scheduling';
import { localDate } from '@kangyun/scheduling/demo.ts';
import { log, round, sleep } from '../util.js';
import { cpuSince, cpuSnapshot, type CpuUse } from '../cpu.js';
import { runPostLoad, type PostFigures } from './post-load.js';
import { runLoad, type LoadFigures } from '../http-load.js';
import { printStatementStatistics, resetStatementStatistics } from './profile.js';

export interface BookingBenchFigures {
  http: PostFigures;
  httpCpu: CpuUse;
  rawCpu: CpuUse;
  raw: { connections: number; durationS: number; bookings: number; rps: number; p99: number };
  ratio: number;
  /** the same server answering GET /api/auth/me (session look-up, then the account and its assignments: three prepared reads, no transaction): about the least any /api call does */
  authNoop: LoadFigures;
  authNoopCpu: CpuUse;
  race: { clients: number; numbers: number; statusCounts: Record<string, number>; bookedInDb: number; distinctNumbers: number; ms: number };
  sessions: number;
  numbersPerSession: number;
}

/**
 * Bench resources and sessions: many sessions of many numbers, all shared (no channel quota), so
 * the load never runs out of numbers; per-patient limits lifted for the bench institution rule.
 */
async function prepare(pool: pg.Pool, sessions: number, numbers: number, dayOffset: number): Promise<number[]> {
  const { rows: dept } = await pool.query(`SELECT id, institution_id FROM org_unit WHERE code = 'H001-CAR'`);
  const { rows: doctor } = await pool.query(`SELECT id FROM account WHERE username = 'dr.zhang'`);
  const ids: number[] = [];
  for (let i = 0; i < sessions; i++) {
    const { rows } = await pool.query(
      `INSERT INTO sched_resource (institution_id, department_id, kind, name, practitioner_id, clinic_level, room)
       VALUES ($1, $2, 'clinic', $3, $4, 'general', '压测诊室') RETURNING id`, [dept[0].institution_id, dept[0].id, `压测门诊 ${dayOffset}-${i}`, doctor[0].id]);
    const s = await createSession(pool, { resourceId: rows[0].id, serviceDate: localDate(dayOffset), period: 'am', startTime: '08:00', endTime: '12:00', capacity: numbers, segmentMinutes: 30 });
    ids.push(s.id);
  }
  return ids;
}

export async function bookingBench(o: { dbUrl: string; baseUrl: string; cookie: string; patientIds: number[]; connections: number; durationS: number; warmupS: number; pids: { server: number; postgres: number | null }; profile?: boolean }): Promise<BookingBenchFigures> {
  const pool = new pg.Pool({ connectionString: o.dbUrl, max: o.connections + 2 });
  pool.on('error', () => {});
  try {
    await pool.query(`UPDATE sched_booking_rule SET max_per_patient_day = 1000, max_per_patient_department_day = 1000, max_per_patient_doctor_day = 1000
                      WHERE institution_id = (SELECT id FROM org_unit WHERE code = 'H001') AND department_id IS NULL`);
    const SESSIONS = 100;
    const NUMBERS = 1000;
    log(`  preparing ${SESSIONS} sessions × ${NUMBERS} numbers for HTTP and as many for raw SQL…`);
    const httpSessions = await prepare(pool, SESSIONS, NUMBERS, 3);
    const rawSessions = await prepare(pool, SESSIONS, NUMBERS, 4);
    await pool.query('VACUUM ANALYZE sched_slot');
    await pool.query('VACUUM ANALYZE sched_session');
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    const body = () => ({ patientId: pick(o.patientIds), sessionId: pick(httpSessions) });
    const headers = { cookie: o.cookie };
    // sanity: a booking answers 201 before we time anything
    const probe = await fetch(`${o.baseUrl}/api/appointments`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body()) });
    if (probe.status !== 201) throw new Error(`booking probe: ${probe.status} ${await probe.text()}`);

    log(`  HTTP booking: ${o.warmupS} s warm-up, ${o.durationS} s measured, ${o.connections} connections…`);
    await runPostLoad({ baseUrl: o.baseUrl, path: '/api/appointments', headers, nextBody: body, connections: o.connections, durationS: o.warmupS });
    if (o.profile) await resetStatementStatistics(pool);
    const cpu0 = cpuSnapshot(o.pids);
    const httpFig = await runPostLoad({ baseUrl: o.baseUrl, path: '/api/appointments', headers, nextBody: body, connections: o.connections, durationS: o.durationS });
    const httpCpu = cpuSince(cpu0, cpuSnapshot(o.pids));
    log(`    ${httpFig.rps} bookings/s, p50 ${httpFig.p50} / p99 ${httpFig.p99} ms, statuses ${JSON.stringify(httpFig.statusCounts)}`);
    log(`    CPU (cores): load generator ${httpCpu.cores.loadgen}, server ${httpCpu.cores.server}, PostgreSQL ${httpCpu.cores.postgres}, others ${httpCpu.otherCores}`);
    if (o.profile) await printStatementStatistics(pool, httpFig.statusCounts['201'] ?? 1);

    log(`  authenticated near no-op (GET /api/auth/me: session look-up, account, assignments), ${o.connections} connections…`);
    const cpuNoop = cpuSnapshot(o.pids);
    const authNoop = await runLoad({ name: 'auth no-op', baseUrl: o.baseUrl, headers, nextPath: () => '/api/auth/me', connections: o.connections, durationS: Math.min(o.durationS, 10) });
    const authNoopCpu = cpuSince(cpuNoop, cpuSnapshot(o.pids));
    log(`    ${authNoop.rps} req/s, p99 ${authNoop.p99} ms; CPU (cores): server ${authNoopCpu.cores.server}, PostgreSQL ${authNoopCpu.cores.postgres}`);

    log(`  raw SQL booking: ${o.durationS} s, ${o.connections} connections…`);
    const cpu1 = cpuSnapshot(o.pids);
    const raw = await rawSqlBooking(pool, rawSessions, o.patientIds, o.connections, o.durationS);
    const rawCpu = cpuSince(cpu1, cpuSnapshot(o.pids));
    log(`    ${raw.rps} bookings/s, p99 ${raw.p99} ms; CPU (cores): bench ${rawCpu.cores.loadgen}, PostgreSQL ${rawCpu.cores.postgres}`);

    const race = await raceForLastNumbers(pool, o.baseUrl, o.cookie, o.patientIds);
    log(`    race: ${JSON.stringify(race.statusCounts)}; booked in DB ${race.bookedInDb} (${race.distinctNumbers} distinct numbers) in ${race.ms} ms`);
    return { http: httpFig, httpCpu, raw, rawCpu, authNoop, authNoopCpu, ratio: round(httpFig.rps / raw.rps, 2), race, sessions: SESSIONS, numbersPerSession: NUMBERS };
  } finally {
    await pool.end();
  }
}

/** the ceiling: one statement per booking that claims a number and inserts the appointment */
async function rawSqlBooking(pool: pg.Pool, sessions: number[], patients: number[], connections: number, durationS: number) {
  const sql = `WITH pick AS (
      SELECT id FROM sched_slot WHERE session_id = $1 AND status = 'free' ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED),
    claimed AS (
      UPDATE sched_slot t SET status = 'booked', appointment_id = nextval(pg_get_serial_sequence('appointment', 'id'))
      FROM pick WHERE t.id = pick.id RETURNING t.*)
    INSERT INTO appointment (id, institution_id, department_id, resource_id, session_id, slot_id, practitioner_id, patient_id, kind, seq, starts_at, ends_at, channel, status)
    SELECT c.appointment_id, s.institution_id, s.department_id, s.resource_id, s.id, c.id, s.practitioner_id, $2, 'clinic', c.seq, c.starts_at, c.ends_at, 'window', 'booked'
    FROM claimed c JOIN sched_session s ON s.id = c.session_id RETURNING id`;
  const latencies: number[] = [];
  const deadline = performance.now() + durationS * 1000;
  let bookings = 0;
  await Promise.all(Array.from({ length: connections }, async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const t = performance.now();
        const r = await client.query({ name: 'raw-book', text: sql, values: [sessions[Math.floor(Math.random() * sessions.length)], patients[Math.floor(Math.random() * patients.length)]] });
        latencies.push(performance.now() - t);
        bookings += r.rowCount ?? 0;
      }
    } finally {
      client.release();
    }
  }));
  latencies.sort((a, b) => a - b);
  return { connections, durationS, bookings, rps: round(bookings / durationS, 0), p99: round(latencies[Math.floor(latencies.length * 0.99)] ?? NaN, 2) };
}

/** 1,000 clients at once (one connection each) for a session with exactly 50 numbers left */
async function raceForLastNumbers(pool: pg.Pool, baseUrl: string, cookie: string, patients: number[]) {
  const [sessionId] = await prepare(pool, 1, 60, 5);
  // the first 10 numbers are gone already: 50 remain
  await pool.query(`UPDATE sched_slot SET status = 'blocked' WHERE session_id = $1 AND seq <= 10`, [sessionId]);
  const CLIENTS = 1000;
  log(`  race: ${CLIENTS} concurrent clients for the last 50 numbers…`);
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: false, maxSockets: CLIENTS });
  const statusCounts: Record<string, number> = {};
  await sleep(200);
  const t = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => new Promise<void>((resolve) => {
    const payload = JSON.stringify({ patientId: patients[i % patients.length], sessionId, idempotencyKey: `race-${sessionId}-${i}` });
    const req = http.request({ host: url.hostname, port: url.port, path: '/api/appointments', method: 'POST', agent, timeout: 60_000,
      headers: { cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'accept-language': 'zh-CN' } }, (res) => {
      res.resume();
      res.on('end', () => { statusCounts[res.statusCode ?? 0] = (statusCounts[res.statusCode ?? 0] ?? 0) + 1; resolve(); });
    });
    req.on('error', (e) => { statusCounts[`error:${(e as NodeJS.ErrnoException).code ?? e.message}`] = (statusCounts[`error:${(e as NodeJS.ErrnoException).code ?? e.message}`] ?? 0) + 1; resolve(); });
    req.end(payload);
  })));
  const ms = round(performance.now() - t, 0);
  agent.destroy();
  const { rows } = await pool.query(`SELECT count(*)::int AS n, count(DISTINCT slot_id)::int AS d FROM appointment WHERE session_id = $1 AND status = 'booked'`, [sessionId]);
  return { clients: CLIENTS, numbers: 50, statusCounts, bookedInDb: rows[0].n, distinctNumbers: rows[0].d, ms };
}
