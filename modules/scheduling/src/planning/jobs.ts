import { withTransaction, writeAudit, type Kernel } from '@kangyun/kernel';
import { bookingNotice } from '../booking/notices.js';
import { readAppointment } from '../booking/read.js';
import { localInstant } from '../rules/session-window.js';
import { addDays, localToday } from './dates.js';

/** advisory-lock keys (class 7412 = scheduling jobs): one node runs each job at a time */
const LOCK_CLASS = 7412;
const REMINDER_LOCK = 1;
const NOSHOW_LOCK = 2;

export const JOB_INTERVAL_MS = 5 * 60_000;
/** reminders go out in the daytime only; a booking made late in the evening has its confirmation */
export const REMINDER_HOURS = { from: 8, to: 21 };
/** a booked patient not checked in this long after the session's end is a no-show (爽约) */
export const NOSHOW_GRACE_MINUTES = 30;
const BATCH = 500;
const MAX_BATCHES = 20;

export const reminderKey = (appointmentId: number) => `appointment:${appointmentId}:reminder`;

/**
 * 就诊提醒: queues the day-before reminder of every appointment booked for tomorrow. The dedupe
 * key makes re-runs harmless (the outbox skips a key it already holds) and rows already queued are
 * not even read again; a reminder still waiting for delivery whose appointment was cancelled
 * meanwhile is withdrawn. Returns null when another node holds the job.
 */
export async function queueDayBeforeReminders(kernel: Kernel, opts: { now?: Date } = {}): Promise<{ queued: number; withdrawn: number } | null> {
  const now = opts.now ?? new Date();
  const hour = Number(now.toLocaleString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }));
  if (hour < REMINDER_HOURS.from || hour >= REMINDER_HOURS.to) return { queued: 0, withdrawn: 0 };
  const tomorrow = addDays(localToday(now), 1);
  const from = localInstant(tomorrow, '00:00');
  const to = localInstant(addDays(tomorrow, 1), '00:00');
  return withTransaction(kernel.pool, async (db) => {
    const { rows: lock } = await db.query('SELECT pg_try_advisory_xact_lock($1, $2) AS ok', [LOCK_CLASS, REMINDER_LOCK]);
    if (!lock[0].ok) return null;
    let queued = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const { rows } = await db.query<{ id: number }>(
        `SELECT a.id FROM appointment a
         WHERE a.status = 'booked' AND a.starts_at >= $1 AND a.starts_at < $2
           AND NOT EXISTS (SELECT 1 FROM notification_outbox o WHERE o.dedupe_key = 'appointment:' || a.id || ':reminder' AND o.channel = 'inapp')
         ORDER BY a.starts_at, a.id LIMIT $3`, [from, to, BATCH]);
      for (const r of rows) {
        const view = await readAppointment(db, r.id);
        if (view) await bookingNotice(kernel, db, view, 'appointment.reminder', {}, reminderKey(r.id));
      }
      queued += rows.length;
      if (rows.length < BATCH) break;
    }
    const { rows: stale } = await db.query(
      `SELECT coalesce(notification_cancel(array_agg(DISTINCT o.dedupe_key)), 0) AS n
       FROM notification_outbox o JOIN appointment a ON a.id = (o.params->>'appointmentId')::bigint
       WHERE o.kind = 'appointment.reminder' AND o.status = 'pending' AND a.status <> 'booked'`);
    return { queued, withdrawn: stale[0].n };
  });
}

/**
 * 爽约: booked appointments whose session ended more than `graceMinutes` ago without a check-in
 * become no-shows (they count toward the no-show block of the booking rules). One statement per
 * run, audited per appointment as the system's doing.
 */
export async function markNoShows(kernel: Kernel, opts: { now?: Date; graceMinutes?: number } = {}): Promise<number | null> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - (opts.graceMinutes ?? NOSHOW_GRACE_MINUTES) * 60_000);
  return withTransaction(kernel.pool, async (db) => {
    const { rows: lock } = await db.query('SELECT pg_try_advisory_xact_lock($1, $2) AS ok', [LOCK_CLASS, NOSHOW_LOCK]);
    if (!lock[0].ok) return null;
    const { rows } = await db.query<{ id: number; patient_id: number; institution_id: number; session_id: number }>(
      `UPDATE appointment a SET status = 'noshow', version = a.version + 1, updated_at = now()
       FROM sched_session s
       WHERE s.id = a.session_id AND a.status = 'booked' AND a.starts_at < $1 AND s.ends_at < $1
       RETURNING a.id, a.patient_id, a.institution_id, a.session_id`, [cutoff]);
    const byInstitution = new Map<number, typeof rows>();
    for (const r of rows) byInstitution.set(r.institution_id, [...(byInstitution.get(r.institution_id) ?? []), r]);
    for (const [institutionId, list] of byInstitution) {
      await writeAudit(db, { actorName: 'system:scheduling-noshow', institutionId }, list.map((r) => ({
        action: 'appointment.noshow', entityType: 'Appointment', entityId: r.id, patientId: r.patient_id, detail: { sessionId: r.session_id },
      })));
    }
    return rows.length;
  });
}

export function startPlanningJobs(kernel: Kernel): void {
  kernel.jobs.every('scheduling-reminders', JOB_INTERVAL_MS, () => queueDayBeforeReminders(kernel));
  kernel.jobs.every('scheduling-noshow', JOB_INTERVAL_MS, () => markNoShows(kernel));
}
