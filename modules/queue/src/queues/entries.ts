import type { Queryable } from '@kangyun/kernel';
import type { EntryReason, EntryStatus, PriorityGroup, CheckinChannel } from '../constants.js';

/** A queue entry as the desk, the calling panel and the API answer it (the name masked). */
export interface EntryView {
  entryId: number;
  queueId: number;
  queueName: string;
  appointmentId: number;
  patientId: number;
  name: string;
  ticket: number;
  seq: number;
  status: EntryStatus;
  reason: EntryReason;
  priority: PriorityGroup | null;
  checkinAt: string;
  checkinChannel: CheckinChannel;
  callCount: number;
  /** the room it was last called to, or null */
  room: string | null;
  rooms: string[];
  lastCalledAt: string | null;
  holdReason: string | null;
  /** waiting patients before it (0 when it is not waiting) */
  ahead: number;
  version: number;
}

const ENTRY_SELECT = `e.id AS "entryId", e.queue_id AS "queueId", q.name AS "queueName", e.appointment_id AS "appointmentId",
  e.patient_id AS "patientId", e.display_name AS name, e.ticket_no AS ticket, a.seq, e.status, e.reason, e.priority,
  e.checkin_at AS "checkinAt", e.checkin_channel AS "checkinChannel", e.call_count AS "callCount", e.room, q.rooms,
  e.last_called_at AS "lastCalledAt", e.hold_reason AS "holdReason", e.version,
  CASE WHEN e.status = 'waiting' THEN (SELECT count(*)::int FROM queue_entry w WHERE w.queue_id = e.queue_id AND w.status = 'waiting'
    AND (w.priority_rank, w.sort_key, w.id) < (e.priority_rank, e.sort_key, e.id)) ELSE 0 END AS ahead`;

const ENTRY_FROM = `queue_entry e JOIN queue q ON q.id = e.queue_id JOIN appointment a ON a.id = e.appointment_id`;

/** internal columns actions need beside the view */
export interface EntryRow extends EntryView {
  institutionId: number;
  departmentId: number;
  practitionerId: number | null;
  serviceDate: string;
  priorityRank: number;
}

export async function readEntry(db: Queryable, entryId: number, lock = false): Promise<EntryRow | null> {
  const { rows } = await db.query({
    name: lock ? 'queue.entry.lock' : 'queue.entry',
    text: `SELECT ${ENTRY_SELECT}, e.institution_id AS "institutionId", e.department_id AS "departmentId", e.practitioner_id AS "practitionerId",
             to_char(e.service_date, 'YYYY-MM-DD') AS "serviceDate", e.priority_rank AS "priorityRank"
           FROM ${ENTRY_FROM} WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`,
    values: [entryId],
  });
  return rows[0] ? toView(rows[0]) as EntryRow : null;
}

/** the live entry (not transferred away) of an appointment */
export async function entryOfAppointment(db: Queryable, appointmentId: number, lock = false): Promise<EntryRow | null> {
  const { rows } = await db.query({
    name: lock ? 'queue.entry-of-appointment.lock' : 'queue.entry-of-appointment',
    text: `SELECT e.id FROM queue_entry e WHERE e.appointment_id = $1 AND e.status <> 'transferred' ${lock ? 'FOR UPDATE' : ''}`,
    values: [appointmentId],
  });
  return rows[0] ? readEntry(db, rows[0].id) : null;
}

/** every entry of a queue for the calling panel: active ones in call order, then the finished */
export async function listEntries(db: Queryable, queueId: number): Promise<EntryView[]> {
  const { rows } = await db.query({
    name: 'queue.entries',
    text: `SELECT ${ENTRY_SELECT} FROM ${ENTRY_FROM} WHERE e.queue_id = $1
           ORDER BY CASE e.status WHEN 'called' THEN 0 WHEN 'in_service' THEN 0 WHEN 'waiting' THEN 1 WHEN 'on_hold' THEN 2 WHEN 'missed' THEN 3 ELSE 4 END,
                    CASE WHEN e.status IN ('called', 'in_service') THEN -extract(epoch FROM e.last_called_at) END,
                    e.priority_rank, e.sort_key, e.id`,
    values: [queueId],
  });
  return rows.map(toView);
}

function toView(row: Record<string, unknown>): EntryView {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null));
  return { ...(row as unknown as EntryView), checkinAt: iso(row.checkinAt)!, lastCalledAt: iso(row.lastCalledAt) };
}
