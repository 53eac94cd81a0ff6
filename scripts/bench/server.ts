/**
 * The platform as a child process, exactly as `npm start` runs it (node --import tsx
 * packages/server/src/cli.ts start), so the load generator and the server never share an
 * event loop. Reads the child's peak RSS (VmHWM) from /proc before stopping it.
 */
import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { cleanEnv, log, root, sleep } from './util.js';

export const CLI = 'packages/server/src/cli.ts';

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  port: number;
  /** ms from spawn until GET /healthz first answered 200 */
  readyMs: number;
  /** ms from spawn until the "listening" log line (only when LOG_LEVEL lets it through) */
  listeningLogMs: number | null;
  /** the server's own startupMs field of that line */
  reportedStartupMs: number | null;
  output(): string;
  /** true once the process has exited */
  readonly exited: boolean;
  /** peak resident set size in MiB (VmHWM), while the process lives */
  peakRssMiB(): number | null;
  /** SIGTERM and wait; resolves with the exit code */
  stop(timeoutMs?: number): Promise<number | null>;
}

export interface SpawnOptions {
  env: Record<string, string>;
  port: number;
  /** default: the product's own entry point */
  args?: string[];
  readyTimeoutMs?: number;
}

export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const args = options.args ?? ['--import', 'tsx', CLI, 'start'];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: cleanEnv({ PORT: String(options.port), HOST: '127.0.0.1', ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let listeningLogMs: number | null = null;
  let reportedStartupMs: number | null = null;
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    out += text;
    if (out.length > 200_000) out = out.slice(-100_000);
    if (listeningLogMs === null && text.includes('listening on')) {
      listeningLogMs = performance.now() - t0;
      const m = /"startupMs":(\d+)/.exec(text);
      if (m) reportedStartupMs = Number(m[1]);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let exitCode: number | null | undefined;
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => {
    exitCode = code ?? (signal ? -1 : null);
    if (!stopping) log(`server pid ${child.pid} exited unexpectedly (code ${code}, signal ${signal}); its last output:\n${out.slice(-3000)}`);
    resolve(exitCode);
  }));

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = performance.now() + (options.readyTimeoutMs ?? 120_000);
  let readyMs = -1;
  while (performance.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode} before it was ready:\n${out.slice(-4000)}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        readyMs = performance.now() - t0;
        break;
      }
    } catch { /* not listening yet */ }
    await sleep(20);
  }
  if (readyMs < 0) {
    child.kill('SIGKILL');
    throw new Error(`server not ready within ${options.readyTimeoutMs ?? 120_000} ms:\n${out.slice(-4000)}`);
  }
  // the log line is written just before the first health answer can arrive; give the pipe a moment
  for (let i = 0; i < 25 && listeningLogMs === null && /info|debug|trace/.test(options.env.LOG_LEVEL ?? ''); i++) await sleep(20);

  return {
    child,
    pid: child.pid!,
    baseUrl,
    port: options.port,
    readyMs,
    get listeningLogMs() { return listeningLogMs; },
    get reportedStartupMs() { return reportedStartupMs; },
    output: () => out,
    peakRssMiB() {
      try {
        const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : null;
      } catch {
        return null;
      }
    },
    get exited() { return exitCode !== undefined; },
    async stop(timeoutMs = 30_000) {
      stopping = true;
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  } as ServerProcess;
}
