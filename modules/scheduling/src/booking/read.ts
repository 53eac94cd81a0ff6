import type { Queryable, ScopedClient } from '@kangyun/kernel';
import { APPOINTMENT_VIEW_JOINS, APPOINTMENT_VIEW_SELECT, toView } from './appointment-view.js';
import type { AppointmentView } from './types.js';

export async function readAppointment(db: ScopedClient | Queryable, id: number): Promise<AppointmentView | null> {
  const { rows } = await db.query({
    name: 'scheduling.read-appointment',
    text: `SELECT ${APPOINTMENT_VIEW_SELECT} FROM appointment a ${APPOINTMENT_VIEW_JOINS} WHERE a.id = $1`,
    values: [id],
  });
  return rows[0] ? toView(rows[0]) : null;
}

/** a patient's appointments, newest first (the "my appointments" list and the booking desk) */
export async function listPatientAppointments(db: ScopedClient | Queryable, patientId: number, limit = 50): Promise<AppointmentView[]> {
  const { rows } = await db.query({
    name: 'scheduling.patient-appointments',
    text: `SELECT ${APPOINTMENT_VIEW_SELECT} FROM appointment a ${APPOINTMENT_VIEW_JOINS}
           WHERE a.patient_id = $1 ORDER BY a.starts_at DESC, a.id DESC LIMIT $2`,
    values: [patientId, limit],
  });
  return rows.map(toView);
}
