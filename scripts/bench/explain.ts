/**
 * EXPLAIN ANALYZE of the SQL behind the measured requests, run the way request code runs it:
 * as kangyun_app inside a transaction carrying the caller's scope (see kernel db/scope.ts),
 * here the lead hospital H001 at institution scope (what demo-integration and dr.li get).
 * The statements are the product's own: PATIENT_COLUMNS and patientWhere are imported; the
 * search statement's frame is copied from searchPatients (modules/patients/src/services/read.ts).
 */
import pg from 'pg';
import { createKernel, loadConfig } from '@kangyun/kernel';
import { PATIENT_COLUMNS } from '../../modules/patients/src/services/row.js';
import { patientWhere, type PatientQuery } from '../../modules/patients/src/services/read.js';
import { pending } from './what-if/patches.mjs';
import { median, round } from './util.js';

export interface PlanFigures {
  name: string;
  /** 'product' = the statement as the product runs it now; 'proposed' = with the changes in what-if/patches.mjs */
  variant: 'product' | 'proposed';
  sql: string;
  /** null when even one execution ran past the time limit */
  medianExecutionMs: number | null;
  medianPlanningMs: number | null;
  samples: number;
  /** the statement ran longer than LIMIT_MS; the plan is then EXPLAIN without ANALYZE */
  timedOut: boolean;
  plan: string;
}

/** an execution past this is far beyond any latency target; stop there instead of waiting for it */
export const LIMIT_MS = 5000;

async function explain(client: pg.PoolClient, name: string, variant: PlanFigures['variant'], sql: string, paramSets: unknown[][], institutionId: number): Promise<PlanFigures> {
  const exec: number[] = [];
  const plan: number[] = [];
  let text = '';
  let timedOut = false;
  const scoped = async (fn: () => Promise<void>) => {
    await client.query('BEGIN');
    try {
      await client.query(
        `SET LOCAL ROLE kangyun_app; SET LOCAL statement_timeout = ${LIMIT_MS};
         SELECT set_config('kangyun.actor', '', true), set_config('kangyun.institution', '${institutionId}', true),
                set_config('kangyun.department', '', true), set_config('kangyun.scope', 'institution', true),
                set_config('kangyun.institutions', '${institutionId}', true)`);
      await fn();
    } finally {
      await client.query('ROLLBACK');
    }
  };
  for (const params of paramSets) {
    try {
      await scoped(async () => {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        const lines = rows.map((r) => r['QUERY PLAN']);
        const e = /Execution Time: ([\d.]+) ms/.exec(lines.join('\n'));
        const p = /Planning Time: ([\d.]+) ms/.exec(lines.join('\n'));
        if (e) exec.push(Number(e[1]));
        if (p) plan.push(Number(p[1]));
        if (!text) text = lines.join('\n');
      });
    } catch (err) {
      if ((err as { code?: string }).code !== '57014') throw err; // query_canceled by statement_timeout
      timedOut = true;
      await scoped(async () => {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
        text = `(EXPLAIN ANALYZE stopped after ${LIMIT_MS} ms; estimated plan:)\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`;
      });
      break;
    }
    // one execution past a second says enough; the rest would only take minutes
    if (exec.length && exec[exec.length - 1] > 1000) break;
  }
  return {
    name, variant, sql: sql.replace(/\s+/g, ' ').trim(),
    medianExecutionMs: timedOut ? null : round(median(exec), 3), medianPlanningMs: plan.length ? round(median(plan), 3) : null,
    samples: exec.length, timedOut, plan: text,
  };
}

export async function explainHotQueries(url: string, keysFile: string, ids: ArrayLike<number>, idNumbers: string[]): Promise<PlanFigures[]> {
  const kernel = createKernel({ ...loadConfig({ KANGYUN_KEYS_FILE: keysFile }), logLevel: 'warn' }, url);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => {});
  const client = await pool.connect();
  try {
    const h001 = Number((await client.query("SELECT id FROM org_unit WHERE code = 'H001'")).rows[0].id);
    const sample = <T,>(xs: ArrayLike<T>, n: number) => Array.from({ length: n }, () => xs[Math.floor(Math.random() * xs.length)]);
    const out: PlanFigures[] = [];

    const open = pending();
    const rowFix = open.find((p) => p.id === 'row-case');
    const idTypeFix = open.some((p) => p.id === 'search-id-type');
    const columns = (v: PlanFigures['variant']) => (v === 'proposed' && rowFix ? PATIENT_COLUMNS.replaceAll(rowFix.find, rowFix.replace) : PATIENT_COLUMNS);
    const variants: PlanFigures['variant'][] = open.length ? ['product', 'proposed'] : ['product'];
    const readIds = sample(ids, 10).map((id) => [id]);
    const search = (v: PlanFigures['variant'], query: PatientQuery) => {
      const { where, params } = patientWhere(kernel.crypto, query);
      if (v === 'proposed' && idTypeFix) {
        params.push(query.idType ? [query.idType] : ['resident_id', 'passport', 'other']);
        where.push(`p.id_type = ANY($${params.length})`);
      }
      params.push(20, 0);
      const sql = `SELECT ${columns(v)}, count(*) OVER () AS total FROM patient p WHERE ${where.join(' AND ')}
                   ORDER BY p.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`;
      return { sql, params };
    };
    const apiNumbers = sample(idNumbers, 10);
    const fhirNumbers = sample(idNumbers, 10);
    for (const v of variants) {
      out.push(await explain(client, 'read by id (loadPatient)', v, `SELECT ${columns(v)} FROM patient p WHERE p.id = $1`, readIds, h001));
      const api = apiNumbers.map((n) => search(v, { idNumber: n }));
      out.push(await explain(client, 'search by ID number, /api/patients?q= (id type unknown: 3 blind indexes)', v, api[0].sql, api.map((s) => s.params), h001));
      const fhir = fhirNumbers.map((n) => search(v, { idNumber: n, idType: 'resident_id' }));
      out.push(await explain(client, 'search by ID number, FHIR identifier=urn:oid:2.16.156.10011.1.3|…', v, fhir[0].sql, fhir.map((s) => s.params), h001));
    }
    return out;
  } finally {
    client.release();
    await pool.end();
    await kernel.pool.end();
  }
}
