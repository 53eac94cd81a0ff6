import pg from 'pg';

// bigint columns (ids, counts) come back as JS numbers: our ids stay far below 2^53
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
const parseBigintArray = pg.types.getTypeParser(1016 as never) as (v: string) => (string | null)[];
pg.types.setTypeParser(1016 as never, (v: string) => parseBigintArray(v).map((x) => (x === null ? null : Number(x))));
// dates (not timestamps) stay as 'YYYY-MM-DD' strings: a birth date has no time zone
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
export type Queryable = Pick<pg.PoolClient, 'query'>;

export function createPool(connectionString: string, max = 20): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000, application_name: 'kangyun' });
  // an idle client losing its server must not crash the process; the next checkout reconnects
  pool.on('error', () => {});
  return pool;
}

/** Runs fn in a transaction on one client; rolls back on any error. `begin` may set isolation and access mode. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
