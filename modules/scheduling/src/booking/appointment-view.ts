import type { AppointmentView } from './types.js';
import type { PatientFacts, SessionFacts } from './patient-facts.js';

/**
 * SELECT list and joins giving an AppointmentView row for appointment `a`; the patient name is
 * masked here (张*三) because lists show it to every desk.
 */
export const MASKED_PATIENT_NAME = `CASE WHEN char_length(pt.name) <= 1 THEN pt.name WHEN char_length(pt.name) = 2 THEN left(pt.name, 1) || '*'
       ELSE left(pt.name, 1) || repeat('*', char_length(pt.name) - 2) || right(pt.name, 1) END`;

export const APPOINTMENT_VIEW_SELECT = `
  a.id, a.status, a.kind, a.patient_id AS "patientId",
  ${MASKED_PATIENT_NAME} AS "patientName",
  a.session_id AS "sessionId", a.slot_id AS "slotId", a.seq,
  a.starts_at AS "startsAt", a.ends_at AS "endsAt", to_char(s.service_date, 'YYYY-MM-DD') AS "serviceDate", s.period,
  a.channel, a.institution_id AS "institutionId", i.name AS "institutionName",
  a.department_id AS "departmentId", d.name AS "departmentName", a.resource_id AS "resourceId", r.name AS "resourceName",
  a.practitioner_id AS "practitionerId", pr.display_name AS "practitionerName", s.clinic_level AS "clinicLevel",
  s.room, s.fee::float8 AS fee, a.exam_item_id AS "examItemId", a.hold_expires_at AS "holdExpiresAt", a.add_on AS "addOn",
  a.cancel_reason AS "cancelReason", a.rescheduled_from AS "rescheduledFrom", a.created_at AS "createdAt", a.version`;

export const APPOINTMENT_VIEW_JOINS = `
  JOIN sched_session s ON s.id = a.session_id
  JOIN sched_resource r ON r.id = a.resource_id
  JOIN org_unit i ON i.id = a.institution_id
  JOIN org_unit d ON d.id = a.department_id
  LEFT JOIN patient pt ON pt.id = a.patient_id
  LEFT JOIN account pr ON pr.id = a.practitioner_id`;

/** the appointment's own columns under their AppointmentView names (what a booking statement returns) */
export const APPOINTMENT_OWN_COLUMNS = `a.id, a.status, a.kind, a.patient_id AS "patientId", a.session_id AS "sessionId", a.slot_id AS "slotId", a.seq,
  a.starts_at AS "startsAt", a.ends_at AS "endsAt", a.channel, a.institution_id AS "institutionId", a.department_id AS "departmentId",
  a.resource_id AS "resourceId", a.practitioner_id AS "practitionerId", a.exam_item_id AS "examItemId", a.hold_expires_at AS "holdExpiresAt",
  a.add_on AS "addOn", a.cancel_reason AS "cancelReason", a.rescheduled_from AS "rescheduledFrom", a.created_at AS "createdAt", a.version`;

/** an AppointmentView from the appointment's own columns and what the booking facts read of its session and patient */
export function viewFromFacts(row: Record<string, unknown>, session: SessionFacts, patient: PatientFacts): AppointmentView {
  return toView({
    ...row, patientName: patient.maskedName, serviceDate: session.serviceDate, period: session.period,
    institutionName: session.institutionName, departmentName: session.departmentName, resourceName: session.resourceName,
    practitionerName: session.practitionerName, clinicLevel: session.clinicLevel, room: session.room, fee: session.fee,
  });
}

export function toView(row: Record<string, unknown>): AppointmentView {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null));
  return {
    ...(row as unknown as AppointmentView),
    startsAt: iso(row.startsAt)!,
    endsAt: iso(row.endsAt)!,
    holdExpiresAt: iso(row.holdExpiresAt),
    createdAt: iso(row.createdAt)!,
  };
}
