import type { CallContext, ScopedClient } from '@kangyun/kernel';
import type { CallKind } from '../constants.js';
import type { EntryRow } from '../queues/entries.js';
import { publishState } from '../events/publish.js';
import type { CallInfo } from '../events/types.js';

/**
 * One call, recall or preparation call (诊前准备叫号): updates the entry, writes the call log
 * (the basis of waiting-time statistics: check-in → first call) and queues the live event that
 * screens show and speak. Everything commits together or not at all.
 */
export async function recordCall(db: ScopedClient, ctx: CallContext, entry: EntryRow, kind: CallKind, room: string | null, place: string | null): Promise<CallInfo> {
  const { rows } = await db.query({
    name: 'queue.record-call',
    text: `WITH before AS (SELECT first_called_at FROM queue_entry WHERE id = $1),
           upd AS (
             UPDATE queue_entry SET
               status = CASE WHEN $2 = 'prepare' THEN status ELSE 'called' END,
               call_count = call_count + CASE WHEN $2 = 'prepare' THEN 0 ELSE 1 END,
               first_called_at = CASE WHEN $2 = 'prepare' THEN first_called_at ELSE COALESCE(first_called_at, clock_timestamp()) END,
               last_called_at = CASE WHEN $2 = 'prepare' THEN last_called_at ELSE clock_timestamp() END,
               room = CASE WHEN $2 = 'prepare' THEN room ELSE $3 END,
               called_by = $4,
               prepare_called_at = CASE WHEN $2 = 'prepare' THEN clock_timestamp() ELSE prepare_called_at END,
               version = version + 1, updated_at = now()
             WHERE id = $1
             RETURNING id, queue_id, institution_id, department_id, practitioner_id, service_date, ticket_no, display_name, checkin_at)
           INSERT INTO queue_call (event_id, entry_id, queue_id, institution_id, department_id, practitioner_id, service_date, kind,
             ticket_no, display_name, room, place, called_by, wait_seconds)
           SELECT nextval('queue_event_seq'), upd.id, upd.queue_id, upd.institution_id, upd.department_id, upd.practitioner_id, upd.service_date, $2,
             upd.ticket_no, upd.display_name, $3, $5, $4,
             CASE WHEN $2 <> 'prepare' AND (SELECT first_called_at FROM before) IS NULL
                  THEN GREATEST(0, extract(epoch FROM clock_timestamp() - upd.checkin_at))::int END
           FROM upd
           RETURNING id, called_at, event_id`,
    values: [entry.entryId, kind, room, ctx.actor.accountId, place],
  });
  const call: CallInfo = {
    callId: rows[0].id, kind, entryId: entry.entryId, queueId: entry.queueId, ticket: entry.ticket, name: entry.name,
    room, place, at: (rows[0].called_at as Date).toISOString(),
  };
  await publishState(db, { t: 'call', inst: entry.institutionId, call }, entry.queueId, Number(rows[0].event_id));
  return call;
}
