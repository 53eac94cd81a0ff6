import { AppError, notFound, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import { NO_PRIORITY_RANK, type EntryStatus, type PriorityGroup } from '../constants.js';
import { choosePriority } from '../checkin/checkin.js';
import { readQueue, type QueueRow } from '../queues/ensure-queue.js';
import { readEntry, type EntryRow, type EntryView } from '../queues/entries.js';
import { effectiveRule } from '../rules/queue-rule.js';
import { placementKey } from '../rules/placement.js';
import { publish, publishQueues } from '../events/publish.js';
import type { CallInfo } from '../events/types.js';
import { recordCall } from './record-call.js';

/** a queue of the caller's institution, or 404 */
export async function queueInScope(db: ScopedClient, ctx: CallContext, queueId: number, lock = false): Promise<QueueRow> {
  const queue = await readQueue(db, queueId, lock);
  if (!queue || queue.institutionId !== ctx.actor.institutionId) throw notFound('queue.queue_unknown');
  return queue;
}

/** the entry, locked, if row-level security lets the caller see it and it is in one of `allowed` */
export async function entryForAction(db: ScopedClient, entryId: number, allowed: readonly EntryStatus[]): Promise<EntryRow> {
  const entry = await readEntry(db, entryId, true);
  if (!entry) throw notFound('queue.entry_unknown');
  if (!allowed.includes(entry.status)) throw new AppError(409, 'bad_status', 'queue.bad_status', { status: entry.status }, [], { entryStatus: entry.status });
  return entry;
}

export interface CallNextResult {
  call: CallInfo | null;
  entry: EntryView | null;
  /** the patient the room had before, now done */
  previous: { entryId: number; ticket: number; status: EntryStatus } | null;
  prepared: CallInfo | null;
}

/**
 * 下一位: finishes the room's current patient (pressing "next" means they were seen; one who never
 * came is passed over with 过号 first) and calls the first waiting patient. Two rooms sharing a queue never get the same
 * patient: the head is taken with FOR UPDATE SKIP LOCKED, so a concurrent caller takes the next.
 */
export async function callNext(kernel: Kernel, ctx: CallContext, db: ScopedClient, queueId: number, opts: { room?: string | null; prepareNext?: boolean }): Promise<CallNextResult> {
  const queue = await queueInScope(db, ctx, queueId);
  const room = opts.room ?? queue.rooms[0] ?? null;
  const { rows: current } = await db.query({
    name: 'queue.room-current',
    text: `SELECT id FROM queue_entry WHERE queue_id = $1 AND room IS NOT DISTINCT FROM $2 AND status IN ('called', 'in_service') ORDER BY last_called_at FOR UPDATE`,
    values: [queue.id, room],
  });
  let previous: CallNextResult['previous'] = null;
  for (const row of current) {
    const entry = (await readEntry(db, row.id))!;
    previous = { entryId: entry.entryId, ticket: entry.ticket, status: await finishEntry(kernel, ctx, db, entry) };
  }
  const { rows: head } = await db.query({
    name: 'queue.head',
    text: `SELECT id FROM queue_entry WHERE queue_id = $1 AND status = 'waiting' ORDER BY priority_rank, sort_key, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    values: [queue.id],
  });
  if (!head[0]) {
    if (previous) await publishQueues(db, queue.institutionId, [queue.id]);
    return { call: null, entry: null, previous, prepared: null };
  }
  const entry = (await readEntry(db, head[0].id))!;
  const call = await recordCall(db, ctx, entry, 'call', room, null);
  await kernel.audit(db, ctx, { action: 'queue.call', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId, detail: { queueId, ticket: entry.ticket, room } });
  let prepared: CallInfo | null = null;
  if (opts.prepareNext) {
    const { rows: after } = await db.query(
      `SELECT id FROM queue_entry WHERE queue_id = $1 AND status = 'waiting' AND prepare_called_at IS NULL ORDER BY priority_rank, sort_key, id LIMIT 1 FOR UPDATE SKIP LOCKED`, [queue.id]);
    if (after[0]) prepared = await prepareEntry(kernel, ctx, db, after[0].id, { room });
  }
  return { call, entry: (await readEntry(db, entry.entryId))!, previous, prepared };
}

/** 重呼: the called patient did not come yet; say it again */
export async function recall(kernel: Kernel, ctx: CallContext, db: ScopedClient, entryId: number, room?: string | null): Promise<CallInfo> {
  const entry = await entryForAction(db, entryId, ['called']);
  const call = await recordCall(db, ctx, entry, 'recall', room ?? entry.room, null);
  await kernel.audit(db, ctx, { action: 'queue.recall', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId, detail: { ticket: entry.ticket, callCount: entry.callCount + 1 } });
  return call;
}

/** 过号: a called patient who is not there; passed over for good after N calls, else back a few places */
export async function skip(kernel: Kernel, ctx: CallContext, db: ScopedClient, entryId: number): Promise<EntryView> {
  const entry = await entryForAction(db, entryId, ['called']);
  await passOver(kernel, ctx, db, entry);
  await publishQueues(db, entry.institutionId, [entry.queueId]);
  return (await readEntry(db, entryId))!;
}

async function passOver(kernel: Kernel, ctx: CallContext, db: ScopedClient, entry: EntryRow): Promise<EntryStatus> {
  const rule = await effectiveRule(db, entry.institutionId, entry.departmentId);
  if (entry.callCount >= rule.missedAfterCalls) {
    await db.query(`UPDATE queue_entry SET status = 'missed', version = version + 1, updated_at = now() WHERE id = $1`, [entry.entryId]);
    await kernel.audit(db, ctx, { action: 'queue.missed', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId, detail: { ticket: entry.ticket, calls: entry.callCount } });
    return 'missed';
  }
  const key = await placementKey(db, { queueId: entry.queueId, rank: entry.priorityRank, placement: 'after_n', n: rule.skipRequeueAfterN, natural: '0', excludeEntryId: entry.entryId });
  await db.query(`UPDATE queue_entry SET status = 'waiting', reason = 'skipped', sort_key = $2::numeric, version = version + 1, updated_at = now() WHERE id = $1`, [entry.entryId, key]);
  await kernel.audit(db, ctx, { action: 'queue.skip', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId, detail: { ticket: entry.ticket, calls: entry.callCount } });
  return 'waiting';
}

/** 患者已到: the called patient is being seen */
export async function start(kernel: Kernel, ctx: CallContext, db: ScopedClient, entryId: number): Promise<EntryView> {
  const entry = await entryForAction(db, entryId, ['called']);
  await db.query(`UPDATE queue_entry SET status = 'in_service', service_started_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [entryId]);
  await kernel.audit(db, ctx, { action: 'queue.start', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId, detail: { ticket: entry.ticket } });
  await publishQueues(db, entry.institutionId, [entry.queueId]);
  return (await readEntry(db, entryId))!;
}

/** 完成: seen; the appointment is fulfilled */
export async function finish(kernel: Kernel, ctx: CallContext, db: ScopedClient, entryId: number): Promise<EntryView> {
  const entry = await entryForAction(db, entryId, ['called', 'in_service']);
  await finishEntry(kernel, ctx, db, entry);
  await publishQueues(db, entry.institutionId, [entry.queueId]);
  return (await readEntry(db, entryId))!;
}

async function finishEntry(kernel: Kernel, ctx: CallContext, db: ScopedClient, entry: EntryRow): Promise<EntryStatus> {
  await db.query(`UPDATE queue_entry SET status = 'done', done_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [entry.entryId]);
  await db.query(`UPDATE appointment SET status = 'fulfilled', version = version + 1, updated_at = now() WHERE id = $1 AND status = 'checked_in'`, [entry.appointmentId]);
  await kernel.audit(db, ctx, { action: 'queue.finish', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId, detail: { ticket: entry.ticket } });
  return 'done';
}

/** 动态挂起: e.g. the bladder is not full yet; the patient keeps the number but is not called */
export async function hold(kernel: Kernel, ctx: CallContext, db: ScopedClient, entryId: number, reason: string): Promise<EntryView> {
  const entry = await entryForAction(db, entryId, ['waiting', 'called']);
  await db.query(`UPDATE queue_entry SET status = 'on_hold', hold_reason = $2, room = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [entryId, reason]);
  await kernel.audit(db, ctx, { action: 'queue.hold', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId, detail: { ticket: entry.ticket, reason } });
  await publishQueues(db, entry.institutionId, [entry.queueId]);
  return (await readEntry(db, entryId))!;
}

/** 重新入队: back from hold, placed by rule */
export async function requeue(kernel: Kernel, ctx: CallContext, db: ScopedClient, entryId: number): Promise<EntryView> {
  const entry = await entryForAction(db, entryId, ['on_hold']);
  await db.query('SELECT id FROM queue WHERE id = $1 FOR UPDATE', [entry.queueId]);
  const rule = await effectiveRule(db, entry.institutionId, entry.departmentId);
  const key = await placementKey(db, { queueId: entry.queueId, rank: entry.priorityRank, placement: 'after_n', n: rule.requeueAfterN, natural: '0', excludeEntryId: entryId });
  await db.query(`UPDATE queue_entry SET status = 'waiting', reason = 'requeue', sort_key = $2::numeric, hold_reason = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [entryId, key]);
  await kernel.audit(db, ctx, { action: 'queue.requeue', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId, detail: { ticket: entry.ticket } });
  await publishQueues(db, entry.institutionId, [entry.queueId]);
  return (await readEntry(db, entryId))!;
}

/** 诊前准备叫号: asks a waiting patient to the preparation area (or the room's door) */
export async function prepareEntry(kernel: Kernel, ctx: CallContext, db: ScopedClient, entryId: number, opts: { room?: string | null; place?: string | null }): Promise<CallInfo> {
  const entry = await entryForAction(db, entryId, ['waiting']);
  const room = opts.room ?? entry.rooms[0] ?? null;
  let place = opts.place ?? null;
  if (!place) {
    const { rows } = await db.query(
      `SELECT a.prepare_place, r.name FROM queue_room r LEFT JOIN waiting_area a ON a.id = r.area_id WHERE r.institution_id = $1 AND r.match = $2`,
      [entry.institutionId, room]);
    place = rows[0]?.prepare_place ?? (rows[0]?.name ? `${rows[0].name}门口` : room ? `${room}门口` : null);
  }
  const call = await recordCall(db, ctx, entry, 'prepare', room, place);
  await kernel.audit(db, ctx, { action: 'queue.prepare', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId, detail: { ticket: entry.ticket, place } });
  return call;
}

/** 诊室变更: the rooms that serve a queue (the doctor moved); screens reload their picture */
export async function changeRooms(kernel: Kernel, ctx: CallContext, db: ScopedClient, queueId: number, rooms: string[]): Promise<QueueRow> {
  const queue = await queueInScope(db, ctx, queueId, true);
  await db.query('UPDATE queue SET rooms = $2, updated_at = now() WHERE id = $1', [queueId, rooms]);
  await kernel.audit(db, ctx, { action: 'queue.rooms', entityType: 'Queue', entityId: queueId, detail: { from: queue.rooms, to: rooms } });
  await publishQueues(db, queue.institutionId, [queueId]);
  await publish(db, { t: 'config', inst: queue.institutionId });
  return (await readQueue(db, queueId))!;
}

/** 优先: the desk records or clears a priority group; the patient moves into that band */
export async function setPriority(kernel: Kernel, ctx: CallContext, db: ScopedClient, entryId: number, priority: PriorityGroup | null): Promise<EntryView> {
  const entry = await entryForAction(db, entryId, ['waiting', 'on_hold', 'missed', 'called']);
  const rule = await effectiveRule(db, entry.institutionId, entry.departmentId);
  const group = priority ? choosePriority(rule, priority, null) : null;
  const rank = group ? rule.priorityGroups.indexOf(group) : NO_PRIORITY_RANK;
  await db.query('UPDATE queue_entry SET priority = $2, priority_rank = $3, version = version + 1, updated_at = now() WHERE id = $1', [entryId, group, rank]);
  await kernel.audit(db, ctx, { action: 'queue.priority', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId, detail: { ticket: entry.ticket, from: entry.priority, to: group } });
  await publishQueues(db, entry.institutionId, [entry.queueId]);
  return (await readEntry(db, entryId))!;
}
