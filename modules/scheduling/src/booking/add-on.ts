import { conflict, forbidden, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import { loadBookingFacts, checkBookingRules } from './patient-facts.js';
import { readAppointment } from './read.js';
import { lockPatient } from './book.js';
import { bookingNotice } from './notices.js';
import type { AppointmentView } from './types.js';

/**
 * 加号: a number beyond the pool, only as the institution's add-on policy allows (doctors, or
 * doctors and the desk) and up to its maximum per session. The number continues the session's
 * numbering, taken from the session row under its lock so two add-ons never share a number.
 */
export async function addOnNumber(kernel: Kernel, ctx: CallContext, db: ScopedClient, sessionId: number, patientId: number, channel: Channel): Promise<AppointmentView> {
  await lockPatient(db, patientId);
  const { session, patient } = await loadBookingFacts(db, { sessionId, patientId, channel });
  const policy = session.rule.addOnPolicy;
  const allowed = policy === 'doctor' ? channel === 'doctor' : policy === 'doctor_and_desk' ? channel === 'doctor' || channel === 'window' : false;
  if (!allowed) throw forbidden('scheduling.addon_not_allowed');
  await checkBookingRules(db, ctx, { sessionId, patientId, channel, reservation: 'followup' }, { ...session, closesAt: session.endsAt }, patient);
  const { rows: s } = await db.query(
    `UPDATE sched_session SET next_seq = next_seq + 1, updated_at = now() WHERE id = $1
     RETURNING next_seq - 1 AS seq, (SELECT count(*)::int FROM sched_slot WHERE session_id = $1 AND add_on AND status = 'booked') AS used`, [sessionId]);
  if (s[0].used >= session.rule.addOnMax) throw conflict('addon_limit', 'scheduling.addon_limit', { limit: session.rule.addOnMax });
  const { rows } = await db.query(
    `WITH slot AS (
       INSERT INTO sched_slot (session_id, seq, starts_at, ends_at, status, add_on, appointment_id)
       VALUES ($1, $2, GREATEST($3::timestamptz - interval '30 minutes', $4::timestamptz), $3, 'booked', true, nextval(pg_get_serial_sequence('appointment', 'id')))
       RETURNING *)
     INSERT INTO appointment (id, institution_id, department_id, resource_id, session_id, slot_id, practitioner_id, patient_id, kind,
       seq, starts_at, ends_at, channel, status, add_on, booked_by)
     SELECT slot.appointment_id, $5, $6, $7, $1, slot.id, $8, $9, 'clinic', slot.seq, slot.starts_at, slot.ends_at, $10, 'booked', true, $11
     FROM slot RETURNING id`,
    [sessionId, s[0].seq, session.endsAt, session.startsAt, session.institutionId, session.departmentId, session.resourceId, session.practitionerId, patientId, channel, ctx.actor.accountId]);
  const view = (await readAppointment(db, rows[0].id))!;
  await kernel.audit(db, ctx, { action: 'appointment.addon', entityType: 'Appointment', entityId: view.id, patientId, detail: { sessionId, seq: view.seq } });
  await bookingNotice(kernel, db, view, 'appointment.booked');
  return view;
}
