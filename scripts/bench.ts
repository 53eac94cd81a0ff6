/**
 * `npm run bench`: the platform's performance figures on this machine, end to end.
 *
 * 1. A fresh embedded PostgreSQL under .bench-data/, all migrations, the demo data (as
 *    `npm test` builds it), then a bulk load to 200,000 realistic patients (the product's own
 *    encodePatient: SM4-encrypted fields, HMAC-SM3 blind indexes, name tokens), ANALYZE.
 * 2. The platform as a child process (the `npm start` command with DATABASE_URL), loaded over
 *    loopback by autocannon: FHIR read, FHIR search by ID number, /api search by ID number,
 *    /api read; peak RSS of the server.
 * 3. While the query changes proposed in scripts/bench/what-if/patches.mjs are not in the
 *    product yet, the same loads against a server that has them applied in memory.
 * 4. Audit cost: the /api read with auditing on versus a server whose kernel.audit is a no-op.
 * 5. Start-up time of the start command on an existing embedded data directory.
 * Prints a table, writes .bench-data/results.json (and results.md). See docs/benchmarks.md.
 *
 * Options: --patients N (200000)  --duration S (15)  --warmup S (3)  --connections C (16)  --rate R (100)
 *          --keep (keep the data directory)  --skip-startup  --skip-what-if
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bulkLoad, migrateAndSeed, startBenchDatabase, type LoadResult } from './bench/dataset.js';
import { explainHotQueries } from './bench/explain.js';
import { clientToken, getJson, login, runLoad, type LoadFigures } from './bench/http-load.js';
import { machineInfo } from './bench/machine.js';
import { markdownTable, textTable, type Row } from './bench/report.js';
import { CLI, spawnServer, type ServerProcess } from './bench/server.js';
import { measureStartup, type StartupFigures } from './bench/startup.js';
import { cpuSince, cpuSnapshot, postmasterPid, type CpuUse } from './bench/cpu.js';
import { pending } from './bench/what-if/patches.mjs';
import { freePort, log, root, round, sleep } from './bench/util.js';

const { values: opts } = parseArgs({
  options: {
    patients: { type: 'string', default: '200000' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    rate: { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
    'skip-startup': { type: 'boolean', default: false },
    'skip-what-if': { type: 'boolean', default: false },
  },
});
const PATIENTS = Number(opts.patients);
const DURATION = Number(opts.duration);
const WARMUP = Number(opts.warmup);
const CONNECTIONS = Number(opts.connections);
const RATE = Number(opts.rate);
const P99_TARGET_MS = 20;
const AUDIT_COST_TARGET = 0.25;
const STARTUP_TARGET_MS = 5000;
const RESIDENT_ID_SYSTEM = 'urn:oid:2.16.156.10011.1.3';

const benchDir = path.join(root, '.bench-data');
const runDir = path.join(benchDir, `run-${process.pid}`);
const resultsFile = path.join(benchDir, 'results.json');

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanup() {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

type Variant = 'product' | 'proposed';
const VARIANT_ARGS: Record<Variant, string[]> = {
  product: ['--import', 'tsx', CLI, 'start'],
  proposed: ['--import', 'tsx', '--import', './scripts/bench/what-if/register.mjs', CLI, 'start'],
};

interface Measured extends LoadFigures, CpuUse {
  variant: Variant;
  path: string;
  /** audit_event rows written during the measured window */
  auditRows: number;
  /** CPU milliseconds per completed request: load generator, server process, PostgreSQL */
  cpuMsPerRequest: Record<string, number>;
}

interface ServerRun {
  variant: Variant;
  label: string;
  loads: Measured[];
  peakRssMiB: number | null;
  exitCode: number | null;
  fhir: boolean;
}

const started = performance.now();
const results: Record<string, unknown> = { options: { patients: PATIENTS, durationS: DURATION, warmupS: WARMUP, connections: CONNECTIONS, rate: RATE } };

async function main(): Promise<number> {
  fs.mkdirSync(benchDir, { recursive: true });
  log(`run directory ${path.relative(root, runDir)}; ${PATIENTS.toLocaleString('en')} patients, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per measurement`);

  // ---- 1. database -------------------------------------------------------------------------
  const db = await startBenchDatabase(path.join(runDir, 'db'));
  cleanups.push(() => db.stop());
  const seedMs = await migrateAndSeed(db);
  log(`migrations + demo data in ${Math.round(seedMs)} ms`);
  const load = await bulkLoad(db, PATIENTS);
  log(`bulk load: ${load.inserted.toLocaleString('en')} patients in ${(load.ms / 1000).toFixed(1)} s (${Math.round(load.inserted / (load.ms / 1000))}/s); VACUUM ANALYZE ${(load.analyzeMs / 1000).toFixed(1)} s; ${load.totalPatients.toLocaleString('en')} in all`);
  const admin = new pg.Pool({ connectionString: db.url, max: 2 });
  admin.on('error', () => {});
  cleanups.push(() => admin.end());
  const pgVersion = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
  const dbSize = (await admin.query<{ s: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')).rows[0].s;
  results.dataset = { ...summariseLoad(load), seedMs: round(seedMs, 0), databaseSize: dbSize };

  log('EXPLAIN ANALYZE of the hot statements…');
  const plans = await explainHotQueries(db.url, db.keysFile, load.ids, load.idNumbers.map((x) => x.idNumber));
  for (const p of plans) log(`  [${p.variant}] ${p.name}: execution ${p.medianExecutionMs} ms (median), planning ${p.medianPlanningMs} ms`);
  results.explain = plans;

  const ids = load.ids;
  const numbers = load.idNumbers;
  const randomId = () => ids[Math.floor(Math.random() * ids.length)];
  const randomNumber = () => numbers[Math.floor(Math.random() * numbers.length)].idNumber;
  const serverEnv = { DATABASE_URL: db.url, KANGYUN_KEYS_FILE: db.keysFile, KANGYUN_DATA_DIR: path.join(runDir, 'server'), LOG_LEVEL: 'warn' };
  const auditHead = async () => Number((await admin.query('SELECT coalesce(max(id), 0) AS m FROM audit_event')).rows[0].m);
  const settle = async () => {
    // let the sealer catch up with earlier runs, so one run's sealing does not land in the next
    // and for PostgreSQL to finish statements whose callers already gave up (timeouts of a slow run)
    for (let i = 0; i < 120; i++) {
      const { rows } = await admin.query(
        `SELECT (SELECT count(*) FROM audit_event WHERE seq IS NULL) AS unsealed,
                (SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()) AS busy`);
      if (Number(rows[0].unsealed) === 0 && Number(rows[0].busy) === 0) break;
      await sleep(500);
    }
    await sleep(500);
  };

  const pgPid = postmasterPid(path.join(db.dir, 'pg'));
  async function measure(server: ServerProcess, variant: Variant, name: string, headers: Record<string, string>, nextPath: () => string, rate?: number): Promise<Measured> {
    await settle();
    log(`  ${name}: ${WARMUP} s warm-up…`);
    await runLoad({ name, baseUrl: server.baseUrl, headers, nextPath, connections: CONNECTIONS, durationS: WARMUP, rate });
    const groups = { server: server.pid, postgres: pgPid };
    const cpu0 = cpuSnapshot(groups);
    const head0 = await auditHead();
    const fig = await runLoad({ name, baseUrl: server.baseUrl, headers, nextPath, connections: CONNECTIONS, durationS: DURATION, rate });
    const cpu = cpuSince(cpu0, cpuSnapshot(groups));
    const auditRows = (await auditHead()) - head0;
    const cpuMsPerRequest: Record<string, number> = {};
    for (const [k, cores] of Object.entries(cpu.cores)) cpuMsPerRequest[k] = fig.requests ? round((cores * fig.durationS * 1000) / fig.requests, 2) : NaN;
    const m: Measured = { ...fig, ...cpu, variant, path: fig.example.replace(/\/\d+$/, '/{id}').replace(/\d{17}[\dX]/, '{idNumber}'), auditRows, cpuMsPerRequest };
    log(`  ${name}: ${m.rps} req/s, p50 ${m.p50} / p90 ${m.p90} / p99 ${m.p99} / max ${m.max} ms, errors ${m.errors}, timeouts ${m.timeouts}, non-2xx ${m.non2xx}`);
    log(`    CPU (cores): load generator ${cpu.cores.loadgen}, server ${cpu.cores.server}, PostgreSQL ${cpu.cores.postgres}, other processes ${m.otherCores}; per request ms: server ${cpuMsPerRequest.server}, PostgreSQL ${cpuMsPerRequest.postgres}`);
    return m;
  }

  async function loadSet(variant: Variant, fixedRate: boolean): Promise<ServerRun> {
    const port = await freePort();
    log(`[${variant}] starting the platform (${VARIANT_ARGS[variant].join(' ')})…`);
    const server = await spawnServer({ env: serverEnv, port, args: VARIANT_ARGS[variant] });
    cleanups.push(() => server.stop());
    const loads: Measured[] = [];
    let fhir = false;
    try {
      const token = await clientToken(server.baseUrl, 'demo-integration', 'demo-integration-secret');
      const cookie = await login(server.baseUrl, 'dr.li', 'Kangyun@2026');
      const bearer = { authorization: `Bearer ${token}` };
      const session = { cookie };
      // sanity: each request answers what it should before we time it
      const probe = numbers[0];
      const api = await getJson(server.baseUrl, `/api/patients/${probe.id}`, session);
      if (api.status !== 200 || api.body.id !== probe.id) throw new Error(`GET /api/patients/${probe.id}: ${api.status} ${JSON.stringify(api.body).slice(0, 300)}`);
      const found = await getJson(server.baseUrl, `/api/patients?q=${probe.idNumber}`, session);
      if (found.status !== 200 || found.body.total !== 1 || found.body.items[0].id !== probe.id) throw new Error(`search by ID number: ${found.status} ${JSON.stringify(found.body).slice(0, 300)}`);
      const fr = await getJson(server.baseUrl, `/fhir/R4/Patient/${probe.id}`, bearer);
      fhir = fr.status === 200 && fr.body.resourceType === 'Patient';
      if (!fhir) log(`  FHIR read not available (${fr.status}); measuring the /api paths only`);
      const identifier = (n: string) => `/fhir/R4/Patient?identifier=${encodeURIComponent(`${RESIDENT_ID_SYSTEM}|${n}`)}`;
      if (fhir) {
        const fs1 = await getJson(server.baseUrl, identifier(probe.idNumber), bearer);
        if (fs1.status !== 200 || fs1.body.total !== 1) throw new Error(`FHIR search by identifier: ${fs1.status} ${JSON.stringify(fs1.body).slice(0, 300)}`);
        loads.push(await measure(server, variant, 'FHIR read', bearer, () => `/fhir/R4/Patient/${randomId()}`));
        loads.push(await measure(server, variant, 'FHIR search by ID number', bearer, () => identifier(randomNumber())));
      }
      loads.push(await measure(server, variant, 'API search by ID number', session, () => `/api/patients?q=${randomNumber()}`));
      if (fixedRate) {
        // open loop at a steady rate below capacity: the latency a caller sees when the server is not saturated
        if (fhir) loads.push(await measure(server, variant, `FHIR read @ ${RATE}/s`, bearer, () => `/fhir/R4/Patient/${randomId()}`, RATE));
        loads.push(await measure(server, variant, `API search by ID number @ ${RATE}/s`, session, () => `/api/patients?q=${randomNumber()}`, RATE));
      }
      // last, so the audit-off baseline that follows runs right after it
      loads.push(await measure(server, variant, 'API read (audited)', session, () => `/api/patients/${randomId()}`));
    } finally {
      const peak = server.peakRssMiB();
      const exitCode = await server.stop();
      log(`[${variant}] server peak RSS ${peak} MiB; stopped with exit code ${exitCode}`);
      results[`server_${variant}`] = { peakRssMiB: peak, exitCode };
    }
    const r = results[`server_${variant}`] as { peakRssMiB: number | null; exitCode: number | null };
    return { variant, label: variant, loads, peakRssMiB: r.peakRssMiB, exitCode: r.exitCode, fhir };
  }

  // ---- 2. the product as it is ---------------------------------------------------------------
  const open = pending();
  const whatIf = open.length > 0 && !opts['skip-what-if'];
  const runs: ServerRun[] = [await loadSet('product', !whatIf)];

  // ---- 3. with the proposed query changes, while they are not in the product ----------------
  if (whatIf) {
    log(`proposed query changes not in the product yet: ${open.map((p) => p.id).join(', ')}; measuring them too`);
    runs.push(await loadSet('proposed', true));
  }
  results.loads = runs.flatMap((r) => r.loads);
  results.proposedChanges = open.map((p) => ({ id: p.id, file: p.file, title: p.title, find: p.find, replace: p.replace }));

  // ---- 4. audit cost ----------------------------------------------------------------------------
  const auditVariant: Variant = whatIf ? 'proposed' : 'product';
  const on = runs.find((r) => r.variant === auditVariant)!.loads.find((l) => l.name === 'API read (audited)')!;
  const off = await measureAuditOff(auditVariant, serverEnv, auditHead, settle, randomId, measure);
  results.audit = off
    ? { variant: auditVariant, method: off.method, onRps: on.rps, offRps: off.load.rps, costPct: round(((off.load.rps - on.rps) / off.load.rps) * 100, 1), on, off: off.load, offPeakRssMiB: off.peakRssMiB }
    : { variant: auditVariant, method: null, onRps: on.rps, offRps: null, costPct: null, on };
  // servers are stopped already; this ends the admin pool and stops the benchmark's PostgreSQL
  await cleanup();

  // ---- 5. start-up ------------------------------------------------------------------------------
  let startup: StartupFigures | null = null;
  if (!opts['skip-startup']) startup = await measureStartup(path.join(runDir, 'startup'));
  results.startup = startup;

  // ---- 6. machine, table, files -----------------------------------------------------------------
  const machine = machineInfo(pgVersion);
  results.machine = machine;
  results.elapsedS = round((performance.now() - started) / 1000, 0);
  const rows = tableRows(load, seedMs, runs, results.audit as AuditSummary, startup);
  results.table = rows;
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const header = [
    `康云 Kangyun benchmark — ${machine.date}`,
    `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; PostgreSQL ${machine.postgres}; ${machine.os}; commit ${machine.commit}`,
  ];
  console.log(`\n${header.join('\n')}\n\n${textTable(rows)}\n`);
  fs.writeFileSync(path.join(benchDir, 'results.md'), `${header.map((h) => `${h}  `).join('\n')}\n\n${markdownTable(rows)}\n`);
  log(`results written to ${path.relative(root, resultsFile)} (and results.md); total ${results.elapsedS} s`);
  if (!opts.keep) fs.rmSync(runDir, { recursive: true, force: true });
  return 0;
}

interface AuditSummary { variant: Variant; method: string | null; onRps: number; offRps: number | null; costPct: number | null; on: Measured; off?: Measured }

/**
 * The baseline without audit rows. Prefers the kernel's own switch (KANGYUN_BENCH_AUDIT_OFF=1,
 * see docs/benchmarks.md); if audit rows still appear with it, falls back to
 * scripts/bench/audit-off-server.ts, which makes kernel.audit a no-op in its own process.
 */
async function measureAuditOff(
  variant: Variant,
  env: Record<string, string>,
  auditHead: () => Promise<number>,
  settle: () => Promise<void>,
  randomId: () => number,
  measure: (s: ServerProcess, v: Variant, name: string, h: Record<string, string>, p: () => string) => Promise<Measured>,
): Promise<{ method: string; load: Measured; peakRssMiB: number | null } | null> {
  const hooks = VARIANT_ARGS[variant].slice(0, -2);
  const attempts: { method: string; args: string[] }[] = [];
  if (fs.readFileSync(path.join(root, 'packages/kernel/src/kernel.ts'), 'utf8').includes('KANGYUN_BENCH_AUDIT_OFF')) {
    attempts.push({ method: 'kernel switch KANGYUN_BENCH_AUDIT_OFF=1', args: VARIANT_ARGS[variant] });
  }
  attempts.push({ method: 'scripts/bench/audit-off-server.ts (kernel.audit replaced by a no-op in that process)', args: [...hooks, 'scripts/bench/audit-off-server.ts'] });
  for (const attempt of attempts) {
    log(`[audit off, ${variant}] ${attempt.method}`);
    const server = await spawnServer({ env: { ...env, KANGYUN_BENCH_AUDIT_OFF: '1' }, port: await freePort(), args: attempt.args });
    try {
      const cookie = await login(server.baseUrl, 'dr.li', 'Kangyun@2026');
      await settle();
      const before = await auditHead();
      for (let i = 0; i < 5; i++) await getJson(server.baseUrl, `/api/patients/${randomId()}`, { cookie });
      const written = (await auditHead()) - before;
      if (written > 0) {
        log(`  still writes audit rows (${written} for 5 reads): the switch is not in effect`);
        continue;
      }
      const load = await measure(server, variant, 'API read (audit off)', { cookie }, () => `/api/patients/${randomId()}`);
      if (load.auditRows > 0) {
        log(`  ${load.auditRows} audit rows appeared during the audit-off run; discarding it`);
        continue;
      }
      return { method: attempt.method, load, peakRssMiB: server.peakRssMiB() };
    } finally {
      await server.stop();
    }
  }
  return null;
}

function summariseLoad(load: LoadResult) {
  return {
    inserted: load.inserted,
    totalPatients: load.totalPatients,
    loadS: round(load.ms / 1000, 1),
    perSecond: Math.round(load.inserted / (load.ms / 1000)),
    encodeCpuS: round(load.encodeMs / 1000, 1),
    insertS: round(load.insertMs / 1000, 1),
    generateS: round(load.generateMs / 1000, 1),
    vacuumAnalyzeS: round(load.analyzeMs / 1000, 1),
    batchSize: load.batchSize,
    encoderThreads: load.workers,
  };
}

function tableRows(load: LoadResult, seedMs: number, runs: ServerRun[], audit: AuditSummary, startup: StartupFigures | null): Row[] {
  const rows: Row[] = [];
  rows.push({
    what: 'bulk load to 200k patients',
    value: `${round(load.ms / 1000, 1)} s`,
    detail: `${load.inserted.toLocaleString('en')} rows (${Math.round(load.inserted / (load.ms / 1000))}/s), encode ${round(load.encodeMs / 1000, 0)} CPU-s on ${load.workers} threads; +VACUUM ANALYZE ${round(load.analyzeMs / 1000, 1)} s; migrations+demo ${round(seedMs / 1000, 1)} s`,
    target: '',
    pass: null,
  });
  for (const run of runs) {
    for (const l of run.loads) {
      const clean = l.errors === 0 && l.timeouts === 0 && l.non2xx === 0;
      rows.push({
        what: `[${run.variant}] ${l.name}`,
        value: `${l.rps} req/s`,
        detail: `p50 ${l.p50} / p90 ${l.p90} / p99 ${l.p99} / max ${l.max} ms; ${l.requests} req, err ${l.errors}, timeouts ${l.timeouts}, non-2xx ${l.non2xx}; CPU/req server ${l.cpuMsPerRequest.server} ms, PG ${l.cpuMsPerRequest.postgres} ms; others' CPU ${l.otherCores} cores`,
        target: `p99 < ${P99_TARGET_MS} ms`,
        pass: l.p99 < P99_TARGET_MS && clean && l.requests > 0 && (l.rate === null || l.rps >= l.rate * 0.95),
      });
    }
  }
  if (audit.off) {
    const l = audit.off;
    rows.push({
      what: `[${audit.variant}] API read (audit off)`,
      value: `${l.rps} req/s`,
      detail: `p50 ${l.p50} / p90 ${l.p90} / p99 ${l.p99} / max ${l.max} ms; ${l.requests} req, err ${l.errors}, timeouts ${l.timeouts}, non-2xx ${l.non2xx}; others' CPU ${l.otherCores} cores`,
      target: '',
      pass: null,
    });
  }
  rows.push({
    what: `[${audit.variant}] audit cost on reads`,
    value: audit.costPct === null ? 'n/a' : `${audit.costPct}%`,
    detail: audit.costPct === null ? `on: ${audit.onRps} req/s; off: not measurable (no switch took effect)` : `on ${audit.onRps} req/s vs off ${audit.offRps} req/s (${audit.method?.startsWith('kernel') ? 'kernel switch' : 'bench no-op wrapper'})`,
    target: `< ${AUDIT_COST_TARGET * 100}%`,
    pass: audit.costPct === null ? null : audit.costPct < AUDIT_COST_TARGET * 100,
  });
  for (const run of runs) {
    rows.push({ what: `[${run.variant}] server peak RSS (VmHWM)`, value: `${run.peakRssMiB} MiB`, detail: `exit code ${run.exitCode} after SIGTERM`, target: '', pass: null });
  }
  if (startup) {
    rows.push({
      what: 'start-up on existing data dir (median of 3)',
      value: `${round(startup.medianReadyMs / 1000, 2)} s`,
      detail: `spawn → /healthz 200: ${startup.runs.map((r) => `${r.readyMs}`).join(', ')} ms (server's own startupMs ${startup.runs.map((r) => r.reportedStartupMs).join(', ')}); npm run adds ≈${startup.npmOverheadMs} ms`,
      target: `< ${STARTUP_TARGET_MS / 1000} s`,
      pass: startup.medianReadyMs < STARTUP_TARGET_MS,
    });
    rows.push({
      what: 'SIGTERM: exit 0 and embedded PostgreSQL gone',
      value: startup.allCleanExits ? 'yes' : 'no',
      detail: `exit codes ${[startup.first, ...startup.runs].map((r) => r.exitCode).join(', ')}; PostgreSQL gone ${[startup.first, ...startup.runs].map((r) => (r.postgresGone ? 'yes' : 'no')).join(', ')}; stop took ${[startup.first, ...startup.runs].map((r) => r.stopMs).join(', ')} ms`,
      target: 'exit 0, no postgres left',
      pass: startup.allCleanExits,
    });
    rows.push({ what: 'first start (initdb, migrations, demo data)', value: `${round(startup.first.readyMs / 1000, 1)} s`, detail: `exit ${startup.first.exitCode}, PostgreSQL gone: ${startup.first.postgresGone ? 'yes' : 'NO'}`, target: '', pass: null });
  }
  return rows;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    console.error(err instanceof Error ? err.stack : err);
    await cleanup();
    try {
      fs.writeFileSync(resultsFile, `${JSON.stringify({ ...results, error: String(err instanceof Error ? err.message : err) }, null, 2)}\n`);
    } catch { /* ignore */ }
    process.exit(1);
  },
);
