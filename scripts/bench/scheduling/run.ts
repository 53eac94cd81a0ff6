/**
 * `npm run bench:scheduling` (and the second half of `npm run bench`): the figures of issue 3.
 * 1. A fresh embedded PostgreSQL, migrations, demo data, 20,000 bulk-loaded patients.
 * 2. The platform as a child process (the start command with DATABASE_URL): end-to-end booking at
 *    saturation, raw SQL booking for the ratio, the race for the last 50 numbers.
 * 3. Historical load (2,000,000 patients, 5,000,000 appointments) and the read figures on it.
 * 4. Display latency with 200 screens.
 * Prints a table and writes .bench-data/scheduling-results.json. See docs/benchmarks.md.
 *
 * Options: --duration S (15) --warmup S (3) --connections C (32) --history-patients N (2000000)
 *          --history-appointments N (5000000) --skip-history --skip-display
 *          --profile (PostgreSQL statement statistics after the HTTP phase, and a CPU profile of
 *          the server in .bench-data/profile/; figures taken with it on are not for the record)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bulkLoad, migrateAndSeed, startBenchDatabase } from '../dataset.js';
import { login } from '../http-load.js';
import { machineInfo } from '../machine.js';
import { markdownTable, textTable, type Row } from '../report.js';
import { spawnServer, CLI } from '../server.js';
import { freePort, log, root } from '../util.js';
import { postmasterPid } from '../cpu.js';
import { bookingBench } from './booking.js';
import { withStatementStatistics } from './profile.js';
import { historyBench } from './history.js';
import { displayBench } from './display.js';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    'history-patients': { type: 'string', default: '2000000' },
    'history-appointments': { type: 'string', default: '5000000' },
    'skip-history': { type: 'boolean', default: false },
    'skip-display': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});

const benchDir = path.join(root, '.bench-data');
const runDir = path.join(benchDir, `scheduling-${process.pid}`);
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanup() {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void cleanup().then(() => process.exit(130)));
}

async function main(): Promise<number> {
  const started = performance.now();
  fs.mkdirSync(benchDir, { recursive: true });
  const db = opts.profile ? await withStatementStatistics(await startBenchDatabase(path.join(runDir, 'db'))) : await startBenchDatabase(path.join(runDir, 'db'));
  cleanups.push(() => db.stop());
  log(`migrations + demo data in ${Math.round(await migrateAndSeed(db))} ms`);
  const load = await bulkLoad(db, 20_000);
  log(`bulk load: ${load.inserted} patients with records in H001`);
  const admin = new pg.Pool({ connectionString: db.url, max: 2 });
  admin.on('error', () => {});
  cleanups.push(() => admin.end());
  const pgVersion = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;

  const port = await freePort();
  const server = await spawnServer({
    port,
    args: [...(opts.profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(benchDir, 'profile')] : []), '--import', 'tsx', CLI, 'start'],
    env: { DATABASE_URL: db.url, KANGYUN_KEYS_FILE: db.keysFile, KANGYUN_DATA_DIR: path.join(runDir, 'server'), LOG_LEVEL: 'warn', KANGYUN_DB_POOL: '24' },
  });
  cleanups.push(() => server.stop());
  const cookie = await login(server.baseUrl, 'reg.song', 'Kangyun@2026');
  const rows: Row[] = [];
  const results: Record<string, unknown> = {};

  log('booking…');
  const booking = await bookingBench({ dbUrl: db.url, baseUrl: server.baseUrl, cookie, patientIds: Array.from(load.ids), connections: Number(opts.connections), durationS: Number(opts.duration), warmupS: Number(opts.warmup), pids: { server: server.pid, postgres: postmasterPid(path.join(db.dir, 'pg')) }, profile: opts.profile });
  results.booking = booking;
  const h = booking.http;
  const clean = h.errors === 0 && h.timeouts === 0 && Object.keys(h.statusCounts).every((s) => s === '201');
  const c = booking.httpCpu.cores;
  rows.push({ what: 'end-to-end booking over HTTP (auth, rules, audit, outbox)', value: `${h.rps} bookings/s`, detail: `p50 ${h.p50} / p90 ${h.p90} / p99 ${h.p99} / max ${h.max} ms; ${h.requests} req, ${h.connections} connections, statuses ${JSON.stringify(h.statusCounts)}; CPU cores: server ${c.server}, PostgreSQL ${c.postgres}, load generator ${c.loadgen}`, target: '≥ 2,000/s, p99 < 100 ms', pass: clean && h.rps >= 2000 && h.p99 < 100 });
  rows.push({ what: 'raw single-statement SQL booking (same DB, same run)', value: `${booking.raw.rps} bookings/s`, detail: `${booking.raw.connections} connections, p99 ${booking.raw.p99} ms; CPU cores: PostgreSQL ${booking.rawCpu.cores.postgres}, bench ${booking.rawCpu.cores.loadgen}`, target: '', pass: null });
  const n = booking.authNoop;
  rows.push({ what: 'authenticated near no-op (GET /api/auth/me: 3 prepared reads), same server', value: `${n.rps} req/s`, detail: `p99 ${n.p99} ms; CPU cores: server ${booking.authNoopCpu.cores.server}, PostgreSQL ${booking.authNoopCpu.cores.postgres}; statuses ${JSON.stringify(n.statusCounts)} (about the least an authenticated /api call does: a ceiling for booking on this machine)`, target: '', pass: null });
  rows.push({ what: 'ratio HTTP / raw SQL', value: String(booking.ratio), detail: '', target: '≥ 0.5', pass: booking.ratio >= 0.5 });
  const r = booking.race;
  rows.push({ what: `race: ${r.clients} clients for the last ${r.numbers} numbers`, value: `${r.statusCounts['201'] ?? 0} booked / ${r.statusCounts['409'] ?? 0} × 409`, detail: `all statuses ${JSON.stringify(r.statusCounts)}; in DB ${r.bookedInDb} bookings on ${r.distinctNumbers} distinct numbers; ${r.ms} ms`, target: 'exactly 50 × 201, rest 409', pass: r.statusCounts['201'] === 50 && r.statusCounts['409'] === r.clients - 50 && r.bookedInDb === 50 && r.distinctNumbers === 50 });

  if (!opts['skip-history']) {
    log('historical data…');
    const history = await historyBench({ dbUrl: db.url, baseUrl: server.baseUrl, cookie, patients: Number(opts['history-patients']), appointments: Number(opts['history-appointments']) });
    results.history = history;
    rows.push(...history.rows);
  }
  if (!opts['skip-display']) {
    log('display latency…');
    const display = await displayBench({ dbUrl: db.url, baseUrl: server.baseUrl });
    results.display = display;
    rows.push(...display.rows);
  }
  const peak = server.peakRssMiB();
  await cleanup();
  rows.push({ what: 'server peak RSS (VmHWM)', value: `${peak} MiB`, detail: '', target: '', pass: null });
  const machine = machineInfo(pgVersion);
  const header = [`康云 Kangyun scheduling benchmark — ${machine.date}`, `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; PostgreSQL ${machine.postgres}; ${machine.os}; commit ${machine.commit}`];
  console.log(`\n${header.join('\n')}\n\n${textTable(rows)}\n`);
  fs.writeFileSync(path.join(benchDir, 'scheduling-results.json'), `${JSON.stringify({ machine, rows, results, elapsedS: Math.round((performance.now() - started) / 1000) }, null, 2)}\n`);
  fs.writeFileSync(path.join(benchDir, 'scheduling-results.md'), `${header.map((x) => `${x}  `).join('\n')}\n\n${markdownTable(rows)}\n`);
  fs.rmSync(runDir, { recursive: true, force: true });
  return 0;
}

main().then((code) => process.exit(code), async (err) => {
  console.error(err instanceof Error ? err.stack : err);
  await cleanup();
  process.exit(1);
});
