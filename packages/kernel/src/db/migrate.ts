import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface MigrationSource {
  /** module name; migrations are versioned per module */
  module: string;
  /** folder of `NNN_name.sql` files */
  dir: string;
}

export interface AppliedMigration {
  module: string;
  version: number;
  name: string;
}

const LOCK_KEY = 727_001; // advisory lock: two nodes starting together migrate one at a time

/**
 * Applies pending SQL migrations, module by module in the order given, each file in its own
 * transaction. A landed migration whose file was edited afterwards stops the start: migrations
 * are never edited once landed, a new one is added instead.
 */
export async function migrate(pool: pg.Pool, sources: MigrationSource[]): Promise<AppliedMigration[]> {
  const client = await pool.connect();
  const applied: AppliedMigration[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS kernel_migration (
      module text NOT NULL, version int NOT NULL, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (module, version))`);
    const { rows } = await client.query<{ module: string; version: number; name: string; checksum: string }>(
      'SELECT module, version, name, checksum FROM kernel_migration',
    );
    const done = new Map(rows.map((r) => [`${r.module}/${r.version}`, r]));
    for (const source of sources) {
      for (const file of listMigrations(source.dir)) {
        const sql = fs.readFileSync(path.join(source.dir, file.fileName), 'utf8');
        const checksum = createHash('sha256').update(sql).digest('hex');
        const previous = done.get(`${source.module}/${file.version}`);
        if (previous) {
          if (previous.checksum !== checksum) {
            throw new Error(`migration ${source.module}/${file.fileName} was edited after it was applied; add a new migration instead`);
          }
          continue;
        }
        try {
          await client.query('BEGIN');
          await client.query(sql);
          await client.query('INSERT INTO kernel_migration (module, version, name, checksum) VALUES ($1, $2, $3, $4)', [
            source.module, file.version, file.name, checksum,
          ]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {});
          throw new Error(`migration ${source.module}/${file.fileName} failed: ${(err as Error).message}`);
        }
        applied.push({ module: source.module, version: file.version, name: file.name });
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    client.release();
  }
  return applied;
}

function listMigrations(dir: string): { version: number; name: string; fileName: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .map((fileName) => ({ version: Number(fileName.slice(0, 3)), name: fileName.slice(4, -4), fileName }))
    .sort((a, b) => a.version - b.version);
}
