/**
 * `--profile`: where PostgreSQL's time goes during the HTTP booking phase (pg_stat_statements,
 * shipped with the embedded binaries), to decide what to make cheaper next. Not a figure.
 */
import pg from 'pg';
import { startEmbeddedPostgres } from '@kangyun/kernel';
import type { BenchDatabase } from '../dataset.js';
import { log, round } from '../util.js';

/** restarts the bench database with pg_stat_statements loaded */
export async function withStatementStatistics(db: BenchDatabase): Promise<BenchDatabase> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  await c.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await c.query(`ALTER SYSTEM SET pg_stat_statements.track = 'all'`);
  await c.end();
  await db.stop();
  const embedded = await startEmbeddedPostgres(db.dir);
  const c2 = new pg.Client({ connectionString: embedded.url });
  await c2.connect();
  await c2.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await c2.end();
  return { ...db, url: embedded.url, stop: () => embedded.stop() };
}

export async function resetStatementStatistics(pool: pg.Pool): Promise<void> {
  await pool.query('SELECT pg_stat_statements_reset()');
}

/** the statements that took most of PostgreSQL's time since the reset, per booking */
export async function printStatementStatistics(pool: pg.Pool, bookings: number): Promise<void> {
  const { rows } = await pool.query(`
    SELECT calls, total_exec_time AS exec, total_plan_time AS plan, toplevel, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q
    FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 25`);
  const { rows: all } = await pool.query(`SELECT sum(total_exec_time + total_plan_time) FILTER (WHERE toplevel) AS t FROM pg_stat_statements`);
  log(`  PostgreSQL statements during the HTTP phase (${bookings} bookings; top-level time ${round(Number(all[0].t) / bookings, 3)} ms per booking):`);
  for (const r of rows) {
    log(`    ${String(r.calls).padStart(7)} calls  ${round((Number(r.exec) + Number(r.plan)) / bookings, 3).toFixed(3).padStart(7)} ms/booking  (plan ${round(Number(r.plan) / Math.max(1, Number(r.calls)), 3)} ms/call)${r.toplevel ? '' : ' [nested]'}  ${r.q}`);
  }
}
