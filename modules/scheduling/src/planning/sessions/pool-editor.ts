import { AppError, conflict, fieldError, invalid, type CallContext, type Queryable } from '@kangyun/kernel';
import type { Channel } from '../../constants.js';
import { EFFECTIVE_RULE_SELECT, effectiveRuleJoins, ruleFromRow } from '../../rules/booking-rule.js';
import { checkPoolFits, cleanQuotas } from '../pool-spec.js';
import { conflictWith, lockOwnSession, type SessionRow } from '../scope.js';

/**
 * 号源编辑: capacity, channels and reservations of a session's numbers. Booked (or held) numbers
 * are never touched: asking to change one is a 409 naming it. Numbers being edited are locked, so a
 * concurrent booking (which skips locked numbers) takes another one or none, never a half-edited one.
 */

export type ReservedFor = 'followup' | 'referral';

export interface PoolSlot {
  id: number;
  seq: number;
  startsAt: string;
  endsAt: string;
  channel: Channel | null;
  reservedFor: ReservedFor | null;
  reservedUntil: string | null;
  status: 'free' | 'held' | 'booked' | 'blocked';
  addOn: boolean;
  appointmentId: number | null;
  appointmentStatus: string | null;
  bookedChannel: Channel | null;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null));

/** every number of a session, blocked ones included, with the state of its booking (no patient data) */
export async function readPool(db: Queryable, sessionId: number): Promise<PoolSlot[]> {
  const { rows } = await db.query(
    `SELECT sl.id, sl.seq, sl.starts_at AS "startsAt", sl.ends_at AS "endsAt", sl.channel, sl.reserved_for AS "reservedFor",
       sl.reserved_until AS "reservedUntil",
       CASE WHEN sl.status = 'held' AND sl.hold_expires_at < now() THEN 'free' ELSE sl.status END AS status,
       sl.add_on AS "addOn", sl.appointment_id AS "appointmentId", a.status AS "appointmentStatus", a.channel AS "bookedChannel"
     FROM sched_slot sl LEFT JOIN appointment a ON a.id = sl.appointment_id
     WHERE sl.session_id = $1 ORDER BY sl.seq`, [sessionId]);
  return rows.map((r) => ({ ...r, startsAt: iso(r.startsAt), endsAt: iso(r.endsAt), reservedUntil: iso(r.reservedUntil) })) as PoolSlot[];
}

function assertEditable(session: SessionRow): void {
  if (session.pool_kind !== 'numbered') throw invalid([fieldError('sessionId', 'timed', 'scheduling.pool_is_timed')]);
  if (session.status === 'cancelled') throw conflict('session_not_open', 'scheduling.session_cancelled');
  if (session.ends_at.getTime() <= Date.now()) throw conflict('session_ended', 'scheduling.session_ended');
}

/** holds past their expiry are released first (as the booking path would), so their numbers count as free */
async function releaseExpiredHolds(db: Queryable, sessionId: number): Promise<void> {
  await db.query(
    `WITH expired AS (
       UPDATE appointment SET status = 'expired', updated_at = now()
       WHERE session_id = $1 AND status = 'held' AND hold_expires_at < now() RETURNING slot_id)
     UPDATE sched_slot SET status = 'free', hold_expires_at = NULL, appointment_id = NULL
     WHERE id IN (SELECT slot_id FROM expired) AND status = 'held'`, [sessionId]);
}

interface LockedSlot { id: number; seq: number; status: string; add_on: boolean }

/** locks the named numbers; unknown numbers are a 422 and booked ones a 409, each naming the number */
async function lockNumbers(db: Queryable, sessionId: number, seqs: number[], allowBooked = false): Promise<LockedSlot[]> {
  const { rows } = await db.query<LockedSlot>(
    'SELECT id, seq, status, add_on FROM sched_slot WHERE session_id = $1 AND seq = ANY ($2::int[]) ORDER BY seq FOR UPDATE', [sessionId, seqs]);
  const found = new Set(rows.map((r) => r.seq));
  const missing = seqs.filter((s) => !found.has(s)).sort((a, b) => a - b);
  if (missing.length) throw invalid([fieldError('seqs', 'unknown', 'scheduling.number_unknown', { seq: missing.join('、') })]);
  const taken = rows.filter((r) => r.status === 'booked' || r.status === 'held').map((r) => r.seq);
  if (taken.length && !allowBooked) throw numberBooked(taken);
  return rows;
}

function numberBooked(seqs: number[]): AppError {
  return new AppError(409, 'number_booked', 'scheduling.number_booked', { seq: seqs.join('、') }, [], { seqs });
}


async function reserveUntil(db: Queryable, session: SessionRow): Promise<Date> {
  const { rows } = await db.query(
    `SELECT ${EFFECTIVE_RULE_SELECT} FROM sched_session s ${effectiveRuleJoins('s.institution_id', 's.department_id')} WHERE s.id = $1`, [session.id]);
  return new Date(session.starts_at.getTime() - ruleFromRow(rows[0]).reserveReleaseMinutes * 60_000);
}

async function bump(db: Queryable, sessionId: number, capacityDelta: number, seqDelta = 0): Promise<void> {
  await db.query(
    `UPDATE sched_session SET capacity = GREATEST(0, capacity + $2), next_seq = next_seq + $3, version = version + 1, updated_at = now() WHERE id = $1`,
    [sessionId, capacityDelta, seqDelta]);
}

/** adds numbers after the last one, in the session's last time segment */
export async function addNumbers(db: Queryable, ctx: CallContext, sessionId: number, input: { count: number; channel?: Channel | null; reservedFor?: ReservedFor | null }): Promise<number[]> {
  const session = await lockOwnSession(db, ctx, sessionId);
  assertEditable(session);
  const { rows: last } = await db.query(
    `SELECT starts_at, ends_at FROM sched_slot WHERE session_id = $1 AND NOT add_on ORDER BY seq DESC LIMIT 1`, [sessionId]);
  const segStart = last[0]?.starts_at ?? session.starts_at;
  const segEnd = last[0]?.ends_at ?? session.ends_at;
  const until = input.reservedFor ? await reserveUntil(db, session) : null;
  const seqs = Array.from({ length: input.count }, (_, i) => session.next_seq + i);
  await db.query(
    `INSERT INTO sched_slot (session_id, seq, starts_at, ends_at, channel, reserved_for, reserved_until)
     SELECT $1, s, $3, $4, $5, $6, $7 FROM unnest($2::int[]) AS s`,
    [sessionId, seqs, segStart, segEnd, input.channel ?? null, input.reservedFor ?? null, until]);
  await bump(db, sessionId, input.count, input.count);
  return seqs;
}

/** takes free numbers out of the pool (停用号源); already blocked ones are left as they are */
export async function blockNumbers(db: Queryable, ctx: CallContext, sessionId: number, seqs: number[]): Promise<number> {
  const session = await lockOwnSession(db, ctx, sessionId);
  assertEditable(session);
  await releaseExpiredHolds(db, sessionId);
  const rows = await lockNumbers(db, sessionId, seqs);
  const ids = rows.filter((r) => r.status === 'free').map((r) => r.id);
  if (ids.length) {
    await db.query(`UPDATE sched_slot SET status = 'blocked' WHERE id = ANY ($1::bigint[]) AND status = 'free'`, [ids]);
    await bump(db, sessionId, -rows.filter((r) => r.status === 'free' && !r.add_on).length);
  }
  return ids.length;
}

/** gives blocked pool numbers back; an add-on number that was cancelled stays gone */
export async function unblockNumbers(db: Queryable, ctx: CallContext, sessionId: number, seqs: number[]): Promise<number> {
  const session = await lockOwnSession(db, ctx, sessionId);
  assertEditable(session);
  const rows = await lockNumbers(db, sessionId, seqs, true);
  const addOn = rows.filter((r) => r.status === 'blocked' && r.add_on).map((r) => r.seq);
  if (addOn.length) throw invalid([fieldError('seqs', 'add_on', 'scheduling.number_addon', { seq: addOn.join('、') })]);
  const ids = rows.filter((r) => r.status === 'blocked').map((r) => r.id);
  if (ids.length) {
    await db.query(`UPDATE sched_slot SET status = 'free' WHERE id = ANY ($1::bigint[]) AND status = 'blocked'`, [ids]);
    await bump(db, sessionId, ids.length);
  }
  return ids.length;
}

/** changes the channel and/or reservation of free numbers; fields left out stay as they are */
export async function relabelNumbers(db: Queryable, ctx: CallContext, sessionId: number,
  input: { seqs: number[]; channel?: Channel | null; reservedFor?: ReservedFor | null }): Promise<number> {
  const session = await lockOwnSession(db, ctx, sessionId);
  assertEditable(session);
  await releaseExpiredHolds(db, sessionId);
  const rows = await lockNumbers(db, sessionId, input.seqs);
  const setChannel = input.channel !== undefined;
  const setReserved = input.reservedFor !== undefined;
  const until = input.reservedFor ? await reserveUntil(db, session) : null;
  const res = await db.query(
    `UPDATE sched_slot SET channel = CASE WHEN $2 THEN $3 ELSE channel END,
       reserved_for = CASE WHEN $4 THEN $5 ELSE reserved_for END,
       reserved_until = CASE WHEN $4 THEN $6::timestamptz ELSE reserved_until END
     WHERE id = ANY ($1::bigint[]) AND status IN ('free', 'blocked')`,
    [rows.map((r) => r.id), setChannel, input.channel ?? null, setReserved, input.reservedFor ?? null, until]);
  await bump(db, sessionId, 0);
  return res.rowCount ?? 0;
}

type Label = { channel: Channel | null; reservedFor: ReservedFor | null };
const labelKey = (l: Label) => `${l.channel ?? ''}|${l.reservedFor ?? ''}`;

/**
 * Sets a session's quotas. Timed (exam) pools keep quotas as numbers; numbered pools re-label
 * their free numbers so each channel and reservation ends up with the asked count, counting the
 * booked numbers it already has and spreading the dedicated numbers over the session.
 */
export async function setQuotas(db: Queryable, ctx: CallContext, sessionId: number,
  input: { channelQuotas: Partial<Record<Channel, number>>; reservedFollowup?: number; reservedReferral?: number; capacity?: number }): Promise<void> {
  const session = await lockOwnSession(db, ctx, sessionId);
  if (session.status === 'cancelled') throw conflict('session_not_open', 'scheduling.session_cancelled');
  const quotas = cleanQuotas(input.channelQuotas);
  if (session.pool_kind === 'timed') {
    const capacity = input.capacity ?? session.capacity;
    checkPoolFits({ capacity, channelQuotas: quotas }, false);
    await db.query(`UPDATE sched_session SET quotas = $2, capacity = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [sessionId, JSON.stringify(quotas), capacity]);
    return;
  }
  assertEditable(session);
  await releaseExpiredHolds(db, sessionId);
  const { rows } = await db.query(
    `SELECT id, seq, status, channel, reserved_for FROM sched_slot WHERE session_id = $1 AND NOT add_on AND status <> 'blocked' ORDER BY seq FOR UPDATE`, [sessionId]);
  const wanted: { label: Label; n: number }[] = [
    { label: { channel: null, reservedFor: 'followup' }, n: input.reservedFollowup ?? 0 },
    { label: { channel: null, reservedFor: 'referral' }, n: input.reservedReferral ?? 0 },
    ...Object.entries(quotas).map(([channel, n]) => ({ label: { channel: channel as Channel, reservedFor: null }, n: n ?? 0 })),
  ];
  checkPoolFits({ capacity: rows.length, channelQuotas: quotas, reservedFollowup: input.reservedFollowup, reservedReferral: input.reservedReferral }, true);
  const taken = new Map<string, number>();
  for (const r of rows.filter((r) => r.status !== 'free')) {
    const key = labelKey({ channel: r.channel, reservedFor: r.reserved_for });
    taken.set(key, (taken.get(key) ?? 0) + 1);
  }
  const labels: Label[] = [];
  for (const w of wanted) for (let i = 0; i < Math.max(0, w.n - (taken.get(labelKey(w.label)) ?? 0)); i++) labels.push(w.label);
  const free = rows.filter((r) => r.status === 'free');
  if (labels.length > free.length) throw conflictWith('not_enough_free', 'scheduling.not_enough_free', { free: free.length, needed: labels.length });
  // spread the dedicated numbers evenly over the free ones, as a new pool would
  const assigned: (Label | undefined)[] = new Array(free.length);
  const stride = labels.length ? free.length / labels.length : 0;
  labels.forEach((label, i) => {
    let pos = Math.floor(i * stride);
    while (assigned[pos]) pos = (pos + 1) % free.length;
    assigned[pos] = label;
  });
  const until = await reserveUntil(db, session);
  await db.query(
    `UPDATE sched_slot sl SET channel = u.channel, reserved_for = u.reserved_for,
       reserved_until = CASE WHEN u.reserved_for IS NULL THEN NULL ELSE $4::timestamptz END
     FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, channel, reserved_for) WHERE sl.id = u.id AND sl.status = 'free'`,
    [free.map((r) => r.id), free.map((_, i) => assigned[i]?.channel ?? null), free.map((_, i) => assigned[i]?.reservedFor ?? null), until]);
  await bump(db, sessionId, 0);
}

export async function patchSession(db: Queryable, ctx: CallContext, sessionId: number, input: { fee?: number | null; room?: string | null }): Promise<void> {
  await lockOwnSession(db, ctx, sessionId);
  await db.query(
    `UPDATE sched_session SET fee = CASE WHEN $2 THEN $3 ELSE fee END, room = CASE WHEN $4 THEN $5 ELSE room END, version = version + 1, updated_at = now()
     WHERE id = $1`, [sessionId, input.fee !== undefined, input.fee ?? null, input.room !== undefined, input.room ?? null]);
}
