import { AppError, conflict, fieldError, invalid, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import { nextOptions } from '../booking/alternatives.js';
import { readAppointment } from '../booking/read.js';
import { bookingNotice } from '../booking/notices.js';
import { withAlternatives } from './alternatives.js';
import { fhirStatus } from './appointment-map.js';

const notFound = (id: number) => new AppError(404, 'not_found', 'fhir.resource_not_found', { type: 'Appointment', id });

export type StoredOutcome = { id: number; changed: boolean };

/**
 * $hold or $book of an appointment that exists already: a hold (锁号) of this caller is confirmed
 * by $book (held → booked, the same number) while it has not expired; $hold of one's own live hold
 * and $book of one's own booking answer it again, so a retry is harmless. Anyone else's hold, an
 * expired hold or a finished appointment is a 409 with the numbers still free.
 */
export async function holdOrConfirmStored(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number, patientId: number | null, op: 'hold' | 'book', channel: Channel): Promise<StoredOutcome> {
  const { rows } = await db.query({
    name: 'scheduling.fhir.lock-appointment',
    text: `SELECT a.id, a.status, a.patient_id, a.slot_id, a.session_id, a.department_id, a.resource_id, a.booked_by, a.booked_by_client,
             a.hold_expires_at, s.starts_at AS session_starts_at
           FROM appointment a JOIN sched_session s ON s.id = a.session_id WHERE a.id = $1 FOR UPDATE OF a`,
    values: [id],
  });
  const row = rows[0];
  if (!row) throw notFound(id);
  if (patientId !== null && patientId !== Number(row.patient_id)) throw invalid([fieldError('Appointment.participant.actor', 'mismatch', 'scheduling.fhir.patient_mismatch')]);
  const mine = ctx.actor.clientId ? row.booked_by_client === ctx.actor.clientId : Number(row.booked_by) === ctx.actor.accountId;
  const holdLive = row.status === 'held' && (row.hold_expires_at as Date).getTime() > Date.now();
  const refuse = async (err: AppError) => {
    const options = await nextOptions(db, { id: Number(row.session_id), departmentId: Number(row.department_id), resourceId: Number(row.resource_id), startsAt: row.session_starts_at }, channel, Number(row.slot_id));
    return withAlternatives(err, options, Number(row.patient_id), ctx.request.lang);
  };
  if (holdLive) {
    if (!mine) throw await refuse(conflict('hold_not_yours', 'scheduling.fhir.hold_not_yours'));
    if (op === 'hold') return { id, changed: false };
  } else {
    if (row.status === 'booked' && mine && op === 'book') return { id, changed: false };
    if (row.status === 'held' || row.status === 'expired') throw await refuse(conflict('hold_expired', 'scheduling.fhir.hold_expired'));
    const status = fhirStatus({ status: row.status, holdExpiresAt: row.hold_expires_at });
    throw await refuse(new AppError(409, 'not_bookable', 'scheduling.fhir.not_bookable', { status }));
  }
  await db.query({
    name: 'scheduling.fhir.confirm-hold',
    text: `UPDATE appointment SET status = 'booked', hold_expires_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
    values: [id],
  });
  await db.query({
    name: 'scheduling.fhir.confirm-hold-slot',
    text: `UPDATE sched_slot SET status = 'booked', hold_expires_at = NULL WHERE id = $1 AND appointment_id = $2`,
    values: [row.slot_id, id],
  });
  await kernel.audit(db, ctx, { action: 'appointment.book', entityType: 'Appointment', entityId: id, patientId: Number(row.patient_id), detail: { confirmedHold: true, channel } });
  await bookingNotice(kernel, db, (await readAppointment(db, id))!, 'appointment.booked');
  return { id, changed: true };
}
