import { conflict, fieldError, invalid, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { loadBookingFacts, checkBookingRules } from './patient-facts.js';
import { nextOptions } from './alternatives.js';
import { readAppointment } from './read.js';
import { APPOINTMENT_OWN_COLUMNS, viewFromFacts } from './appointment-view.js';
import { bookingNotice } from './notices.js';
import type { AppointmentView, BookingRequest } from './types.js';

/** advisory-lock class of per-patient booking locks */
export const PATIENT_LOCK = 7411;

/**
 * scope options of a booking transaction: the patient's booking lock with the first statement, and
 * generic plans (planning the facts statement under row-level security costs several times running it),
 * and the audit row and booking notice sent with the COMMIT
 */
export const bookingLocks = (patientId: number) => ({ advisoryLocks: [[PATIENT_LOCK, patientId]] as [number, number][], genericPlans: true, appendWithCommit: true });

/** serialises one patient's bookings until the transaction ends (limits and idempotency depend on it) */
export async function lockPatient(db: ScopedClient, patientId: number): Promise<void> {
  await db.query({ name: 'scheduling.lock-patient', text: 'SELECT pg_advisory_xact_lock($1, $2::int)', values: [PATIENT_LOCK, patientId] });
}

/** the caller an idempotency key belongs to: keys of different callers never collide */
export function idempotencyOwner(ctx: CallContext | null, portalPatientId?: number): string {
  if (portalPatientId) return `patient:${portalPatientId}`;
  if (!ctx) return 'system';
  return ctx.actor.clientId ? `client:${ctx.actor.clientId}` : `account:${ctx.actor.accountId}`;
}

/**
 * Books (or holds) one number of a numbered session in the caller's transaction: the patient's
 * bookings are serialised by an advisory lock so per-patient limits hold under concurrency, and
 * the number is claimed with one UPDATE … SKIP LOCKED, so concurrent callers for the last
 * numbers each get a different one or none. A unique index on live appointments per number is the
 * database's own guarantee that no number is ever sold twice.
 */
export async function bookSlot(kernel: Kernel, ctx: CallContext | null, db: ScopedClient, req: BookingRequest, idemOwner: string): Promise<AppointmentView> {
  // The patient's lock comes first so the facts below (their other bookings, an earlier attempt
  // with the same idempotency key) are read after any concurrent booking of theirs committed.
  // Callers that book on the request path take it with the scope (bookingLocks), saving a round trip.
  if (!req.lockHeld) await lockPatient(db, req.patientId);
  const { session, patient, existing } = await loadBookingFacts(db, req, idemOwner);
  if (existing) {
    if (existing.patientId !== req.patientId) throw conflict('idempotency_key_reused', 'scheduling.idempotency_key_reused');
    const view = await readAppointment(db, existing.id);
    return { ...view!, replayed: true };
  }
  if (session.poolKind !== 'numbered') throw invalid([fieldError('sessionId', 'timed', 'scheduling.session_is_timed')]);
  await checkBookingRules(db, ctx, req, session, patient);
  const status = req.status ?? 'booked';
  const holdUntil = status === 'held' ? new Date(Date.now() + session.rule.holdMinutes * 60_000) : null;
  const actor = ctx?.actor ?? null;
  const { rows } = await db.query({
    name: 'scheduling.claim-number',
    text: `WITH pick AS (
         SELECT id FROM sched_slot
         WHERE session_id = $1 AND status = 'free' AND ($2::bigint IS NULL OR id = $2)
           AND (channel IS NULL OR channel = $3)
           AND (reserved_for IS NULL OR reserved_until <= now() OR reserved_for = $4)
           AND ends_at > now()
         ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE sched_slot t SET status = $5, hold_expires_at = $6, appointment_id = nextval(pg_get_serial_sequence('appointment', 'id'))
         FROM pick WHERE t.id = pick.id RETURNING t.*),
       a AS (INSERT INTO appointment (id, institution_id, department_id, resource_id, session_id, slot_id, practitioner_id, patient_id, kind,
         seq, starts_at, ends_at, channel, status, hold_expires_at, idem_owner, idem_key, booked_by, booked_by_client,
         referred_by_institution_id, rescheduled_from, note)
       SELECT c.appointment_id, $7, $8, $9, c.session_id, c.id, $10, $11, 'clinic', c.seq, c.starts_at, c.ends_at, $3, $5, $6,
         $12, $13, $14, $15, $16, $17, $18
       FROM claimed c RETURNING *)
       SELECT ${APPOINTMENT_OWN_COLUMNS} FROM a`,
    values: [req.sessionId, req.slotId ?? null, req.channel, req.reservation ?? null, status, holdUntil,
      session.institutionId, session.departmentId, session.resourceId, session.practitionerId, req.patientId,
      req.idempotencyKey ? idemOwner : null, req.idempotencyKey ?? null, actor?.accountId ?? null, actor?.clientId ?? null,
      req.channel === 'referral' && actor && actor.institutionId !== session.institutionId ? actor.institutionId : null,
      req.replacing ?? null, req.note ?? null],
  });
  if (!rows[0]) {
    const options = await nextOptions(db, session, req.channel, req.slotId ?? null);
    throw conflict('slot_unavailable', req.slotId ? 'scheduling.number_taken' : 'scheduling.session_full', { options });
  }
  const view = viewFromFacts(rows[0], session, patient);
  if (ctx) {
    await kernel.audit(db, ctx, { action: status === 'held' ? 'appointment.hold' : 'appointment.book', entityType: 'Appointment', entityId: view.id, patientId: req.patientId, detail: { sessionId: req.sessionId, seq: view.seq, channel: req.channel } });
  }
  if (status === 'booked' && !req.quiet) await bookingNotice(kernel, db, view, 'appointment.booked', {}, undefined, patient.mobileEnc);
  return view;
}

/**
 * a retry that raced its own first attempt (different patient lock is impossible: same patient, so
 * this only happens when the first attempt ran on a connection without the lock, e.g. inside a
 * larger transaction): the unique idempotency index refused the second insert
 */
export function isIdempotencyRace(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'appointment_idempotency';
}
