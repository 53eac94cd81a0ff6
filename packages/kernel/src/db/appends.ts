import pgDefault from 'pg';
import type { Queryable } from './pool.js';

const { escapeLiteral } = pgDefault;

/**
 * Appends (audit rows, outbox messages) that a transaction opened with `appendWithCommit` sends
 * together with its COMMIT, in one round trip: on the booking path every round trip costs the
 * server and the database a wake-up each. They stay in the transaction: if one fails, the COMMIT
 * after it never runs and the whole transaction rolls back.
 *
 * Each append is an `EXECUTE` of a statement the connection prepared once (SQL-level PREPARE), so
 * it runs on a cached plan: planning an INSERT under row-level security costs more than running it.
 */
const APPENDS = Symbol('kangyun.appends');

export interface AppendingClient extends Queryable {
  [APPENDS]: { raw: Queryable; statements: string[] };
}

export interface AppendStatement {
  /** an SQL identifier, unique in the process */
  name: string;
  /** parameter types, in order */
  types: readonly string[];
  /** the statement, with $1… parameters */
  text: string;
}

/** connections (driver clients) and the append statements they have prepared */
const preparedOn = new WeakMap<object, Set<string>>();

export function appendingClient(client: Queryable): AppendingClient {
  return { query: client.query.bind(client) as Queryable['query'], [APPENDS]: { raw: client, statements: [] } };
}

/**
 * queues `statement` with `values` to run just before COMMIT; false when the client does not batch
 * (the caller then runs its statement now)
 */
export async function appendBeforeCommit(db: Queryable, statement: AppendStatement, rows: readonly (readonly unknown[])[]): Promise<boolean> {
  const state = (db as Partial<AppendingClient>)[APPENDS];
  if (!state) return false;
  let prepared = preparedOn.get(state.raw);
  if (!prepared) preparedOn.set(state.raw, (prepared = new Set()));
  if (!prepared.has(statement.name)) {
    await state.raw.query(`PREPARE ${statement.name} (${statement.types.join(', ')}) AS ${statement.text}`);
    prepared.add(statement.name);
  }
  for (const values of rows) {
    if (values.length !== statement.types.length) throw new RangeError(`${statement.name}: ${values.length} values for ${statement.types.length} parameters`);
    state.statements.push(`EXECUTE ${statement.name}(${values.map((v, i) => sqlLiteral(v, statement.types[i])).join(', ')})`);
  }
  return true;
}

/** the COMMIT text, with the queued appends in front of it */
export function commitText(db: Queryable): string {
  const list = (db as Partial<AppendingClient>)[APPENDS]?.statements;
  return list?.length ? `${list.join(';\n')};\nCOMMIT` : 'COMMIT';
}

/**
 * A value as a typed SQL literal (the simple query protocol that carries the COMMIT takes no
 * parameters): text through the driver's own escaping, JSON as text cast to jsonb.
 */
export function sqlLiteral(v: unknown, type: string): string {
  if (v === null || v === undefined) return `NULL::${type}`;
  if (type === 'jsonb') return `${escapeLiteral(typeof v === 'string' ? v : JSON.stringify(v))}::jsonb`;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new RangeError('invalid date');
    return `${escapeLiteral(v.toISOString())}::${type}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
  return `${escapeLiteral(String(v))}::${type}`;
}
