import type { Kernel, Queryable } from '@kangyun/kernel';

/** An in-app message as its recipient sees it. */
export interface InboxMessage {
  id: number;
  institutionId: number;
  institutionName: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  params: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export interface InboxPage {
  items: InboxMessage[];
  total: number;
  unread: number;
}

export interface InboxOptions {
  /** default 20, at most 200 */
  limit?: number;
  offset?: number;
  unreadOnly?: boolean;
}

/** in-app rows that have reached their recipient (a message queued for later shows from its time on) */
const DELIVERED = `o.channel = 'inapp' AND (o.status = 'sent' OR (o.status = 'pending' AND o.next_attempt_at <= now()))`;

async function readInbox(db: Queryable, who: string, whoParams: unknown[], options: InboxOptions): Promise<InboxPage> {
  const limit = Math.min(200, Math.max(1, options.limit ?? 20));
  const offset = Math.max(0, options.offset ?? 0);
  const base = `${who} AND ${DELIVERED}`;
  const n = whoParams.length;
  const filter = options.unreadOnly ? `${base} AND o.read_at IS NULL` : base;
  const { rows } = await db.query<InboxMessage & { total: number; unread: number }>(
    `SELECT o.id, o.institution_id AS "institutionId", i.name AS "institutionName", o.kind, o.title, o.body, o.link, o.params,
            o.created_at AS "createdAt", o.read_at AS "readAt"
     FROM notification_outbox o LEFT JOIN org_unit i ON i.id = o.institution_id
     WHERE ${filter} ORDER BY o.created_at DESC, o.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...whoParams, limit, offset]);
  const counts = await db.query<{ total: number; unread: number }>(
    `SELECT count(*) FILTER (WHERE ${options.unreadOnly ? 'o.read_at IS NULL' : 'true'})::int AS total,
            count(*) FILTER (WHERE o.read_at IS NULL)::int AS unread
     FROM notification_outbox o WHERE ${base}`, whoParams);
  return { items: rows, total: counts.rows[0].total, unread: counts.rows[0].unread };
}

async function markRead(db: Queryable, who: string, whoParams: unknown[], ids: number[] | undefined): Promise<number> {
  const n = whoParams.length;
  const { rowCount } = await db.query(
    `UPDATE notification_outbox o SET read_at = now() WHERE ${who} AND ${DELIVERED} AND o.read_at IS NULL
       ${ids ? `AND o.id = ANY($${n + 1}::bigint[])` : ''}`,
    ids ? [...whoParams, ids] : whoParams);
  return rowCount ?? 0;
}

const staffWho = `o.recipient_kind = 'staff' AND o.account_id = $1`;

/** A staff member's own in-app messages (runs in their scoped transaction). */
export function staffInbox(db: Queryable, accountId: number, options: InboxOptions = {}): Promise<InboxPage> {
  return readInbox(db, staffWho, [accountId], options);
}

/** Marks a staff member's messages read (all unread ones when no ids are given); returns how many changed. */
export function markStaffInboxRead(db: Queryable, accountId: number, ids?: number[]): Promise<number> {
  return markRead(db, staffWho, [accountId], ids);
}

function patientWho(institutionIds: readonly number[] | undefined) {
  return institutionIds
    ? { sql: `o.recipient_kind = 'patient' AND o.patient_id = $1 AND o.institution_id = ANY($2::bigint[])`, extra: [[...institutionIds]] }
    : { sql: `o.recipient_kind = 'patient' AND o.patient_id = $1`, extra: [] };
}

/**
 * A patient's in-app messages, newest first, for patient-facing routes (the patient portal). Reads
 * on the platform connection, not a staff scope: the caller must already have established that the
 * requester is this patient (or acts for them). `institutionIds` limits the messages to those
 * institutions' (e.g. the ones the portal serves).
 */
export function patientInbox(kernel: Kernel, patientId: number, institutionIds?: readonly number[], options: InboxOptions = {}): Promise<InboxPage> {
  const who = patientWho(institutionIds);
  return readInbox(kernel.pool, who.sql, [patientId, ...who.extra], options);
}

/** Marks a patient's in-app messages read (all unread ones when no ids are given); same trust rule as patientInbox. */
export function markPatientInboxRead(kernel: Kernel, patientId: number, ids?: readonly number[], institutionIds?: readonly number[]): Promise<number> {
  const who = patientWho(institutionIds);
  return markRead(kernel.pool, who.sql, [patientId, ...who.extra], ids ? [...ids] : undefined);
}
