import type { Queryable } from '@kangyun/kernel';
import { HOSPITAL_TZ } from '../constants.js';

/**
 * What check-in needs to know about a booking, read from the scheduling module's tables
 * (appointment, sched_session, sched_resource) with plain SQL: modules never call each other.
 * Row-level security on appointment decides whether the caller may see it at all.
 */
export interface AppointmentFacts {
  id: number;
  institutionId: number;
  departmentId: number;
  departmentName: string;
  resourceId: number;
  resourceName: string;
  sessionId: number;
  kind: 'clinic' | 'exam';
  practitionerId: number | null;
  patientId: number;
  seq: number;
  startsAt: Date;
  endsAt: Date;
  status: string;
  addOn: boolean;
  serviceDate: string;
  /** the hospital's local date today */
  today: string;
  sessionStatus: string;
  sessionStartsAt: Date;
  sessionEndsAt: Date;
  room: string | null;
  modality: string | null;
  clinicLevel: string | null;
  /** booking order as a sort key (numeric text) */
  naturalKey: string;
}

export async function loadAppointmentFacts(db: Queryable, appointmentId: number, lock: boolean): Promise<AppointmentFacts | null> {
  const { rows } = await db.query({
    name: lock ? 'queue.appointment-facts.lock' : 'queue.appointment-facts',
    text: `SELECT a.id, a.institution_id AS "institutionId", a.department_id AS "departmentId", d.name AS "departmentName",
             a.resource_id AS "resourceId", r.name AS "resourceName", a.session_id AS "sessionId", a.kind,
             COALESCE(a.practitioner_id, s.practitioner_id, r.practitioner_id) AS "practitionerId", a.patient_id AS "patientId",
             a.seq, a.starts_at AS "startsAt", a.ends_at AS "endsAt", a.status, a.add_on AS "addOn",
             to_char(s.service_date, 'YYYY-MM-DD') AS "serviceDate", to_char((now() AT TIME ZONE '${HOSPITAL_TZ}')::date, 'YYYY-MM-DD') AS today,
             s.status AS "sessionStatus", s.starts_at AS "sessionStartsAt", s.ends_at AS "sessionEndsAt",
             COALESCE(s.room, r.room) AS room, r.modality, COALESCE(s.clinic_level, r.clinic_level) AS "clinicLevel",
             (extract(epoch FROM a.starts_at)::numeric + a.seq::numeric / 10000)::text AS "naturalKey"
           FROM appointment a
           JOIN sched_session s ON s.id = a.session_id
           JOIN sched_resource r ON r.id = a.resource_id
           JOIN org_unit d ON d.id = a.department_id
           WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
    values: [appointmentId],
  });
  return (rows[0] as AppointmentFacts | undefined) ?? null;
}
