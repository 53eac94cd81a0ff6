import { AppError, conflict, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import type { Channel } from '../../constants.js';
import { bookSlot, idempotencyOwner } from '../../booking/book.js';
import { cancelAppointment } from '../../booking/cancel.js';
import { nextOptions } from '../../booking/alternatives.js';
import { bookingNotice } from '../../booking/notices.js';
import { readAppointment } from '../../booking/read.js';
import type { AppointmentView, BookingOption } from '../../booking/types.js';
import { localTime } from '../dates.js';
import { lockOwnSession, type SessionRow } from '../scope.js';
import { assertInstitutionScope } from './visible.js';

export type SuspendAction = 'move' | 'cancel';

export interface SuspensionOutcome {
  appointmentId: number;
  seq: number;
  patientId: number;
  patientName: string;
  /** moved: rebooked onto `moved`; cancelled: cancelled and offered `options`; kept: already checked in, left to the desk */
  outcome: 'moved' | 'cancelled' | 'kept';
  moved?: { appointmentId: number; sessionId: number; seq: number; startsAt: string; serviceDate: string; practitionerName: string | null; resourceName: string };
  options?: BookingOption[];
}

export interface SuspensionResult {
  sessionId: number;
  status: 'suspended';
  moved: number;
  cancelled: number;
  kept: number;
  waitlistLapsed: number;
  outcomes: SuspensionOutcome[];
}

const PERIOD_ZH: Record<string, string> = { am: '上午', pm: '下午', night: '夜间', day: '全天' };
const MAX_TRIES_PER_PATIENT = 8;

/**
 * 停诊: the session stops taking bookings and every live booking ends in a definite state in the
 * same transaction — moved to the nearest equivalent number (same department and clinic level,
 * the same doctor first, then the nearest time) or cancelled with the nearest options offered —
 * and its patient is notified. Nothing is left booked on the suspended session and nothing is
 * lost: if any step fails, the whole suspension rolls back and the bookings stay as they were.
 */
export async function suspendSession(kernel: Kernel, ctx: CallContext, db: ScopedClient, sessionId: number, input: { reason: string; action: SuspendAction }): Promise<SuspensionResult> {
  assertInstitutionScope(ctx);
  const session = await lockOwnSession(db, ctx, sessionId);
  if (session.status !== 'open') throw conflict('session_not_open', 'scheduling.session_not_open');
  if (session.ends_at.getTime() <= Date.now()) throw conflict('session_ended', 'scheduling.session_ended');
  await db.query(`UPDATE sched_session SET status = 'suspended', status_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [sessionId, input.reason]);
  // first, so numbers freed below are not offered to the waiting list of a session that will not run
  const waitlistLapsed = await lapseWaitlist(kernel, db, session, input.reason);
  const { rows: live } = await db.query<{ id: number; status: string; channel: Channel; patient_id: number; seq: number }>(
    `SELECT id, status, channel, patient_id, seq FROM appointment WHERE session_id = $1 AND status IN ('held', 'booked', 'checked_in') ORDER BY seq, id FOR UPDATE`,
    [sessionId]);
  const outcomes: SuspensionOutcome[] = [];
  for (const a of live) {
    const before = (await readAppointment(db, a.id))!;
    const base = { appointmentId: a.id, seq: a.seq, patientId: Number(a.patient_id), patientName: before.patientName };
    if (a.status === 'checked_in') {
      // already at the clinic: the desk transfers them in the queue (转诊); their record stays as it is
      outcomes.push({ ...base, outcome: 'kept' });
      continue;
    }
    const moved = input.action === 'move' && a.status === 'booked' ? await moveBooking(kernel, ctx, db, session, before) : null;
    if (moved) {
      await bookingNotice(kernel, db, before, 'appointment.suspended', {
        reason: input.reason,
        outcome: `已为您改约至 ${moved.serviceDate} ${PERIOD_ZH[moved.period] ?? ''} ${localTime(moved.startsAt)} ${moved.practitionerName ?? moved.resourceName} 第 ${moved.seq} 号，如不方便可取消或改约。`,
      }, `appointment:${a.id}:suspended`);
      outcomes.push({
        ...base, outcome: 'moved',
        moved: { appointmentId: moved.id, sessionId: moved.sessionId, seq: moved.seq, startsAt: moved.startsAt, serviceDate: moved.serviceDate, practitionerName: moved.practitionerName, resourceName: moved.resourceName },
      });
      continue;
    }
    await cancelAppointment(kernel, ctx, db, a.id, { reason: `停诊：${input.reason}`, channel: a.channel, force: true, silent: true });
    const options = await offerOptions(db, session, a.channel);
    const offered = options.length
      ? `您的预约已取消。可选择以下号源重新预约：${options.map((o) => `${o.serviceDate} ${localTime(o.startsAt)} ${o.practitionerName ?? o.resourceName}`).join('；')}。`
      : '您的预约已取消，请另行选择就诊时间。';
    await bookingNotice(kernel, db, before, 'appointment.suspended', { reason: input.reason, outcome: offered }, `appointment:${a.id}:suspended`);
    outcomes.push({ ...base, outcome: 'cancelled', options });
  }
  await kernel.audit(db, ctx, {
    action: 'schedule.suspend', entityType: 'Schedule', entityId: sessionId,
    detail: { reason: input.reason, action: input.action, outcomes: outcomes.map((o) => ({ appointmentId: o.appointmentId, outcome: o.outcome, to: o.moved?.appointmentId })) },
  });
  return {
    sessionId, status: 'suspended', waitlistLapsed, outcomes,
    moved: outcomes.filter((o) => o.outcome === 'moved').length,
    cancelled: outcomes.filter((o) => o.outcome === 'cancelled').length,
    kept: outcomes.filter((o) => o.outcome === 'kept').length,
  };
}

/**
 * Rebooks one patient onto the nearest equivalent free number their channel may book. Each try
 * runs under a savepoint: a number taken meanwhile, or a rule that refuses this patient there,
 * just moves on to the next candidate. The old booking is cancelled only once the new one holds.
 */
async function moveBooking(kernel: Kernel, ctx: CallContext, db: ScopedClient, session: SessionRow, a: AppointmentView): Promise<AppointmentView | null> {
  const { rows: candidates } = await db.query<{ slot_id: number; session_id: number }>(
    `SELECT sl.id AS slot_id, sl.session_id
     FROM sched_session x JOIN sched_slot sl ON sl.session_id = x.id
     WHERE x.department_id = $1 AND x.id <> $2 AND x.status = 'open' AND x.pool_kind = 'numbered'
       AND x.clinic_level IS NOT DISTINCT FROM $3
       AND x.service_date BETWEEN $4::date - 7 AND $4::date + 14
       AND now() >= x.opens_at AND now() < x.closes_at
       AND sl.status = 'free' AND (sl.channel IS NULL OR sl.channel = $5)
       AND (sl.reserved_for IS NULL OR sl.reserved_until <= now()) AND sl.ends_at > now()
     ORDER BY (x.resource_id = $6) DESC, abs(extract(epoch FROM sl.starts_at - $7::timestamptz)), sl.seq
     LIMIT $8`,
    [session.department_id, session.id, session.clinic_level, session.service_date, a.channel, session.resource_id, a.startsAt, MAX_TRIES_PER_PATIENT]);
  for (const c of candidates) {
    await db.query('SAVEPOINT suspend_move');
    try {
      const next = await bookSlot(kernel, ctx, db, {
        patientId: a.patientId, sessionId: c.session_id, slotId: c.slot_id, channel: a.channel, selfService: true, quiet: true, replacing: a.id,
      }, idempotencyOwner(ctx));
      await db.query('UPDATE appointment SET rescheduled_from = $2 WHERE id = $1', [next.id, a.id]);
      await cancelAppointment(kernel, ctx, db, a.id, { reason: '停诊改约', channel: a.channel, force: true, silent: true });
      await db.query('RELEASE SAVEPOINT suspend_move');
      return { ...next, rescheduledFrom: a.id };
    } catch (err) {
      await db.query('ROLLBACK TO SAVEPOINT suspend_move');
      if (!(err instanceof AppError)) throw err;
    }
  }
  return null;
}

/** the nearest options elsewhere (the suspended session's own free numbers are no option) */
async function offerOptions(db: ScopedClient, session: SessionRow, channel: Channel): Promise<BookingOption[]> {
  const options = await nextOptions(db, { id: session.id, departmentId: session.department_id, resourceId: session.resource_id, startsAt: session.starts_at }, channel, null, 40);
  return options.filter((o) => o.sessionId !== session.id).slice(0, 3);
}

/** patients waiting for a number of this session (候补) are told it will not happen */
async function lapseWaitlist(kernel: Kernel, db: ScopedClient, session: SessionRow, reason: string): Promise<number> {
  const { rows } = await db.query<{ patient_id: number }>(
    `UPDATE sched_waitlist SET status = 'lapsed' WHERE session_id = $1 AND status = 'waiting' RETURNING patient_id`, [session.id]);
  if (!rows.length) return 0;
  const { rows: info } = await db.query(
    `SELECT i.name AS institution, d.name AS department, COALESCE(a.display_name, r.name) AS who
     FROM sched_session s JOIN org_unit i ON i.id = s.institution_id JOIN org_unit d ON d.id = s.department_id
     JOIN sched_resource r ON r.id = s.resource_id LEFT JOIN account a ON a.id = s.practitioner_id WHERE s.id = $1`, [session.id]);
  const what = `${session.service_date} ${PERIOD_ZH[session.period] ?? ''} ${info[0].institution} ${info[0].department} ${info[0].who}`;
  await kernel.notify(db, rows.map((r) => ({
    institutionId: Number(session.institution_id),
    recipient: { kind: 'patient' as const, patientId: Number(r.patient_id) },
    kind: 'appointment.suspended',
    title: '停诊通知',
    body: `很抱歉，${what} 停诊（${reason}），您的候补登记已取消，请另行预约。`,
    params: { sessionId: session.id },
    dedupeKey: `waitlist:${session.id}:${r.patient_id}:suspended`,
  })));
  return rows.length;
}

/** 恢复出诊: the session takes bookings again; moved or cancelled bookings stay where they went */
export async function resumeSession(kernel: Kernel, ctx: CallContext, db: ScopedClient, sessionId: number, reason?: string): Promise<{ sessionId: number; status: 'open'; free: number }> {
  const session = await lockOwnSession(db, ctx, sessionId);
  if (session.status !== 'suspended') throw conflict('session_not_suspended', 'scheduling.session_not_suspended');
  if (session.ends_at.getTime() <= Date.now()) throw conflict('session_ended', 'scheduling.session_ended');
  await db.query(`UPDATE sched_session SET status = 'open', status_reason = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [sessionId]);
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM sched_slot WHERE session_id = $1 AND status = 'free'`, [sessionId]);
  await kernel.audit(db, ctx, { action: 'schedule.resume', entityType: 'Schedule', entityId: sessionId, detail: { reason: reason ?? null } });
  return { sessionId, status: 'open', free: rows[0].n };
}
