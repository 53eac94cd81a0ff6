import { fieldError, forbidden, invalid, type CallContext, type Queryable } from '@kangyun/kernel';
import { HOSPITAL_TZ } from '../constants.js';

/** the longest range one statistics request may cover */
export const STATS_MAX_DAYS = 366;

/** what the caller asked for (dates are hospital-local calendar days, both ends included) */
export interface StatsQuery {
  from?: string;
  to?: string;
  departmentId?: number;
  institutionId?: number;
}

/**
 * A resolved statistics filter: the institution, the departments to count (never empty), the
 * day range, and for callers whose data scope is their own patients, the practitioner.
 */
export interface StatsFilter {
  institutionId: number;
  departmentIds: number[];
  from: string;
  to: string;
  practitionerId: number | null;
}

/** today's date in the hospital's time zone */
export function hospitalToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: HOSPITAL_TZ });
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** the default range is the current month up to today */
export function statsRange(q: StatsQuery, now = new Date()): { from: string; to: string } {
  const today = hospitalToday(now);
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const from = q.from ?? `${to.slice(0, 8)}01`;
  if (to < from) throw invalid([fieldError('to', 'before_from', 'scheduling.stats_range_order')]);
  if (dayCount(from, to) > STATS_MAX_DAYS) throw invalid([fieldError('to', 'too_long', 'scheduling.stats_range_too_long', { days: STATS_MAX_DAYS })]);
  return { from, to };
}

/**
 * Applies the caller's data scope explicitly: the statistics are aggregates computed on the
 * owner connection (so they can be answered from a covering index alone), which means the
 * row-level-security rules are restated here. Region scope may pick an institution of the
 * region; department scope counts only the caller's department; own scope only the caller's
 * own patients (as treating practitioner).
 */
export async function resolveStatsFilter(db: Queryable, ctx: CallContext, q: StatsQuery, now = new Date()): Promise<StatsFilter> {
  const actor = ctx.actor;
  const { from, to } = statsRange(q, now);
  let institutionId = actor.institutionId;
  if (q.institutionId && q.institutionId !== actor.institutionId) {
    if (actor.scope !== 'region' || !actor.regionInstitutions.includes(q.institutionId)) throw forbidden();
    institutionId = q.institutionId;
  }
  let departmentId = q.departmentId ?? null;
  if (actor.scope === 'department') {
    if (departmentId !== null && departmentId !== actor.departmentId) throw forbidden();
    departmentId = actor.departmentId ?? -1;
  } else if (departmentId !== null) {
    const { rows } = await db.query('SELECT 1 FROM org_unit WHERE id = $1 AND institution_id = $2', [departmentId, institutionId]);
    if (!rows[0]) throw invalid([fieldError('departmentId', 'unknown', 'scheduling.stats_department_unknown')]);
  }
  const departmentIds = await bookableDepartments(db, institutionId, departmentId);
  return { institutionId, departmentIds, from, to, practitionerId: actor.scope === 'own' ? actor.accountId ?? -1 : null };
}

/**
 * Departments of the institution that have (or had) bookable resources: appointments and
 * sessions always belong to a resource's department, so these are all the statistics can hold.
 * Listing them lets every query use the (department_id, …) indexes even for a whole institution.
 */
export async function bookableDepartments(db: Queryable, institutionId: number, departmentId: number | null): Promise<number[]> {
  const { rows } = await db.query<{ department_id: string }>(
    `SELECT DISTINCT department_id FROM sched_resource WHERE institution_id = $1 AND ($2::bigint IS NULL OR department_id = $2)
     ORDER BY department_id`, [institutionId, departmentId]);
  return rows.map((r) => Number(r.department_id));
}
