import type pg from 'pg';
import pgDefault from 'pg';

const { escapeLiteral } = pgDefault;

export type DataScope = 'own' | 'department' | 'institution' | 'region';

/** Who is asking, and which institution's data they may see. Set on every scoped transaction. */
export interface ScopeContext {
  actorId: number | null;
  institutionId: number;
  departmentId: number | null;
  scope: DataScope;
  /** institutions visible at region scope (the caller's region); just [institutionId] otherwise */
  institutions: number[];
}

export type ScopedClient = Pick<pg.PoolClient, 'query'>;

/**
 * The only way request code reaches institution data: a transaction that runs as the
 * `kangyun_app` role with the caller's scope in transaction-local settings, so PostgreSQL's
 * row-level security filters every read and checks every write whatever SQL a module writes.
 */
export async function withScope<T>(pool: pg.Pool, ctx: ScopeContext, fn: (db: ScopedClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    // one round trip: begin, drop privileges, set the context
    await client.query(
      `BEGIN; SET LOCAL ROLE kangyun_app;
       SELECT set_config('kangyun.actor', ${lit(ctx.actorId)}, true), set_config('kangyun.institution', ${lit(ctx.institutionId)}, true),
              set_config('kangyun.department', ${lit(ctx.departmentId)}, true), set_config('kangyun.scope', ${lit(ctx.scope)}, true),
              set_config('kangyun.institutions', ${lit(ctx.institutions.join(','))}, true)`,
    );
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

function lit(v: string | number | null): string {
  return escapeLiteral(v === null ? '' : String(v));
}
