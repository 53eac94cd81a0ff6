import type pg from 'pg';
import pgDefault from 'pg';
import { appendingClient, commitText } from './appends.js';

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
export interface ScopeOptions {
  /**
   * transaction-level advisory locks (key pairs) taken before the work starts, in the same round
   * trip as the scope, e.g. one per patient to serialise that patient's bookings
   */
  advisoryLocks?: [number, number][];
  /**
   * run this transaction's prepared statements with their generic plans: for hot statements whose
   * row-level-security plans cost more to make than to run, PostgreSQL's default (custom plans while
   * they look cheaper) re-plans on every execution
   */
  genericPlans?: boolean;
  /**
   * audit rows and outbox messages written in the transaction go with its COMMIT in one round trip
   * (see appends.ts); for hot write paths that write them last
   */
  appendWithCommit?: boolean;
}

export async function withScope<T>(pool: pg.Pool, ctx: ScopeContext, fn: (db: ScopedClient) => Promise<T>, options: ScopeOptions = {}): Promise<T> {
  const client = await pool.connect();
  try {
    const locks = (options.advisoryLocks ?? []).map(([a, b]) => {
      if (!Number.isInteger(a) || !Number.isInteger(b) || Math.abs(a) > 2 ** 31 - 1 || Math.abs(b) > 2 ** 31 - 1) throw new RangeError('advisory lock keys must be 32-bit integers');
      return `SELECT pg_advisory_xact_lock(${a}, ${b});`;
    }).join(' ');
    const plans = options.genericPlans ? 'SET LOCAL plan_cache_mode = force_generic_plan;' : '';
    // one round trip: begin, drop privileges, set the context (and take the caller's locks)
    await client.query(
      `BEGIN; SET LOCAL ROLE kangyun_app;
       SELECT set_config('kangyun.actor', ${lit(ctx.actorId)}, true), set_config('kangyun.institution', ${lit(ctx.institutionId)}, true),
              set_config('kangyun.department', ${lit(ctx.departmentId)}, true), set_config('kangyun.scope', ${lit(ctx.scope)}, true),
              set_config('kangyun.institutions', ${lit(ctx.institutions.join(','))}, true); ${plans} ${locks}`,
    );
    const db = options.appendWithCommit ? appendingClient(client) : client;
    const result = await fn(db);
    await client.query(commitText(db));
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
