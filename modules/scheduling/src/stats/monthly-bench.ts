import type pg from 'pg';
import { bookableDepartments, type StatsFilter } from './filter.js';
import { withTransaction } from '@kangyun/kernel';
import { APPOINTMENT_FIGURES_SQL, CAPACITY_FIGURES_SQL, STATS_WORK_MEM } from './queries.js';
import { statsReport } from './report.js';

export interface StatsTiming {
  filter: StatsFilter;
  /** appointments (of any status) the month holds for the filter */
  appointments: number;
  /** wall time of the whole report (both aggregates and the name look-ups), per run */
  runsMs: number[];
  medianMs: number;
  maxMs: number;
  /** EXPLAIN (ANALYZE, BUFFERS) of the appointment aggregate and the capacity aggregate */
  explain: { appointments: ExplainFigures; capacity: ExplainFigures };
}

export interface ExplainFigures {
  planningMs: number;
  executionMs: number;
  /** the plan as PostgreSQL prints it */
  plan: string[];
}

export interface MonthlyStatsBench {
  month: string;
  department: { id: number; name: string } & StatsTiming;
  institution: { id: number; name: string } & StatsTiming;
  /** the target from the issue */
  targetMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function explain(pool: pg.Pool, sql: string, f: StatsFilter): Promise<ExplainFigures> {
  // with the same memory setting the statistics query runs with
  const { rows } = await withTransaction(pool, async (db) => {
    await db.query(`SET LOCAL work_mem = '${STATS_WORK_MEM}'`);
    return db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [f.departmentIds, f.from, f.to, f.practitionerId]);
  });
  const plan = rows.map((r) => r['QUERY PLAN'] as string);
  const num = (label: string) => Number(/([\d.]+) ms/.exec(plan.find((l) => l.startsWith(label)) ?? '')?.[1] ?? NaN);
  return { planningMs: num('Planning Time'), executionMs: num('Execution Time'), plan };
}

async function time(pool: pg.Pool, f: StatsFilter, runs: number): Promise<StatsTiming> {
  await statsReport(pool, f); // warm-up: caches, prepared statements
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await statsReport(pool, f);
    runsMs.push(Math.round((performance.now() - t) * 10) / 10);
  }
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM appointment WHERE department_id = ANY ($1::bigint[])
       AND starts_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND starts_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
    [f.departmentIds, f.from, f.to]);
  return {
    filter: f, appointments: rows[0].n, runsMs, medianMs: median(runsMs), maxMs: Math.max(...runsMs),
    explain: { appointments: await explain(pool, APPOINTMENT_FIGURES_SQL, f), capacity: await explain(pool, CAPACITY_FIGURES_SQL, f) },
  };
}

/**
 * "A department's monthly statistics under 1 s": the statistics report of the department with
 * the most resources for the last full month of the history (loadHistoricalAppointments), timed
 * as the API computes it, with EXPLAIN ANALYZE of its two aggregates; the whole institution's
 * month for comparison.
 */
export async function monthlyStatsBench(pool: pg.Pool, options: { runs?: number } = {}): Promise<MonthlyStatsBench> {
  const runs = options.runs ?? 5;
  const pick = (await pool.query(
    `SELECT r.institution_id, i.name AS institution_name, r.department_id, d.name AS department_name
     FROM sched_resource r JOIN org_unit i ON i.id = r.institution_id JOIN org_unit d ON d.id = r.department_id
     GROUP BY 1, 2, 3, 4 ORDER BY count(*) DESC, r.department_id LIMIT 1`)).rows[0];
  if (!pick) throw new Error('no resources: load the history first');
  const month = (await pool.query(
    `SELECT to_char(CASE WHEN date_trunc('month', last) - interval '1 month' >= date_trunc('month', first)
                         THEN date_trunc('month', last) - interval '1 month' ELSE date_trunc('month', last) END, 'YYYY-MM') AS month
     FROM (SELECT min(service_date) AS first, max(service_date) AS last FROM sched_session
           WHERE service_date < (now() AT TIME ZONE 'Asia/Shanghai')::date) s`)).rows[0].month as string | null;
  if (!month) throw new Error('no past sessions: load the history first');
  const from = `${month}-01`;
  const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  const to = end.toISOString().slice(0, 10);
  const institutionId = Number(pick.institution_id);
  const departmentId = Number(pick.department_id);
  const department = await time(pool, { institutionId, departmentIds: [departmentId], from, to, practitionerId: null }, runs);
  const institution = await time(pool, { institutionId, departmentIds: await bookableDepartments(pool, institutionId, null), from, to, practitionerId: null }, runs);
  return {
    month,
    department: { id: departmentId, name: pick.department_name, ...department },
    institution: { id: institutionId, name: pick.institution_name, ...institution },
    targetMs: 1000,
  };
}
