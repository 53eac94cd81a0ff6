import { AppError, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { NO_PRIORITY_RANK } from '../constants.js';
import { ensureQueueForSession, groupingFor, type QueueRow } from '../queues/ensure-queue.js';
import { readEntry, type EntryView } from '../queues/entries.js';
import { effectiveRule } from '../rules/queue-rule.js';
import { placementKey } from '../rules/placement.js';
import { publishQueues } from '../events/publish.js';
import { insertEntry } from '../checkin/checkin.js';
import { entryForAction, queueInScope } from './actions.js';

/**
 * 转诊 / 诊室变更: moves a patient to another doctor's or room's queue of the same day. The old
 * entry stays as 'transferred' (history); the new one keeps the check-in time (waiting time runs
 * on) and the priority group when the target department uses it, and is placed by the target's
 * rule (behind the next N). The appointment itself is not rebooked: it stays checked in.
 */
export async function transfer(kernel: Kernel, ctx: CallContext, db: ScopedClient, entryId: number, target: { queueId?: number; sessionId?: number }): Promise<EntryView> {
  const entry = await entryForAction(db, entryId, ['waiting', 'called', 'in_service', 'on_hold', 'missed']);
  let queue: QueueRow;
  if (target.sessionId) {
    const { rows } = await db.query(
      `SELECT s.id, s.department_id, r.kind, s.status, to_char(s.service_date, 'YYYY-MM-DD') AS date
       FROM sched_session s JOIN sched_resource r ON r.id = s.resource_id WHERE s.id = $1 AND s.institution_id = $2`,
      [target.sessionId, entry.institutionId]);
    const s = rows[0];
    if (!s || s.date !== entry.serviceDate || s.status !== 'open') throw new AppError(409, 'transfer_target_unknown', 'queue.transfer_target_unknown');
    const targetRule = await effectiveRule(db, entry.institutionId, s.department_id);
    queue = await ensureQueueForSession(db, s.id, groupingFor(s.kind, targetRule.grouping), true);
  } else if (target.queueId) {
    queue = await queueInScope(db, ctx, target.queueId, true);
    if (queue.serviceDate !== entry.serviceDate) throw new AppError(409, 'transfer_target_unknown', 'queue.transfer_target_unknown');
  } else {
    throw new AppError(409, 'transfer_target_unknown', 'queue.transfer_target_unknown');
  }
  if (queue.id === entry.queueId) throw new AppError(409, 'transfer_same_queue', 'queue.transfer_same_queue');

  const rule = await effectiveRule(db, queue.institutionId, queue.departmentId);
  const priority = entry.priority && rule.priorityGroups.includes(entry.priority) ? entry.priority : null;
  const rank = priority ? rule.priorityGroups.indexOf(priority) : NO_PRIORITY_RANK;
  const { rows: ap } = await db.query(
    `SELECT (extract(epoch FROM starts_at)::numeric + seq::numeric / 10000)::text AS natural, seq FROM appointment WHERE id = $1`, [entry.appointmentId]);
  await db.query(`UPDATE queue_entry SET status = 'transferred', room = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [entryId]);
  const sortKey = await placementKey(db, { queueId: queue.id, rank, placement: 'after_n', n: rule.transferAfterN, natural: ap[0].natural });
  const newId = await insertEntry(db, queue, {
    id: entry.appointmentId, institutionId: entry.institutionId, departmentId: queue.departmentId, practitionerId: entry.practitionerId,
    patientId: entry.patientId, seq: ap[0].seq, serviceDate: entry.serviceDate,
  }, {
    name: entry.name, priority, rank, sortKey, reason: 'transfer', channel: entry.checkinChannel, by: ctx.actor.accountId,
    transferredFrom: entryId,
  });
  // the wait runs on from the first check-in; a patient already called there has had their wait counted
  await db.query(
    `UPDATE queue_entry n SET checkin_at = o.checkin_at, first_called_at = o.first_called_at FROM queue_entry o WHERE n.id = $1 AND o.id = $2`,
    [newId, entryId]);
  await kernel.audit(db, ctx, {
    action: 'queue.transfer', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId,
    detail: { from: entry.queueId, to: queue.id, ticket: entry.ticket },
  });
  await publishQueues(db, entry.institutionId, [entry.queueId, queue.id]);
  return (await readEntry(db, newId))!;
}
