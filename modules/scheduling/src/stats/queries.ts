import { withTransaction, type Pool, type Queryable } from '@kangyun/kernel';
import { HOSPITAL_TZ } from '../constants.js';
import type { StatsFilter } from './filter.js';

/** appointment counters of one group; see APPOINTMENT_FIGURES_SQL for what each one counts */
export interface Counters {
  bookings: number;
  cancelled: number;
  noshow: number;
  attended: number;
  /** bookings that were due (time passed, not cancelled): the no-show rate's denominator */
  due: number;
  /** numbers consumed (not cancelled): the utilisation's numerator */
  used: number;
}

export type AppointmentGroup =
  | ({ set: 'day_channel'; day: string; channel: string } & Counters)
  | ({ set: 'department_day'; departmentId: number; day: string } & Counters)
  | ({ set: 'resource'; resourceId: number } & Counters);

export type CapacityGroup =
  | { set: 'department_day'; departmentId: number; day: string; capacity: number; sessions: number }
  | { set: 'resource'; resourceId: number; capacity: number; sessions: number };

/**
 * One pass over the range's appointments. Every column it reads is in the appointment_stats
 * index (004_stats.sql), so PostgreSQL answers from the index alone (an index-only scan per
 * department) without touching the appointment rows. Each row is only hashed into its session,
 * channel and status (no per-row time-zone arithmetic or condition chains: those cost more than
 * the scan); the few thousand groups are then joined to their sessions for the day, department
 * and resource and grouped the three ways the report needs (GROUPING SETS). An appointment's day
 * is its session's service date. `held` (a hold in progress) and `expired` (a hold that lapsed)
 * were never bookings.
 */
export const APPOINTMENT_FIGURES_SQL = `
  WITH fine AS (
    SELECT a.session_id, a.channel::text AS channel, a.status, a.starts_at < now() AS past, count(*) AS n
    FROM appointment a
    WHERE a.department_id = ANY ($1::bigint[])
      AND a.starts_at >= ($2::date)::timestamp AT TIME ZONE '${HOSPITAL_TZ}'
      AND a.starts_at < ($3::date + 1)::timestamp AT TIME ZONE '${HOSPITAL_TZ}'
      AND a.status NOT IN ('held', 'expired')
      AND ($4::bigint IS NULL OR a.practitioner_id = $4)
    GROUP BY 1, 2, 3, 4),
  joined AS (
    SELECT s.service_date AS day, s.department_id, s.resource_id, f.channel, f.status, f.past, f.n
    FROM fine f JOIN sched_session s ON s.id = f.session_id
      -- implied by the appointments' own range; lets the sessions come from their (department, day) index
      AND s.department_id = ANY ($1::bigint[]) AND s.service_date BETWEEN $2::date AND $3::date)
  SELECT GROUPING(day, channel, department_id, resource_id) AS g,
    to_char(day, 'YYYY-MM-DD') AS day, channel, department_id, resource_id,
    sum(n)::int AS bookings,
    COALESCE(sum(n) FILTER (WHERE status = 'cancelled'), 0)::int AS cancelled,
    COALESCE(sum(n) FILTER (WHERE status = 'noshow'), 0)::int AS noshow,
    COALESCE(sum(n) FILTER (WHERE status IN ('checked_in', 'fulfilled')), 0)::int AS attended,
    COALESCE(sum(n) FILTER (WHERE status <> 'cancelled' AND past), 0)::int AS due,
    COALESCE(sum(n) FILTER (WHERE status <> 'cancelled'), 0)::int AS used
  FROM joined
  GROUP BY GROUPING SETS ((day, channel), (department_id, day), (resource_id))`;

/** enough memory that the fine groups are hashed in memory, never sorted on disk */
export const STATS_WORK_MEM = '64MB';

/** published capacity of the open sessions (a suspended session's patients were moved or cancelled) */
export const CAPACITY_FIGURES_SQL = `
  SELECT GROUPING(service_date, department_id, resource_id) AS g,
    to_char(service_date, 'YYYY-MM-DD') AS day, department_id, resource_id,
    sum(capacity)::int AS capacity, count(*)::int AS sessions
  FROM sched_session
  WHERE department_id = ANY ($1::bigint[]) AND service_date BETWEEN $2::date AND $3::date AND status = 'open'
    AND ($4::bigint IS NULL OR practitioner_id = $4)
  GROUP BY GROUPING SETS ((department_id, service_date), (resource_id))`;

const params = (f: StatsFilter) => [f.departmentIds, f.from, f.to, f.practitionerId];

function counters(r: Record<string, unknown>): Counters {
  return { bookings: r.bookings as number, cancelled: r.cancelled as number, noshow: r.noshow as number, attended: r.attended as number, due: r.due as number, used: r.used as number };
}

export async function appointmentFigures(pool: Pool, f: StatsFilter): Promise<AppointmentGroup[]> {
  if (!f.departmentIds.length) return [];
  const { rows } = await withTransaction(pool, async (db) => {
    await db.query(`SET LOCAL work_mem = '${STATS_WORK_MEM}'`);
    return db.query({ name: 'scheduling.stats-appointments', text: APPOINTMENT_FIGURES_SQL, values: params(f) });
  }, 'BEGIN READ ONLY');
  // GROUPING() sets a bit for each column not grouped: (day, channel) = 0b0011, (department, day) = 0b0101, (resource) = 0b1110
  return rows.map((r): AppointmentGroup => {
    if (r.g === 3) return { set: 'day_channel', day: r.day, channel: r.channel, ...counters(r) };
    if (r.g === 5) return { set: 'department_day', departmentId: Number(r.department_id), day: r.day, ...counters(r) };
    return { set: 'resource', resourceId: Number(r.resource_id), ...counters(r) };
  });
}

export async function capacityFigures(db: Queryable, f: StatsFilter): Promise<CapacityGroup[]> {
  if (!f.departmentIds.length) return [];
  const { rows } = await db.query({ name: 'scheduling.stats-capacity', text: CAPACITY_FIGURES_SQL, values: params(f) });
  // (department, day) = 0b001, (resource) = 0b110
  return rows.map((r): CapacityGroup => r.g === 1
    ? { set: 'department_day', departmentId: Number(r.department_id), day: r.day, capacity: r.capacity, sessions: r.sessions }
    : { set: 'resource', resourceId: Number(r.resource_id), capacity: r.capacity, sessions: r.sessions });
}

export interface NamedResource { id: number; name: string; kind: string; clinicLevel: string | null; modality: string | null; departmentId: number }

export async function names(db: Queryable, departmentIds: number[], resourceIds: number[]): Promise<{ departments: Map<number, string>; resources: Map<number, NamedResource> }> {
  const [d, r] = await Promise.all([
    db.query('SELECT id, name FROM org_unit WHERE id = ANY ($1::bigint[])', [departmentIds]),
    db.query(`SELECT id, name, kind, clinic_level AS "clinicLevel", modality, department_id AS "departmentId" FROM sched_resource WHERE id = ANY ($1::bigint[])`, [resourceIds]),
  ]);
  return {
    departments: new Map(d.rows.map((x) => [Number(x.id), x.name as string])),
    resources: new Map(r.rows.map((x) => [Number(x.id), { ...x, id: Number(x.id), departmentId: Number(x.departmentId) } as NamedResource])),
  };
}
