import { AppError, conflict, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import { bookSlot, idempotencyOwner } from './book.js';
import { bookingNotice } from './notices.js';

/** joins the waiting list (候补) of a session; only full sessions take waiting patients */
export async function joinWaitlist(kernel: Kernel, ctx: CallContext, db: ScopedClient, sessionId: number, patientId: number, channel: Channel): Promise<{ id: number; position: number }> {
  const { rows: free } = await db.query(
    `SELECT s.institution_id, s.department_id, count(sl.id) FILTER (WHERE sl.status = 'free' AND (sl.channel IS NULL OR sl.channel = $2) AND sl.reserved_for IS NULL)::int AS free
     FROM sched_session s LEFT JOIN sched_slot sl ON sl.session_id = s.id WHERE s.id = $1 GROUP BY s.id`, [sessionId, channel]);
  if (!free[0]) throw conflict('session_unknown', 'scheduling.session_unknown');
  if (free[0].free > 0) throw conflict('session_not_full', 'scheduling.session_not_full');
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO sched_waitlist (session_id, institution_id, department_id, patient_id, channel, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (session_id, patient_id) WHERE status = 'waiting' DO NOTHING RETURNING id`,
    [sessionId, free[0].institution_id, free[0].department_id, patientId, channel, ctx.actor.accountId]);
  if (!inserted.rows[0]) throw conflict('already_waiting', 'scheduling.already_waiting');
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM sched_waitlist WHERE session_id = $1 AND status = 'waiting' AND id <= $2`, [sessionId, inserted.rows[0].id]);
  await kernel.audit(db, ctx, { action: 'appointment.waitlist', entityType: 'Schedule', entityId: sessionId, patientId });
  return { id: inserted.rows[0].id, position: rows[0].n };
}

/**
 * Gives a freed number to the waiting list in order. A waiting patient who can no longer book it
 * (limits, age, …) is skipped and stays waiting; each attempt runs under a savepoint so a refusal
 * leaves the cancellation intact.
 */
export async function fillFromWaitlist(kernel: Kernel, ctx: CallContext, db: ScopedClient, sessionId: number, slotId: number): Promise<number | null> {
  const { rows } = await db.query(
    `SELECT id, patient_id, channel FROM sched_waitlist WHERE session_id = $1 AND status = 'waiting' ORDER BY id FOR UPDATE SKIP LOCKED`, [sessionId]);
  for (const w of rows) {
    await db.query('SAVEPOINT waitlist_try');
    try {
      const appt = await bookSlot(kernel, ctx, db, { patientId: Number(w.patient_id), sessionId, slotId, channel: w.channel, reservation: null, selfService: true, quiet: true }, idempotencyOwner(ctx));
      await db.query(`UPDATE sched_waitlist SET status = 'booked', appointment_id = $2 WHERE id = $1`, [w.id, appt.id]);
      await db.query('RELEASE SAVEPOINT waitlist_try');
      await bookingNotice(kernel, db, appt, 'appointment.waitlist_booked');
      return appt.id;
    } catch (err) {
      await db.query('ROLLBACK TO SAVEPOINT waitlist_try');
      if (!(err instanceof AppError)) throw err;
    }
  }
  return null;
}
