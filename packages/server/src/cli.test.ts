/**
 * The `kangyun` command as an operator uses it: real processes, real embedded PostgreSQL in
 * temporary data directories, stopped by signals.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const cli = path.join(root, 'packages', 'server', 'src', 'cli.ts');
const dirs: string[] = [];

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kangyun-cli-'));
  fs.chmodSync(d, 0o755);
  dirs.push(d);
  return d;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function env(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, KANGYUN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
  delete e.DATABASE_URL;
  delete e.KANGYUN_KEYS_FILE;
  return e;
}

function run(args: string[], dataDir: string, extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, env: env(dataDir, extra), encoding: 'utf8', timeout: 120_000 });
}

async function startServer(dataDir: string, extra: Record<string, string> = {}): Promise<{ proc: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', cli, 'start'], { cwd: root, env: env(dataDir, { PORT: String(port), HOST: '127.0.0.1', ...extra }) });
  let output = '';
  proc.stdout!.on('data', (d) => { output += d; });
  proc.stderr!.on('data', (d) => { output += d; });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return { proc, port, output: () => output };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill('SIGKILL');
  throw new Error(`server did not become healthy: ${output}`);
}

async function stop(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  proc.kill(signal);
  return exited;
}

function postgresRunning(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try { process.kill(pid, 0); return true; } catch { return false; }
}

after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('kangyun start (embedded PostgreSQL)', () => {
  test('first start loads demo data; SIGTERM stops server and database; a restart keeps the data; two data directories run side by side', async () => {
    const a = tempDir();
    const b = tempDir();
    const [first, second] = await Promise.all([startServer(a), startServer(b)]);
    for (const s of [first, second]) {
      const login = await fetch(`http://127.0.0.1:${s.port}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dr.wang', password: 'Kangyun@2026' }),
      });
      assert.equal(login.status, 200);
    }
    assert.ok(fs.existsSync(path.join(a, 'keys.json')));
    assert.equal(fs.statSync(path.join(a, 'keys.json')).mode & 0o077, 0, 'keys file is private');
    assert.equal(await stop(first.proc, 'SIGTERM'), 0);
    assert.equal(await stop(second.proc, 'SIGINT'), 0);
    assert.equal(postgresRunning(a), false);
    assert.equal(postgresRunning(b), false);

    const again = await startServer(a);
    const res = await fetch(`http://127.0.0.1:${again.port}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nurse.liu', password: 'Kangyun@2026' }),
    });
    assert.equal(res.status, 200);
    assert.equal(await stop(again.proc), 0);

    const verify = run(['audit', 'verify'], a);
    assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /audit chain intact: \d+ entries verified \(SM3\)/);
    const migrate = run(['migrate'], a);
    assert.equal(migrate.status, 0);
    assert.match(migrate.stdout, /up to date/);
    const seed = run(['seed-demo'], a);
    assert.match(seed.stdout, /already loaded/);

    const prod = run(['start'], a, { NODE_ENV: 'production', PORT: String(await freePort()) });
    assert.notEqual(prod.status, 0);
    assert.match(prod.stderr, /refuses to start with demo accounts/);
  });

  test('a production start needs create-admin first; the administrator must then enrol TOTP and change the password', async () => {
    const d = tempDir();
    const refused = run(['start'], d, { NODE_ENV: 'production', PORT: String(await freePort()) });
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /create-admin/);
    const created = run(['create-admin', '--kind', 'system', '--username', 'sys01', '--institution', '测试医院'], d, { NODE_ENV: 'production' });
    assert.equal(created.status, 0, created.stderr);
    const password = /initial password[^:]*: (\S+)/.exec(created.stdout)![1];
    const server = await startServer(d, { NODE_ENV: 'production' });
    try {
      const login = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sys01', password }),
      });
      assert.equal((await login.json()).status, 'totp_setup_required');
      const demo = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dr.wang', password: 'Kangyun@2026' }),
      });
      assert.equal(demo.status, 401);
    } finally {
      assert.equal(await stop(server.proc), 0);
    }
  });

  test('the international crypto profile runs the same platform with SHA-256, AES-GCM and ECDSA', async () => {
    const d = tempDir();
    const server = await startServer(d, { KANGYUN_CRYPTO_PROFILE: 'intl' });
    try {
      const login = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dr.li', password: 'Kangyun@2026' }),
      });
      assert.equal(login.status, 200);
      const cookie = login.headers.getSetCookie()[0].split(';')[0];
      const list = await fetch(`http://127.0.0.1:${server.port}/api/patients?pageSize=1`, { headers: { cookie } });
      assert.equal((await list.json()).items.length, 1);
    } finally {
      assert.equal(await stop(server.proc), 0);
    }
    assert.equal(JSON.parse(fs.readFileSync(path.join(d, 'keys.json'), 'utf8')).profile, 'intl');
    const verify = run(['audit', 'verify'], d, { KANGYUN_CRYPTO_PROFILE: 'intl' });
    assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /\(SHA-256\)/);
    const wrongProfile = run(['migrate'], d);
    assert.notEqual(wrongProfile.status, 0);
    assert.match(wrongProfile.stderr, /crypto profile "intl"/);
  });
});
