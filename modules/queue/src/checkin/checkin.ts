import { AppError, conflict, fieldError, invalid, notFound, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { NO_PRIORITY_RANK, type CheckinChannel, type EntryReason, type PriorityGroup } from '../constants.js';
import { loadAppointmentFacts, type AppointmentFacts } from '../queues/appointment-facts.js';
import { ensureQueueForSession, groupingFor, type QueueRow } from '../queues/ensure-queue.js';
import { entryOfAppointment, readEntry, type EntryView } from '../queues/entries.js';
import { effectiveRule, type QueueRule } from '../rules/queue-rule.js';
import { placementKey } from '../rules/placement.js';
import { publishQueues } from '../events/publish.js';
import { assertInWindow, checkinWindow } from './window.js';

export interface CheckinRequest {
  appointmentId: number;
  channel: CheckinChannel;
  /** a priority group the desk records (elderly is also found from the age) */
  priority?: PriorityGroup | null;
  /** staff with queue.manage may check in outside the window, with a reason */
  override?: { reason: string } | null;
  /** the patient's own phone: the booking must be theirs */
  patientId?: number | null;
  /** doctors (queue.call without queue.checkin) check in only the add-on numbers they gave (动态加号) */
  addOnOnly?: boolean;
}

export interface CheckinResult extends EntryView {
  /** 'checkin' first arrival, 'return' back from tests (回诊), 'rejoin' after being passed over (过号) */
  kind: 'checkin' | 'return' | 'rejoin';
  late: boolean;
}

/**
 * 签到: puts a booked patient into the queue of their session on the day, within the check-in
 * window, at the place the rules give them (on time: booking order; late: behind the next N;
 * priority groups first), and marks the appointment checked in. A patient who is already in the
 * queue and comes back after tests (回诊) or after being passed over (过号) rejoins by rule.
 */
export async function checkIn(kernel: Kernel, ctx: CallContext, db: ScopedClient, req: CheckinRequest): Promise<CheckinResult> {
  const a = await loadAppointmentFacts(db, req.appointmentId, true);
  if (!a || (req.patientId != null && a.patientId !== req.patientId)) throw notFound('queue.appointment_unknown');
  if (req.addOnOnly && !a.addOn) throw new AppError(403, 'forbidden', 'queue.checkin_addon_only');
  if (a.serviceDate !== a.today) throw new AppError(409, 'checkin_other_day', 'queue.checkin_other_day', { date: a.serviceDate });
  if (a.sessionStatus !== 'open') throw conflict('session_suspended', 'queue.session_suspended');
  const rule = await effectiveRule(db, a.institutionId, a.departmentId);

  const existing = a.status === 'checked_in' || a.status === 'fulfilled' ? await entryOfAppointment(db, a.id, true) : null;
  if (existing) return rejoin(kernel, ctx, db, a, rule, existing, req);
  if (a.status !== 'booked' && a.status !== 'checked_in') {
    const key = a.status === 'cancelled' ? 'queue.appointment_cancelled' : a.status === 'noshow' ? 'queue.appointment_noshow' : 'queue.appointment_not_booked';
    throw new AppError(409, 'not_checkable', key, { status: a.status });
  }

  const now = new Date();
  const window = checkinWindow(rule, a);
  if (req.override) {
    if (!ctx.actor.permissions.has('queue.manage')) throw new AppError(403, 'forbidden', 'queue.override_forbidden');
  } else {
    assertInWindow(window, a.startsAt, now);
  }
  const display = await patientDisplay(db, a.patientId);
  const priority = choosePriority(rule, req.priority ?? null, display.age);
  const rank = priority ? rule.priorityGroups.indexOf(priority) : NO_PRIORITY_RANK;
  const late = !a.addOn && now > window.lateAfter;
  const reason: EntryReason = a.addOn ? 'addon' : late ? 'late' : 'normal';

  const queue = await ensureQueueForSession(db, a.sessionId, groupingFor(a.kind, rule.grouping), true);
  const sortKey = a.addOn
    ? await placementKey(db, { queueId: queue.id, rank, placement: 'end', n: 0, natural: a.naturalKey })
    : late
      ? await placementKey(db, { queueId: queue.id, rank, placement: rule.latePolicy, n: rule.lateAfterN, natural: a.naturalKey })
      : a.naturalKey;
  const entryId = await insertEntry(db, queue, a, {
    name: display.name, priority, rank, sortKey, reason, channel: req.channel, by: ctx.actor.accountId,
  });
  await db.query(`UPDATE appointment SET status = 'checked_in', version = version + 1, updated_at = now() WHERE id = $1 AND status = 'booked'`, [a.id]);
  const entry = (await readEntry(db, entryId))!;
  await kernel.audit(db, ctx, {
    action: 'queue.checkin', entityType: 'Appointment', entityId: a.id, patientId: a.patientId,
    detail: { queueId: queue.id, ticket: entry.ticket, channel: req.channel, reason, priority, ...(req.override ? { override: req.override.reason } : {}) },
  });
  await publishQueues(db, a.institutionId, [queue.id]);
  return { ...entry, kind: 'checkin', late };
}

/** 回诊 (after 'done') or 过号重排 (after 'missed'): back into the same queue, placed by rule */
async function rejoin(kernel: Kernel, ctx: CallContext, db: ScopedClient, a: AppointmentFacts, rule: QueueRule, entry: EntryView & { priorityRank: number }, req: CheckinRequest): Promise<CheckinResult> {
  if (entry.status !== 'done' && entry.status !== 'missed') {
    throw new AppError(409, 'already_checked_in', 'queue.already_checked_in', { ticket: entry.ticket }, [], { entry });
  }
  const back = entry.status === 'done';
  await db.query('SELECT id FROM queue WHERE id = $1 FOR UPDATE', [entry.queueId]);
  const placement = back ? rule.returnPolicy : rule.missedRejoinPolicy;
  const n = back ? rule.returnAfterN : rule.missedRejoinAfterN;
  const sortKey = await placementKey(db, { queueId: entry.queueId, rank: entry.priorityRank, placement, n, natural: a.naturalKey, excludeEntryId: entry.entryId });
  const reason: EntryReason = back ? 'return' : 'missed';
  await db.query(
    `UPDATE queue_entry SET status = 'waiting', reason = $2, sort_key = $3::numeric, call_count = 0, room = NULL,
       returned_at = CASE WHEN $4 THEN now() ELSE returned_at END, done_at = NULL, service_started_at = NULL,
       version = version + 1, updated_at = now()
     WHERE id = $1`, [entry.entryId, reason, sortKey, back]);
  await db.query(`UPDATE appointment SET status = 'checked_in', version = version + 1, updated_at = now() WHERE id = $1 AND status <> 'checked_in'`, [a.id]);
  const view = (await readEntry(db, entry.entryId))!;
  await kernel.audit(db, ctx, {
    action: back ? 'queue.return' : 'queue.rejoin', entityType: 'Appointment', entityId: a.id, patientId: a.patientId,
    detail: { queueId: entry.queueId, ticket: view.ticket, channel: req.channel },
  });
  await publishQueues(db, a.institutionId, [entry.queueId]);
  return { ...view, kind: back ? 'return' : 'rejoin', late: false };
}

/** the masked name and age, through a definer function so kiosks and phones get them too */
export async function patientDisplay(db: ScopedClient, patientId: number): Promise<{ name: string; age: number | null }> {
  const { rows } = await db.query({ name: 'queue.patient-display', text: 'SELECT masked_name, age FROM queue_patient_display($1)', values: [patientId] });
  return { name: rows[0]?.masked_name ?? '*', age: rows[0]?.age ?? null };
}

/** a requested group must be enabled; otherwise elderly by age when that group is enabled */
export function choosePriority(rule: QueueRule, requested: PriorityGroup | null, age: number | null): PriorityGroup | null {
  if (requested) {
    if (!rule.priorityGroups.includes(requested)) throw invalid([fieldError('priority', 'not_enabled', 'queue.priority_not_enabled', { group: requested })]);
    return requested;
  }
  if (rule.priorityGroups.includes('elderly') && age !== null && age >= rule.elderlyAge) return 'elderly';
  return null;
}

/**
 * Inserts the entry with its ticket: the booking number in 'seq' queues (unless a transferred
 * patient already holds it), else the queue's next counter number. The queue row is locked, and
 * the (queue, ticket) unique constraint backs it up.
 */
export async function insertEntry(db: ScopedClient, queue: QueueRow, a: Pick<AppointmentFacts, 'id' | 'institutionId' | 'departmentId' | 'practitionerId' | 'patientId' | 'seq'> & { serviceDate: string },
  e: { name: string; priority: PriorityGroup | null; rank: number; sortKey: string; reason: EntryReason; channel: CheckinChannel; by: number | null; transferredFrom?: number }): Promise<number> {
  const insert = (ticket: number) => db.query({
    name: 'queue.insert-entry',
    text: `INSERT INTO queue_entry (queue_id, institution_id, department_id, practitioner_id, service_date, appointment_id, patient_id, display_name,
             ticket_no, status, reason, priority, priority_rank, sort_key, checkin_at, checkin_channel, checkin_by, transferred_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'waiting', $10, $11, $12, $13::numeric, now(), $14, $15, $16)
           ON CONFLICT (queue_id, ticket_no) DO NOTHING RETURNING id`,
    values: [queue.id, a.institutionId, a.departmentId, queue.practitionerId ?? a.practitionerId, a.serviceDate, a.id, a.patientId, e.name,
      ticket, e.reason, e.priority, e.rank, e.sortKey, e.channel, e.by, e.transferredFrom ?? null],
  });
  if (queue.numbering === 'seq') {
    const { rows } = await insert(a.seq);
    if (rows[0]) return rows[0].id;
  }
  for (;;) {
    const { rows: t } = await db.query({ name: 'queue.next-ticket', text: 'UPDATE queue SET next_ticket = next_ticket + 1, updated_at = now() WHERE id = $1 RETURNING next_ticket - 1 AS ticket', values: [queue.id] });
    const { rows } = await insert(t[0].ticket);
    if (rows[0]) return rows[0].id;
  }
}
