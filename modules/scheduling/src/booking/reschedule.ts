import { conflict, notFound, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import { bookSlot } from './book.js';
import { cancelAppointment } from './cancel.js';
import { bookingNotice } from './notices.js';
import type { AppointmentView } from './types.js';

/**
 * Moves a booking to another number in one transaction: the old number is released and the new one
 * claimed together, so if the new number cannot be had the patient keeps the booking they had.
 */
export async function rescheduleAppointment(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number,
  target: { sessionId: number; slotId?: number | null }, channel: Channel, idemOwner: string, selfService = false): Promise<AppointmentView> {
  const { rows } = await db.query('SELECT id, patient_id, status FROM appointment WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0]) throw notFound();
  if (rows[0].status !== 'booked') throw conflict('not_reschedulable', 'scheduling.not_cancellable', { appointmentStatus: rows[0].status });
  const patientId = Number(rows[0].patient_id);
  await cancelAppointment(kernel, ctx, db, id, { reason: '改约', channel, silent: true });
  const next = await bookSlot(kernel, ctx, db, { patientId, sessionId: target.sessionId, slotId: target.slotId ?? null, channel, replacing: id, quiet: true, selfService }, idemOwner);
  await db.query('UPDATE appointment SET rescheduled_from = $2 WHERE id = $1', [next.id, id]);
  await bookingNotice(kernel, db, next, 'appointment.rescheduled');
  return { ...next, rescheduledFrom: id };
}
