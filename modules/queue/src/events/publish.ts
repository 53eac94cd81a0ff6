import type { Queryable } from '@kangyun/kernel';
import { QUEUE_CHANNEL, type CallInfo, type NewQueueEvent, type QueueState } from './types.js';

/** NOTIFY payloads must stay under 8000 bytes; keep a margin */
const MAX_PAYLOAD = 7600;

/**
 * Queues a live event in the caller's transaction: PostgreSQL delivers it to every node's
 * listener when (and only if) the transaction commits, so a rolled-back call never reaches a
 * screen and every node sees the same events in commit order. Returns the event id.
 */
export async function publish(db: Queryable, event: NewQueueEvent, id?: number): Promise<number> {
  const eventId = id ?? (await nextEventId(db));
  let payload = JSON.stringify({ id: eventId, ...event });
  if (Buffer.byteLength(payload) > MAX_PAYLOAD && 'state' in event) {
    // a very long queue: phones fall back to asking for their place
    payload = JSON.stringify({ id: eventId, ...event, state: { ...event.state, order: [] } });
  }
  await db.query({ name: 'queue.notify', text: 'SELECT pg_notify($1, $2)', values: [QUEUE_CHANNEL, payload] });
  return eventId;
}

export async function nextEventId(db: Queryable): Promise<number> {
  const { rows } = await db.query({ name: 'queue.event-id', text: `SELECT nextval('queue_event_seq') AS id` });
  return Number(rows[0].id);
}

/** the newest event id handed out (a snapshot taken now reflects everything up to about here) */
export async function lastEventId(db: Queryable): Promise<number> {
  const { rows } = await db.query(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS id FROM queue_event_seq`);
  return Number(rows[0].id);
}

/** the public picture of a queue; call inside a scoped transaction of the queue's institution */
export async function queueState(db: Queryable, queueId: number): Promise<QueueState> {
  const { rows } = await db.query({ name: 'queue.state', text: 'SELECT queue_public_state($1) AS s', values: [queueId] });
  if (!rows[0]?.s) throw new Error(`queue ${queueId} is not visible in this transaction`);
  return rows[0].s as QueueState;
}

/**
 * Publishes an event carrying a queue's new state in one statement: the state is computed, the
 * payload built and NOTIFY queued inside PostgreSQL (no round trip for the state). A very long
 * queue's order of waiting ids is dropped to keep under the NOTIFY size limit.
 */
export async function publishState(db: Queryable, event: { t: 'call' | 'queue'; inst: number; call?: CallInfo }, queueId: number, id?: number): Promise<void> {
  await db.query({
    name: 'queue.notify-state',
    text: `WITH e AS (
             SELECT jsonb_build_object('id', COALESCE($1::bigint, nextval('queue_event_seq')), 't', $2::text, 'inst', $3::bigint)
                    || COALESCE($4::jsonb, '{}'::jsonb) || jsonb_build_object('state', queue_public_state($5)) AS ev)
           SELECT pg_notify($6, CASE WHEN octet_length(ev::text) > ${MAX_PAYLOAD} THEN jsonb_set(ev, '{state,order}', '[]')::text ELSE ev::text END) FROM e`,
    values: [id ?? null, event.t, event.inst, event.call ? JSON.stringify({ call: event.call }) : null, queueId, QUEUE_CHANNEL],
  });
}

/** publishes the new state of each queue a change touched */
export async function publishQueues(db: Queryable, institutionId: number, queueIds: number[]): Promise<void> {
  for (const queueId of [...new Set(queueIds)]) await publishState(db, { t: 'queue', inst: institutionId }, queueId);
}
