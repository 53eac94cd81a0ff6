import { fieldError, invalid, type CallContext, type Queryable } from '@kangyun/kernel';
import { DEFAULT_RULE, RULE_COLUMNS, type BookingRule } from '../rules/booking-rule.js';
import { HOSPITAL_TZ } from '../constants.js';
import { assertDepartment } from './scope.js';

/** the fields a rule row sets; null = not set here (inherit) */
export type RuleFields = { [K in keyof BookingRule]: BookingRule[K] | null };

export interface RuleScopeView {
  institutionId: number;
  departmentId: number | null;
  departmentName: string | null;
  /** what this row sets (null = inherited) */
  rule: RuleFields;
  /** what applies: the department row over the institution row over the defaults */
  effective: BookingRule;
  /** what applies when this row sets nothing (the institution row and defaults; for the institution row, the defaults) */
  inherited: BookingRule;
  updatedAt: string | null;
}

const selectColumns = RULE_COLUMNS.map(([field, col]) => (col === 'release_time' ? `to_char(${col}, 'HH24:MI') AS "${field}"` : `${col} AS "${field}"`)).join(', ');

function emptyRule(): RuleFields {
  return Object.fromEntries(RULE_COLUMNS.map(([f]) => [f, null])) as unknown as RuleFields;
}

async function readRow(db: Queryable, institutionId: number, departmentId: number | null): Promise<{ rule: RuleFields; updatedAt: string | null }> {
  const { rows } = await db.query(
    `SELECT ${selectColumns}, updated_at FROM sched_booking_rule WHERE institution_id = $1 AND department_id IS NOT DISTINCT FROM $2`, [institutionId, departmentId]);
  if (!rows[0]) return { rule: emptyRule(), updatedAt: null };
  const { updated_at: updatedAt, ...rule } = rows[0];
  return { rule: rule as RuleFields, updatedAt: (updatedAt as Date).toISOString() };
}

function merge(...layers: Partial<RuleFields>[]): BookingRule {
  const out = { ...DEFAULT_RULE } as Record<string, unknown>;
  for (const layer of layers) for (const [k, v] of Object.entries(layer)) if (v !== null && v !== undefined) out[k] = v;
  return out as unknown as BookingRule;
}

export async function readRules(db: Queryable, institutionId: number, departmentId: number | null): Promise<RuleScopeView> {
  const inst = await readRow(db, institutionId, null);
  const dept = departmentId === null ? null : await readRow(db, institutionId, departmentId);
  const name = departmentId === null ? null : ((await db.query('SELECT name FROM org_unit WHERE id = $1', [departmentId])).rows[0]?.name ?? null);
  return {
    institutionId, departmentId, departmentName: name,
    rule: (dept ?? inst).rule,
    effective: merge(inst.rule, dept?.rule ?? {}),
    inherited: departmentId === null ? { ...DEFAULT_RULE } : merge(inst.rule),
    updatedAt: (dept ?? inst).updatedAt,
  };
}

/** departments with their own rule rows (the overrides list) */
export async function listDepartmentRules(db: Queryable, institutionId: number): Promise<{ departmentId: number; departmentName: string; overrides: Partial<RuleFields> }[]> {
  const { rows } = await db.query(
    `SELECT r.department_id AS "departmentId", d.name AS "departmentName", ${RULE_COLUMNS.map(([field, col]) => (col === 'release_time' ? `to_char(r.${col}, 'HH24:MI') AS "${field}"` : `r.${col} AS "${field}"`)).join(', ')}
     FROM sched_booking_rule r JOIN org_unit d ON d.id = r.department_id WHERE r.institution_id = $1 ORDER BY d.name`, [institutionId]);
  return rows.map(({ departmentId, departmentName, ...rest }) => ({
    departmentId, departmentName, overrides: Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)) as Partial<RuleFields>,
  }));
}

/**
 * Saves the institution row (departmentId null) or a department's override, after checking the
 * result still makes sense together with what it inherits; then recomputes the booking window
 * (opens_at/closes_at) and the reservation release of the scope's future sessions.
 */
export async function saveRules(db: Queryable, ctx: CallContext, departmentId: number | null, input: Partial<RuleFields>): Promise<{ view: RuleScopeView; recomputedSessions: number }> {
  const institutionId = ctx.actor.institutionId;
  if (departmentId !== null) await assertDepartment(db, ctx, departmentId);
  const row = { ...emptyRule(), ...input };
  const inherited = departmentId === null ? {} : (await readRow(db, institutionId, null)).rule;
  const result = merge(inherited, row);
  if (result.minAge !== null && result.maxAge !== null && result.maxAge < result.minAge) {
    throw invalid([fieldError(row.maxAge !== null ? 'maxAge' : 'minAge', 'age_range', 'scheduling.rule_age_range')]);
  }
  const cols = RULE_COLUMNS.map(([, c]) => c);
  const values = RULE_COLUMNS.map(([f]) => row[f]);
  await db.query(
    `INSERT INTO sched_booking_rule (institution_id, department_id, ${cols.join(', ')}, updated_by, updated_at)
     VALUES ($1, $2, ${cols.map((_, i) => `$${i + 3}`).join(', ')}, $${cols.length + 3}, now())
     ON CONFLICT (institution_id, department_id) DO UPDATE SET ${cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [institutionId, departmentId, ...values, ctx.actor.accountId]);
  const recomputedSessions = await recomputeWindows(db, institutionId, departmentId);
  return { view: await readRules(db, institutionId, departmentId), recomputedSessions };
}

/** removes a department's override: it inherits the institution's rule again */
export async function deleteDepartmentRules(db: Queryable, ctx: CallContext, departmentId: number): Promise<number> {
  await assertDepartment(db, ctx, departmentId);
  await db.query('DELETE FROM sched_booking_rule WHERE institution_id = $1 AND department_id = $2', [ctx.actor.institutionId, departmentId]);
  return recomputeWindows(db, ctx.actor.institutionId, departmentId);
}

/**
 * The release (opens_at), cut-off (closes_at) and reservation release of sessions were fixed from
 * the rule when they were made; a changed rule moves them for every session that has not ended.
 * Bookings already made stay. Returns how many sessions changed.
 */
export async function recomputeWindows(db: Queryable, institutionId: number, departmentId: number | null): Promise<number> {
  const { rows } = await db.query(
    `WITH eff AS (
       SELECT s.id, s.starts_at,
         ((s.service_date - COALESCE(rd.days_ahead, ri.days_ahead, $3)) + COALESCE(rd.release_time, ri.release_time, $4::time)) AT TIME ZONE '${HOSPITAL_TZ}' AS opens_at,
         s.ends_at - make_interval(mins => COALESCE(rd.cutoff_minutes, ri.cutoff_minutes, $5)) AS closes_at,
         s.starts_at - make_interval(mins => COALESCE(rd.reserve_release_minutes, ri.reserve_release_minutes, $6)) AS reserved_until
       FROM sched_session s
       LEFT JOIN sched_booking_rule ri ON ri.institution_id = s.institution_id AND ri.department_id IS NULL
       LEFT JOIN sched_booking_rule rd ON rd.institution_id = s.institution_id AND rd.department_id = s.department_id
       WHERE s.institution_id = $1 AND ($2::bigint IS NULL OR s.department_id = $2) AND s.ends_at > now()),
     sessions AS (
       UPDATE sched_session s SET opens_at = eff.opens_at, closes_at = eff.closes_at, updated_at = now()
       FROM eff WHERE s.id = eff.id AND (s.opens_at IS DISTINCT FROM eff.opens_at OR s.closes_at IS DISTINCT FROM eff.closes_at)
       RETURNING s.id),
     slots AS (
       UPDATE sched_slot sl SET reserved_until = eff.reserved_until
       FROM eff WHERE sl.session_id = eff.id AND sl.reserved_for IS NOT NULL AND sl.status = 'free'
         AND sl.reserved_until IS DISTINCT FROM eff.reserved_until)
     SELECT count(*)::int AS n FROM sessions`,
    [institutionId, departmentId, DEFAULT_RULE.daysAhead, DEFAULT_RULE.releaseTime, DEFAULT_RULE.cutoffMinutes, DEFAULT_RULE.reserveReleaseMinutes]);
  return rows[0].n;
}
