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
import { median, round } from './util.js';

export interface PlanFigures {
  name: string;
  sql: string;
  medianExecutionMs: number;
  medianPlanningMs: number;
  plan: string;
}

async function explain(client: pg.PoolClient, name: string, sql: string, paramSets: unknown[][], institutionId: number): Promise<PlanFigures> {
  const exec: number[] = [];
  const plan: number[] = [];
  let text = '';
  for (const params of paramSets) {
    await client.query('BEGIN');
    try {
      await client.query(
        `SET LOCAL ROLE kangyun_app;
         SELECT set_config('kangyun.actor', '', true), set_config('kangyun.institution', '${institutionId}', true),
                set_config('kangyun.department', '', true), set_config('kangyun.scope', 'institution', true),
                set_config('kangyun.institutions', '${institutionId}', true)`);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      const lines = rows.map((r) => r['QUERY PLAN']);
      const e = /Execution Time: ([\d.]+) ms/.exec(lines.join('\n'));
      const p = /Planning Time: ([\d.]+) ms/.exec(lines.join('\n'));
      if (e) exec.push(Number(e[1]));
      if (p) plan.push(Number(p[1]));
      if (!text) text = lines.join('\n');
    } finally {
      await client.query('ROLLBACK');
    }
  }
  return { name, sql: sql.replace(/\s+/g, ' ').trim(), medianExecutionMs: round(median(exec), 3), medianPlanningMs: round(median(plan), 3), plan: text };
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

    out.push(await explain(client, 'read by id (loadPatient)', `SELECT ${PATIENT_COLUMNS} FROM patient p WHERE p.id = $1`, sample(ids, 15).map((id) => [id]), h001));

    const search = (query: PatientQuery) => {
      const { where, params } = patientWhere(kernel.crypto, query);
      params.push(20, 0);
      const sql = `SELECT ${PATIENT_COLUMNS}, count(*) OVER () AS total FROM patient p WHERE ${where.join(' AND ')}
                   ORDER BY p.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`;
      return { sql, params };
    };
    const apiSearches = sample(idNumbers, 15).map((n) => search({ idNumber: n }));
    out.push(await explain(client, 'search by ID number, /api/patients?q= (no id type: 3 blind indexes)', apiSearches[0].sql, apiSearches.map((s) => s.params), h001));
    const fhirSearches = sample(idNumbers, 15).map((n) => search({ idNumber: n, idType: 'resident_id' }));
    out.push(await explain(client, 'search by ID number, FHIR identifier=urn:oid:2.16.156.10011.1.3|… (id type known)', fhirSearches[0].sql, fhirSearches.map((s) => s.params), h001));
    return out;
  } finally {
    client.release();
    await pool.end();
    await kernel.pool.end();
  }
}
