import type { Queryable } from '@kangyun/kernel';
import { HOSPITAL_TZ } from '../constants.js';

export interface CheckinCandidate {
  appointmentId: number;
  patientId: number;
  name: string;
  sex: string | null;
  age: number | null;
  seq: number;
  startsAt: string;
  status: string;
  kind: 'clinic' | 'exam';
  addOn: boolean;
  departmentName: string;
  resourceName: string;
  room: string | null;
  ticket: number | null;
  entryStatus: string | null;
  entryId: number | null;
}

/**
 * What a scanned code or typed text at the triage desk means: the booking slip's QR code
 * (…/m/checkin/<id>) or a bare appointment number.
 */
export function appointmentIdFrom(text: string): number | null {
  const url = /\/m\/(?:checkin|queue)\/(\d{1,15})(?:[/?#]|$)/.exec(text);
  if (url) return Number(url[1]);
  return /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** today's bookings of the institution that a desk may check in, by appointment number or part of the name */
export async function checkinCandidates(db: Queryable, institutionId: number, q: { text?: string; departmentId?: number }): Promise<CheckinCandidate[]> {
  const text = q.text?.trim() || null;
  const id = text ? appointmentIdFrom(text) : null;
  const { rows } = await db.query(
    `SELECT a.id AS "appointmentId", a.patient_id AS "patientId",
       CASE WHEN char_length(pt.name) <= 1 THEN pt.name WHEN char_length(pt.name) = 2 THEN left(pt.name, 1) || '*'
            ELSE left(pt.name, 1) || repeat('*', char_length(pt.name) - 2) || right(pt.name, 1) END AS name,
       pt.sex, date_part('year', age(pt.birth_date))::int AS age, a.seq, a.starts_at AS "startsAt", a.status, a.kind, a.add_on AS "addOn",
       d.name AS "departmentName", r.name AS "resourceName", COALESCE(s.room, r.room) AS room,
       e.ticket_no AS ticket, e.status AS "entryStatus", e.id AS "entryId"
     FROM appointment a
     JOIN sched_session s ON s.id = a.session_id
     JOIN sched_resource r ON r.id = a.resource_id
     JOIN org_unit d ON d.id = a.department_id
     LEFT JOIN patient pt ON pt.id = a.patient_id
     LEFT JOIN queue_entry e ON e.appointment_id = a.id AND e.status <> 'transferred'
     WHERE a.institution_id = $1 AND s.service_date = (now() AT TIME ZONE '${HOSPITAL_TZ}')::date
       AND a.status IN ('booked', 'checked_in', 'fulfilled')
       AND ($2::bigint IS NULL OR a.department_id = $2)
       AND (($3::text IS NULL AND $4::bigint IS NULL) OR a.id = $4 OR pt.name LIKE '%' || $3 || '%')
     ORDER BY a.starts_at, a.seq LIMIT 50`,
    [institutionId, q.departmentId ?? null, id !== null ? null : text, id]);
  return rows.map((r) => ({ ...r, startsAt: (r.startsAt as Date).toISOString() }));
}
