import { conflict, notFound, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { EFFECTIVE_RULE_SELECT, effectiveRuleJoins, ruleFromRow } from '../rules/booking-rule.js';
import type { Channel } from '../constants.js';
import { readAppointment } from './read.js';
import { bookingNotice } from './notices.js';
import { fillFromWaitlist } from './waitlist.js';
import type { AppointmentView } from './types.js';

export interface CancelOptions {
  reason: string;
  /** the channel asking; patients' own channels must respect the cancellation deadline */
  channel: Channel;
  /** rescheduling cancels the old booking without a separate notice */
  silent?: boolean;
  /** a session being suspended cancels regardless of deadlines */
  force?: boolean;
  expectedVersion?: number;
}

/**
 * Cancels a held or booked appointment and frees its number in one transaction; the freed number
 * goes to the first patient on the session's waiting list (候补), if any, before anyone else can take it.
 */
export async function cancelAppointment(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number, opts: CancelOptions): Promise<AppointmentView> {
  const { rows } = await db.query(
    `SELECT a.id, a.status, a.slot_id, a.session_id, a.patient_id, a.starts_at, a.add_on, a.version, a.kind, ${EFFECTIVE_RULE_SELECT}
     FROM appointment a ${effectiveRuleJoins('a.institution_id', 'a.department_id')} WHERE a.id = $1 FOR UPDATE OF a`, [id]);
  const row = rows[0];
  if (!row) throw notFound();
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) throw conflict('version_conflict', 'error.version_conflict');
  if (row.status !== 'booked' && row.status !== 'held') throw conflict('not_cancellable', 'scheduling.not_cancellable', { appointmentStatus: row.status });
  const rule = ruleFromRow(row);
  const patientChannel = opts.channel !== 'window' && opts.channel !== 'doctor';
  if (!opts.force && patientChannel && row.status === 'booked' && Date.now() > (row.starts_at as Date).getTime() - rule.cancelDeadlineMinutes * 60_000) {
    throw conflict('cancel_deadline_passed', 'scheduling.cancel_deadline_passed', { minutes: rule.cancelDeadlineMinutes });
  }
  await db.query(
    `UPDATE appointment SET status = 'cancelled', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3, version = version + 1, updated_at = now()
     WHERE id = $1`, [id, ctx.actor.accountId, opts.reason]);
  if (row.slot_id) {
    // an add-on number (加号) disappears with its booking; a pool number becomes free again
    await db.query(
      `UPDATE sched_slot SET status = CASE WHEN add_on THEN 'blocked' ELSE 'free' END, appointment_id = NULL, hold_expires_at = NULL
       WHERE id = $1 AND appointment_id = $2`, [row.slot_id, id]);
  }
  const view = (await readAppointment(db, id))!;
  await kernel.audit(db, ctx, { action: 'appointment.cancel', entityType: 'Appointment', entityId: id, patientId: Number(row.patient_id), detail: { reason: opts.reason, channel: opts.channel } });
  if (!opts.silent && row.status === 'booked') await bookingNotice(kernel, db, view, 'appointment.cancelled');
  if (row.slot_id && !row.add_on) await fillFromWaitlist(kernel, ctx, db, Number(row.session_id), Number(row.slot_id));
  return view;
}
