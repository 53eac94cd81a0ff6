import type { Queryable } from '@kangyun/kernel';
import type { EntryStatus } from '../constants.js';
import { loadAppointmentFacts } from '../queues/appointment-facts.js';
import { entryOfAppointment } from '../queues/entries.js';
import { effectiveRule } from '../rules/queue-rule.js';
import { checkinWindow } from '../checkin/window.js';

export interface MyQueueView {
  appointmentId: number;
  appointmentStatus: string;
  kind: 'clinic' | 'exam';
  departmentName: string;
  resourceName: string;
  seq: number;
  serviceDate: string;
  startsAt: string;
  /** where the booking says to go, as screens name it */
  roomName: string | null;
  checkin: { from: string; to: string; state: 'not_yet' | 'open' | 'closed' | 'other_day' | 'done' };
  entry: null | {
    entryId: number;
    queueId: number;
    queueName: string;
    ticket: number;
    status: EntryStatus;
    reason: string;
    /** waiting patients before me */
    ahead: number;
    calledRoomName: string | null;
    calledAt: string | null;
    callCount: number;
  };
  /** room text → name, so live updates can name the room without asking again */
  roomNames: Record<string, string>;
}

/** The patient's own booking and place in the queue (the caller checked it is theirs). */
export async function readMyQueue(db: Queryable, appointmentId: number): Promise<MyQueueView | null> {
  const a = await loadAppointmentFacts(db, appointmentId, false);
  if (!a) return null;
  const rule = await effectiveRule(db, a.institutionId, a.departmentId);
  const window = checkinWindow(rule, a);
  const entry = await entryOfAppointment(db, appointmentId);
  const { rows } = await db.query('SELECT match, name FROM queue_room WHERE institution_id = $1', [a.institutionId]);
  const roomNames: Record<string, string> = Object.fromEntries(rows.map((r) => [r.match, r.name]));
  const now = new Date();
  const state = entry || a.status === 'checked_in' || a.status === 'fulfilled' ? 'done'
    : a.serviceDate !== a.today ? 'other_day' : now < window.from ? 'not_yet' : now > window.to ? 'closed' : 'open';
  return {
    appointmentId: a.id, appointmentStatus: a.status, kind: a.kind, departmentName: a.departmentName, resourceName: a.resourceName,
    seq: a.seq, serviceDate: a.serviceDate, startsAt: a.startsAt.toISOString(),
    roomName: a.room ? roomNames[a.room] ?? a.room : null,
    checkin: { from: window.from.toISOString(), to: window.to.toISOString(), state },
    entry: entry ? {
      entryId: entry.entryId, queueId: entry.queueId, queueName: entry.queueName, ticket: entry.ticket, status: entry.status, reason: entry.reason,
      ahead: entry.ahead, calledRoomName: entry.room ? roomNames[entry.room] ?? entry.room : null, calledAt: entry.lastCalledAt, callCount: entry.callCount,
    } : null,
    roomNames,
  };
}
