import type { Queryable } from '@kangyun/kernel';

export interface WaitingStat {
  date: string;
  departmentId: number;
  departmentName: string;
  /** patients called for the first time that day */
  count: number;
  /** check-in → first call, minutes */
  p50Minutes: number;
  p90Minutes: number;
  avgMinutes: number;
  maxMinutes: number;
}

/**
 * 候诊时间: from check-in to the first call, per department and day, from the call log (one row
 * per patient's first call carries wait_seconds). Row-level security limits it to the caller's scope.
 */
export async function waitingStats(db: Queryable, q: { institutionId: number; from: string; to: string; departmentId?: number }): Promise<WaitingStat[]> {
  const { rows } = await db.query(
    `SELECT to_char(c.service_date, 'YYYY-MM-DD') AS date, c.department_id AS "departmentId", d.name AS "departmentName",
       count(*)::int AS count,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY c.wait_seconds) / 60)::numeric, 1)::float8 AS "p50Minutes",
       round((percentile_cont(0.9) WITHIN GROUP (ORDER BY c.wait_seconds) / 60)::numeric, 1)::float8 AS "p90Minutes",
       round((avg(c.wait_seconds) / 60)::numeric, 1)::float8 AS "avgMinutes",
       round((max(c.wait_seconds) / 60.0)::numeric, 1)::float8 AS "maxMinutes"
     FROM queue_call c JOIN org_unit d ON d.id = c.department_id
     WHERE c.institution_id = $1 AND c.wait_seconds IS NOT NULL AND c.service_date BETWEEN $2::date AND $3::date
       AND ($4::bigint IS NULL OR c.department_id = $4)
     GROUP BY c.service_date, c.department_id, d.name
     ORDER BY c.service_date, d.name`,
    [q.institutionId, q.from, q.to, q.departmentId ?? null]);
  return rows;
}
