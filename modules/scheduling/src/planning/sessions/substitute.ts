import { conflict, fieldError, invalid, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { bookingNotice } from '../../booking/notices.js';
import { readAppointment } from '../../booking/read.js';
import { assertPractitioner, lockOwnSession } from '../scope.js';
import { assertInstitutionScope } from './visible.js';

export interface SubstitutionResult {
  sessionId: number;
  practitionerId: number;
  practitionerName: string;
  substitutedFrom: number | null;
  /** appointments whose patients were told (booked and checked-in) */
  notified: number[];
}

/**
 * 替诊: another doctor takes the session. The numbers and times stay; the session and its live
 * appointments move to the substitute (their queue and data scope follow), and every patient
 * with a booking is told who will see them, in the same transaction.
 */
export async function substitute(kernel: Kernel, ctx: CallContext, db: ScopedClient, sessionId: number, input: { practitionerId: number; reason: string }): Promise<SubstitutionResult> {
  assertInstitutionScope(ctx);
  const session = await lockOwnSession(db, ctx, sessionId);
  if (session.status !== 'open') throw conflict('session_not_open', session.status === 'suspended' ? 'scheduling.session_suspended' : 'scheduling.session_cancelled');
  if (session.ends_at.getTime() <= Date.now()) throw conflict('session_ended', 'scheduling.session_ended');
  if (session.practitioner_id !== null && Number(session.practitioner_id) === input.practitionerId) {
    throw invalid([fieldError('practitionerId', 'same', 'scheduling.same_practitioner')]);
  }
  const name = await assertPractitioner(db, ctx, input.practitionerId);
  // the doctor originally planned is remembered across successive substitutions; handing the
  // session back to them clears the mark
  const original = session.substituted_from ?? session.practitioner_id;
  const substitutedFrom = original !== null && Number(original) === input.practitionerId ? null : original;
  const { rows: updated } = await db.query<{ version: number }>(
    `UPDATE sched_session SET practitioner_id = $2, substituted_from = $3, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
    [sessionId, input.practitionerId, substitutedFrom]);
  const { rows } = await db.query<{ id: number; status: string }>(
    `UPDATE appointment SET practitioner_id = $2, version = version + 1, updated_at = now()
     WHERE session_id = $1 AND status IN ('held', 'booked', 'checked_in') RETURNING id, status`, [sessionId, input.practitionerId]);
  const notified: number[] = [];
  for (const a of rows.filter((r) => r.status !== 'held').sort((x, y) => x.id - y.id)) {
    const view = (await readAppointment(db, a.id))!;
    await bookingNotice(kernel, db, view, 'appointment.substituted', { substitute: name }, `appointment:${a.id}:substituted:${updated[0].version}`);
    notified.push(a.id);
  }
  await kernel.audit(db, ctx, {
    action: 'schedule.substitute', entityType: 'Schedule', entityId: sessionId,
    detail: { from: session.practitioner_id, to: input.practitionerId, reason: input.reason, notified: notified.length },
  });
  return { sessionId, practitionerId: input.practitionerId, practitionerName: name, substitutedFrom, notified };
}
