/**
 * Start-up time of `npm start` on an existing data directory (embedded PostgreSQL): one first
 * start that initialises the directory (initdb, migrations, demo data), then timed restarts
 * from spawn until GET /healthz answers 200, each stopped with SIGTERM and checked to exit 0
 * with its embedded PostgreSQL gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { spawnServer, CLI } from './server.js';
import { cleanEnv, freePort, isAlive, log, median, root, round, sleep } from './util.js';

export interface StartRun {
  readyMs: number;
  listeningLogMs: number | null;
  reportedStartupMs: number | null;
  stopMs: number;
  exitCode: number | null;
  postgresGone: boolean;
}

export interface StartupFigures {
  first: StartRun;
  runs: StartRun[];
  medianReadyMs: number;
  allCleanExits: boolean;
  /** what `npm run` adds before node starts, measured on `npm run kangyun -- help` vs the node command */
  npmOverheadMs: number;
}

function postmasterPid(dataDir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

async function oneStart(dataDir: string, readyTimeoutMs: number): Promise<StartRun> {
  const port = await freePort();
  const server = await spawnServer({ env: { KANGYUN_DATA_DIR: dataDir, LOG_LEVEL: 'info' }, port, readyTimeoutMs });
  const pgPid = postmasterPid(dataDir);
  const t = performance.now();
  const exitCode = await server.stop();
  const stopMs = performance.now() - t;
  // the postmaster may need a moment after our child exits to finish its own shutdown
  let postgresGone = false;
  for (let i = 0; i < 50; i++) {
    postgresGone = (pgPid === null || !isAlive(pgPid)) && !fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'));
    if (postgresGone) break;
    await sleep(100);
  }
  if (exitCode !== 0) log(`  start/stop exited with ${exitCode}:\n${server.output().slice(-2000)}`);
  return {
    readyMs: round(server.readyMs, 0),
    listeningLogMs: server.listeningLogMs === null ? null : round(server.listeningLogMs, 0),
    reportedStartupMs: server.reportedStartupMs,
    stopMs: round(stopMs, 0),
    exitCode,
    postgresGone,
  };
}

function npmOverheadMs(): number {
  const time = (cmd: string, args: string[]) => {
    const t = performance.now();
    spawnSync(cmd, args, { cwd: root, env: cleanEnv({}), stdio: 'ignore' });
    return performance.now() - t;
  };
  const npm: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < 3; i++) {
    npm.push(time('npm', ['run', '--silent', 'kangyun', '--', 'help']));
    node.push(time(process.execPath, ['--import', 'tsx', CLI, 'help']));
  }
  return round(median(npm) - median(node), 0);
}

export async function measureStartup(dataDir: string, runs = 3): Promise<StartupFigures> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  log('start-up: first start on an empty data directory (initdb, migrations, demo data)…');
  const first = await oneStart(dataDir, 300_000);
  log(`  first start ready in ${first.readyMs} ms; stopped with exit ${first.exitCode}, PostgreSQL gone: ${first.postgresGone}`);
  const list: StartRun[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await oneStart(dataDir, 60_000);
    log(`  restart ${i + 1}: /healthz 200 after ${r.readyMs} ms (log line ${r.listeningLogMs} ms, server's startupMs ${r.reportedStartupMs}); stop ${r.stopMs} ms, exit ${r.exitCode}, PostgreSQL gone: ${r.postgresGone}`);
    list.push(r);
  }
  const overhead = npmOverheadMs();
  log(`  npm run overhead ≈ ${overhead} ms`);
  return {
    first,
    runs: list,
    medianReadyMs: round(median(list.map((r) => r.readyMs)), 0),
    allCleanExits: [first, ...list].every((r) => r.exitCode === 0 && r.postgresGone),
    npmOverheadMs: overhead,
  };
}
