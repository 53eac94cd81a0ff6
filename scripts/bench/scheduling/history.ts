/**
 * Reads on a large history: 2,000,000 patients and 5,000,000 past appointments (the statistics
 * module's generator, in SQL), then a patient's appointment list and $find for a department-day,
 * each open-loop at an even rate (latency a caller sees when the server is not saturated), and a
 * department's monthly statistics.
 */
import pg from 'pg';
import { loadHistoricalAppointments, monthlyStatsBench } from '@kangyun/scheduling/stats/bench-data.ts';
import { localDate } from '@kangyun/scheduling/demo.ts';
import { clientToken, getJson, runLoad, type LoadFigures } from '../http-load.js';
import type { Row } from '../report.js';
import { log, round } from '../util.js';

const RATE = 100;
const DURATION_S = 15;
const WARMUP_S = 5;
const P99_TARGET_MS = 30;

export async function historyBench(o: { dbUrl: string; baseUrl: string; cookie: string; patients: number; appointments: number }): Promise<{ rows: Row[]; figures: Record<string, unknown> }> {
  const pool = new pg.Pool({ connectionString: o.dbUrl, max: 4 });
  pool.on('error', () => {});
  const rows: Row[] = [];
  try {
    log(`  generating ${o.patients.toLocaleString('en')} patients and ${o.appointments.toLocaleString('en')} historical appointments…`);
    const history = await loadHistoricalAppointments(pool, { patients: o.patients, appointments: o.appointments, log: (m) => log(`    ${m}`) });
    rows.push({ what: 'historical load (SQL generator)', value: `${round(history.ms.total / 1000, 0)} s`, detail: `${history.patientsAdded.toLocaleString('en')} patients, ${history.appointments.toLocaleString('en')} appointments, ${history.sessions.toLocaleString('en')} sessions, ${history.slots.toLocaleString('en')} numbers, ${history.from} … ${history.to}`, target: '', pass: null });
    // let the checkpoint and autovacuum that follow a bulk load finish before timing reads
    await pool.query('CHECKPOINT');
    for (let i = 0; i < 120; i++) {
      const { rows: busy } = await pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
      if (busy[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const { rows: counts } = await pool.query(`SELECT (SELECT count(*) FROM patient)::int AS patients, (SELECT count(*) FROM appointment)::int AS appointments`);
    log(`    in all: ${counts[0].patients.toLocaleString('en')} patients, ${counts[0].appointments.toLocaleString('en')} appointments`);

    // patients who have a history (a sample), for the appointment list
    const { rows: sample } = await pool.query(`SELECT DISTINCT patient_id FROM appointment TABLESAMPLE SYSTEM (0.5) WHERE starts_at < now() LIMIT 5000`);
    const patientIds = sample.map((r) => Number(r.patient_id));
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    const listPath = () => `/api/appointments?patientId=${pick(patientIds)}&pageSize=20`;
    const probe = await getJson(o.baseUrl, listPath(), { cookie: o.cookie });
    if (probe.status !== 200) throw new Error(`appointment list probe: ${probe.status} ${JSON.stringify(probe.body).slice(0, 200)}`);
    // a warm-up at the same rate, discarded: the server's pool reopens the connections it closed
    // while idle (each new backend pays its catalog caches and statement preparation on its first
    // requests), which is start-up, not steady state
    log(`  a patient's appointment list @ ${RATE}/s: ${WARMUP_S} s warm-up, ${DURATION_S} s measured…`);
    await runLoad({ name: 'appointment list warm-up', baseUrl: o.baseUrl, headers: { cookie: o.cookie }, nextPath: listPath, connections: 16, durationS: WARMUP_S, rate: RATE });
    const list = await runLoad({ name: 'appointment list', baseUrl: o.baseUrl, headers: { cookie: o.cookie }, nextPath: listPath, connections: 16, durationS: DURATION_S, rate: RATE });
    rows.push(readRow(`patient's appointment list @ ${RATE}/s (GET /api/appointments?patientId=, audited)`, list));

    // $find for a department-day of the demo clinics (心血管内科 is left out: the booking benchmark
    // filled it with 200 sessions of 1,000 numbers, not a day any department publishes)
    const token = await clientToken(o.baseUrl, 'demo-kiosk', 'demo-kiosk-secret');
    const codes = ['H001-PAL', 'H001-ONC', 'H001-PSY', 'H001-GYN', 'H001-PED'];
    const findPath = () => {
      const day = localDate(1 + Math.floor(Math.random() * 10));
      return `/fhir/R4/Appointment/$find?specialty=${encodeURIComponent(pick(codes))}&start=${day}&end=${day}&_count=20`;
    };
    const probeFind = await getJson(o.baseUrl, findPath(), { authorization: `Bearer ${token}` });
    if (probeFind.status !== 200) throw new Error(`$find probe: ${probeFind.status} ${JSON.stringify(probeFind.body).slice(0, 300)}`);
    log(`  $find for a department-day @ ${RATE}/s: ${WARMUP_S} s warm-up, ${DURATION_S} s measured (${probeFind.body.total ?? probeFind.body.entry?.length} proposals in the probe)…`);
    await runLoad({ name: '$find warm-up', baseUrl: o.baseUrl, headers: { authorization: `Bearer ${token}` }, nextPath: findPath, connections: 16, durationS: WARMUP_S, rate: RATE });
    const find = await runLoad({ name: '$find', baseUrl: o.baseUrl, headers: { authorization: `Bearer ${token}` }, nextPath: findPath, connections: 16, durationS: DURATION_S, rate: RATE });
    rows.push(readRow(`$find for a department-day @ ${RATE}/s (kiosk channel)`, find));

    log('  monthly statistics of a department…');
    const stats = await monthlyStatsBench(pool);
    rows.push({
      what: `monthly statistics of a department (${stats.department.name}, ${stats.month})`,
      value: `${stats.department.maxMs} ms`,
      detail: `median ${stats.department.medianMs} ms of ${stats.department.runsMs.length}, ${stats.department.appointments.toLocaleString('en')} appointments in the month; whole institution median ${stats.institution.medianMs} ms`,
      target: `< ${stats.targetMs} ms`,
      pass: stats.department.maxMs < stats.targetMs,
    });
    return { rows, figures: { history, list, find, stats: { ...stats, department: { ...stats.department, explain: undefined }, institution: { ...stats.institution, explain: undefined } } } };
  } finally {
    await pool.end();
  }
}

function readRow(what: string, f: LoadFigures): Row {
  const clean = f.errors === 0 && f.timeouts === 0 && f.non2xx === 0;
  return {
    what,
    value: `p99 ${f.p99} ms`,
    detail: `p50 ${f.p50} / p90 ${f.p90} / max ${f.max} ms; ${f.requests} requests at ${f.rps}/s; statuses ${JSON.stringify(f.statusCounts)}`,
    target: `p99 < ${P99_TARGET_MS} ms`,
    pass: clean && f.p99 < P99_TARGET_MS && f.rps >= RATE * 0.95,
  };
}
