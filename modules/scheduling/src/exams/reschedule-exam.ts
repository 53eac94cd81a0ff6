import { conflict, notFound, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import { cancelAppointment } from '../booking/cancel.js';
import { bookExam } from './book-exam.js';
import { readExamAppointment, type ExamAppointmentView } from './exam-view.js';
import { examNotice } from './notice.js';
import type { PatientClass } from './types.js';
import { lockPatient } from '../booking/book.js';

/**
 * Moves an exam booking to another time or session in one transaction: the old time is released and
 * the new one taken together, so if the new time cannot be had the patient keeps the booking they had.
 * The same items move together (a same-visit appointment stays one appointment).
 */
export async function rescheduleExam(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number,
  target: { sessionId: number; startsAt?: Date | null; patientClass?: PatientClass }, channel: Channel, idemOwner: string): Promise<ExamAppointmentView> {
  const current = await readExamAppointment(db, id);
  if (!current) throw notFound();
  // the patient's lock first, as every booking takes it, then the row
  await lockPatient(db, current.patientId);
  const { rows } = await db.query('SELECT status FROM appointment WHERE id = $1 FOR UPDATE', [id]);
  if (rows[0]?.status !== 'booked') throw conflict('not_reschedulable', 'scheduling.not_cancellable', { appointmentStatus: rows[0]?.status ?? null });
  await cancelAppointment(kernel, ctx, db, id, { reason: '改约', channel, silent: true });
  const next = await bookExam(kernel, ctx, db, {
    patientId: current.patientId, sessionId: target.sessionId, startsAt: target.startsAt ?? null, examItemIds: current.examItems.map((i) => i.id),
    channel, patientClass: target.patientClass, orderRef: current.orderRef, replacing: id, quiet: true,
  }, idemOwner);
  await db.query('UPDATE appointment SET rescheduled_from = $2 WHERE id = $1', [next.id, id]);
  const view = { ...next, rescheduledFrom: id };
  await examNotice(kernel, db, view, 'appointment.rescheduled');
  return view;
}

/** a held exam (FHIR $hold) becomes a booking, if its hold has not lapsed */
export async function confirmHeldExam(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number): Promise<ExamAppointmentView> {
  const { rows } = await db.query(`SELECT status, hold_expires_at, patient_id, kind FROM appointment WHERE id = $1 FOR UPDATE`, [id]);
  const row = rows[0];
  if (!row) throw notFound();
  if (row.kind !== 'exam') throw conflict('not_exam', 'scheduling.exam_not_exam');
  if (row.status !== 'held') throw conflict('not_held', 'scheduling.exam_not_held', { appointmentStatus: row.status });
  if ((row.hold_expires_at as Date).getTime() < Date.now()) throw conflict('hold_expired', 'scheduling.exam_hold_expired');
  await db.query(`UPDATE appointment SET status = 'booked', hold_expires_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [id]);
  const view = (await readExamAppointment(db, id))!;
  await kernel.audit(db, ctx, { action: 'appointment.book', entityType: 'Appointment', entityId: id, patientId: view.patientId, detail: { confirmedHold: true } });
  await examNotice(kernel, db, view, 'appointment.booked');
  return view;
}
