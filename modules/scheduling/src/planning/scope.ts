import { AppError, fieldError, invalid, notFound, type CallContext, type Queryable } from '@kangyun/kernel';

/**
 * Planning data (resources, templates, sessions) is the institution's published offer and carries
 * no row-level security; these checks keep every write inside the caller's current institution.
 */

export async function assertDepartment(db: Queryable, ctx: CallContext, departmentId: number, field = 'departmentId'): Promise<void> {
  const { rows } = await db.query(
    `SELECT 1 FROM org_unit WHERE id = $1 AND kind = 'department' AND institution_id = $2 AND active`, [departmentId, ctx.actor.institutionId]);
  if (!rows[0]) throw invalid([fieldError(field, 'unknown', 'scheduling.department_unknown')]);
}

/** a practitioner must hold a post in the caller's institution; returns the display name */
export async function assertPractitioner(db: Queryable, ctx: CallContext, practitionerId: number, field = 'practitionerId'): Promise<string> {
  const { rows } = await db.query(
    `SELECT a.display_name FROM account a WHERE a.id = $1 AND a.status = 'active'
       AND EXISTS (SELECT 1 FROM assignment s WHERE s.account_id = a.id AND s.institution_id = $2)`, [practitionerId, ctx.actor.institutionId]);
  if (!rows[0]) throw invalid([fieldError(field, 'unknown', 'scheduling.practitioner_unknown')]);
  return rows[0].display_name as string;
}

export interface ResourceRow {
  id: number;
  institution_id: number;
  department_id: number;
  kind: 'clinic' | 'exam';
  practitioner_id: number | null;
  active: boolean;
}

export async function ownResource(db: Queryable, ctx: CallContext, resourceId: number, field = 'resourceId'): Promise<ResourceRow> {
  const { rows } = await db.query<ResourceRow>(
    'SELECT id, institution_id, department_id, kind, practitioner_id, active FROM sched_resource WHERE id = $1', [resourceId]);
  const r = rows[0];
  if (!r || Number(r.institution_id) !== ctx.actor.institutionId) throw invalid([fieldError(field, 'unknown', 'scheduling.resource_unknown')]);
  return r;
}

export interface SessionRow {
  id: number;
  institution_id: number;
  department_id: number;
  resource_id: number;
  practitioner_id: number | null;
  substituted_from: number | null;
  service_date: string;
  period: string;
  starts_at: Date;
  ends_at: Date;
  pool_kind: 'numbered' | 'timed';
  clinic_level: string | null;
  status: 'open' | 'suspended' | 'cancelled';
  capacity: number;
  next_seq: number;
  quotas: Record<string, number>;
  version: number;
}

/** the session, locked for the change that follows; 404 for another institution's session */
export async function lockOwnSession(db: Queryable, ctx: CallContext, sessionId: number): Promise<SessionRow> {
  const { rows } = await db.query<SessionRow>(
    `SELECT id, institution_id, department_id, resource_id, practitioner_id, substituted_from, to_char(service_date, 'YYYY-MM-DD') AS service_date,
       period, starts_at, ends_at, pool_kind, clinic_level, status, capacity, next_seq, quotas, version
     FROM sched_session WHERE id = $1 FOR UPDATE`, [sessionId]);
  const s = rows[0];
  if (!s || Number(s.institution_id) !== ctx.actor.institutionId) throw notFound('scheduling.session_unknown');
  return s;
}

/** a 409 whose message has placeholders (kernel's `conflict` carries extra members but no message params) */
export function conflictWith(code: string, key: string, params: Record<string, unknown>): AppError {
  return new AppError(409, code, key, params, [], params);
}
