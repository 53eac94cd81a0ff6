import type { ScopedClient } from '@kangyun/kernel';
import { HOSPITAL_TZ } from '../constants.js';
import { APPOINTMENT_VIEW_JOINS, APPOINTMENT_VIEW_SELECT, toView } from './appointment-view.js';
import type { AppointmentView } from './types.js';
import { preparedByShape } from '../prepared.js';

export interface AppointmentQuery {
  patientId?: number;
  date?: string;
  from?: string;
  to?: string;
  departmentId?: number;
  practitionerId?: number;
  sessionId?: number;
  status?: string;
  channel?: string;
}

/**
 * staff appointment search; row-level security limits it to the caller's scope. Run it with generic
 * plans (ScopeOptions.genericPlans): each filter shape is planned once per connection.
 */
export async function searchAppointments(db: ScopedClient, q: AppointmentQuery, limit: number, offset: number): Promise<{ items: AppointmentView[]; total: number }> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (sql: string, v: unknown) => { values.push(v); where.push(sql.replace('?', `$${values.length}`)); };
  if (q.patientId) add('a.patient_id = ?', q.patientId);
  if (q.sessionId) add('a.session_id = ?', q.sessionId);
  if (q.departmentId) add('a.department_id = ?', q.departmentId);
  if (q.practitionerId) add('a.practitioner_id = ?', q.practitionerId);
  if (q.status) add('a.status = ?', q.status);
  if (q.channel) add('a.channel = ?', q.channel);
  const from = q.date ?? q.from;
  const to = q.date ?? q.to;
  if (from) add(`a.starts_at >= (?::date)::timestamp AT TIME ZONE '${HOSPITAL_TZ}'`, from);
  if (to) add(`a.starts_at < ((?::date) + 1)::timestamp AT TIME ZONE '${HOSPITAL_TZ}'`, to);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  values.push(limit, offset);
  const { rows } = await db.query(preparedByShape('scheduling.search',
    `SELECT ${APPOINTMENT_VIEW_SELECT}, count(*) OVER () AS total FROM appointment a ${APPOINTMENT_VIEW_JOINS}
     ${clause} ORDER BY a.starts_at DESC, a.seq LIMIT $${values.length - 1} OFFSET $${values.length}`, values));
  const total = rows[0] ? Number(rows[0].total) : 0;
  return { items: rows.map(({ total: _t, ...r }) => toView(r)), total };
}
