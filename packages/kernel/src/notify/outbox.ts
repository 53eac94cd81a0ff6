import type { Queryable } from '../db/pool.js';
import { appendBeforeCommit, type AppendStatement } from '../db/appends.js';

const OUTBOX_INSERT_COLUMNS = 'institution_id, recipient_kind, patient_id, account_id, channel, kind, title, body, link, params, to_enc, dedupe_key, next_attempt_at, status, sent_at, attempts';
/** status, sent_at, attempts of a row: in-app messages due now are delivered by being written */
const SENT_WHEN_DUE = `CASE WHEN m.channel = 'inapp' AND coalesce(m.not_before, now()) <= now() THEN 'sent' ELSE 'pending' END,
  CASE WHEN m.channel = 'inapp' AND coalesce(m.not_before, now()) <= now() THEN now() END,
  CASE WHEN m.channel = 'inapp' AND coalesce(m.not_before, now()) <= now() THEN 1 ELSE 0 END`;

/**
 * one outbox row, for transactions that send their appends with the COMMIT; rows without a dedupe
 * key cannot conflict and skip ON CONFLICT's speculative insertion
 */
const outboxAppend = (dedupe: boolean): AppendStatement => ({
  name: dedupe ? 'kangyun_append_outbox_dedupe' : 'kangyun_append_outbox',
  types: ['bigint', 'text', 'bigint', 'bigint', 'text', 'text', 'text', 'text', 'text', 'jsonb', 'text', 'text', 'timestamptz'],
  text: `INSERT INTO notification_outbox (${OUTBOX_INSERT_COLUMNS})
    SELECT coalesce(m.institution_id, kangyun_ctx_bigint('kangyun.institution')), m.recipient_kind, m.patient_id, m.account_id,
      m.channel, m.kind, m.title, m.body, m.link, m.params, m.to_enc, m.dedupe_key, coalesce(m.not_before, now()), ${SENT_WHEN_DUE}
    FROM (VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13))
      AS m(institution_id, recipient_kind, patient_id, account_id, channel, kind, title, body, link, params, to_enc, dedupe_key, not_before)
    ${dedupe ? 'ON CONFLICT DO NOTHING' : ''}`,
});
const OUTBOX_APPEND = outboxAppend(false);
const OUTBOX_APPEND_DEDUPE = outboxAppend(true);

/**
 * The notification outbox. Modules queue messages with `enqueueNotifications` (or `kernel.notify`)
 * inside the transaction of the change they announce: if that transaction rolls back, nothing is
 * sent. A delivery job (the notifications module) sends the rows later, so nothing a request does
 * ever waits on an SMS or WeChat gateway.
 */

export type NotificationChannel = 'inapp' | 'sms' | 'wechat';
/** channels a message may go out on besides the in-app message, which is always written */
export type ExternalChannel = Exclude<NotificationChannel, 'inapp'>;
export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'dead' | 'cancelled';

export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['inapp', 'sms', 'wechat'];
export const EXTERNAL_CHANNELS: readonly ExternalChannel[] = ['sms', 'wechat'];
export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = ['pending', 'sent', 'failed', 'dead', 'cancelled'];

/** Kinds the appointments work uses; any dotted lower-case code is accepted. */
export type NotificationKind =
  | 'appointment.booked'
  | 'appointment.reminder'
  | 'appointment.substituted'
  | 'appointment.suspended'
  | (string & {});

export type NotificationRecipient = { kind: 'patient'; patientId: number } | { kind: 'staff'; accountId: number };

export interface NotificationMessage {
  /** the institution the message is from; defaults to the caller's current institution (kernel.scoped) */
  institutionId?: number;
  recipient: NotificationRecipient;
  kind: NotificationKind;
  /** ≤ 200 characters */
  title: string;
  /** ≤ 4000 characters; SMS gateways may split or cut long texts */
  body: string;
  /** in-app link, e.g. /appointments/123 */
  link?: string | null;
  /** structured values for templates (WeChat template messages, translations); stored as JSON */
  params?: Record<string, unknown>;
  /** extra channels; the in-app message is always written */
  channels?: ExternalChannel[];
  /**
   * Destinations for the extra channels (mobile number for sms, openid for wechat), each ALREADY
   * encrypted by the caller with `kernel.crypto.encryptField`: the outbox never holds them in clear.
   * Staff SMS without one go to the account's mobile number; anything else without one fails with
   * a clear error that staff see in the delivery list.
   */
  toEncrypted?: Partial<Record<ExternalChannel, string>>;
  /**
   * Makes queuing idempotent: a second message with the same key (per channel) is skipped, e.g. the
   * day-before reminder job re-running. Namespace it, e.g. `appointment:123:reminder`.
   */
  dedupeKey?: string;
  /** not delivered before this time (e.g. a reminder queued at booking) */
  notBefore?: Date;
}

const KIND = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

function check(m: NotificationMessage, i: number): void {
  const fail = (what: string) => {
    throw new TypeError(`notification ${i}: ${what}`);
  };
  const r = m.recipient;
  if (!r || (r.kind === 'patient' ? !Number.isSafeInteger(r.patientId) : r.kind === 'staff' ? !Number.isSafeInteger(r.accountId) : true)) {
    fail('recipient must be { kind: "patient", patientId } or { kind: "staff", accountId }');
  }
  if (m.institutionId !== undefined && !Number.isSafeInteger(m.institutionId)) fail('institutionId must be an integer');
  if (typeof m.kind !== 'string' || m.kind.length > 100 || !KIND.test(m.kind)) fail(`kind must be a dotted lower-case code, got ${JSON.stringify(m.kind)}`);
  if (typeof m.title !== 'string' || m.title.length < 1 || m.title.length > 200) fail('title must be 1–200 characters');
  if (typeof m.body !== 'string' || m.body.length < 1 || m.body.length > 4000) fail('body must be 1–4000 characters');
  if (m.link != null && (typeof m.link !== 'string' || m.link.length > 1000)) fail('link must be at most 1000 characters');
  if (m.dedupeKey !== undefined && (typeof m.dedupeKey !== 'string' || m.dedupeKey.length < 1 || m.dedupeKey.length > 200)) fail('dedupeKey must be 1–200 characters');
  for (const c of m.channels ?? []) if (!EXTERNAL_CHANNELS.includes(c)) fail(`unknown channel ${JSON.stringify(c)}`);
  if (m.notBefore !== undefined && !(m.notBefore instanceof Date && !Number.isNaN(m.notBefore.getTime()))) fail('notBefore must be a valid Date');
}

/**
 * Queues messages in the caller's transaction with one INSERT: for each message an in-app row,
 * plus one row per extra channel. Rows whose dedupe key (per channel) already exists are skipped.
 * Returns how many rows were written. Inside `kernel.scoped` row-level security lets a request
 * queue messages of its current institution (and of institutions in its data scope).
 */
export async function enqueueNotifications(db: Queryable, messages: readonly NotificationMessage[]): Promise<number> {
  messages.forEach(check);
  const rows = messages.flatMap((m) => {
    const channels: NotificationChannel[] = ['inapp', ...new Set(m.channels ?? [])];
    return channels.map((channel) => ({ m, channel }));
  });
  if (rows.length === 0) return 0;
  // an in-app message due now has reached its recipient once committed (the inbox is this table):
  // it is written as sent, so no delivery job has to touch it again
  // ON CONFLICT without a target: naming (dedupe_key, channel) would need SELECT rights on the new
  // rows, which a department- or own-scoped caller lacks; the only other unique key is the identity
  const values = (list: typeof rows) => list.map(({ m, channel }) => [
    m.institutionId ?? null, m.recipient.kind, m.recipient.kind === 'patient' ? m.recipient.patientId : null,
    m.recipient.kind === 'staff' ? m.recipient.accountId : null, channel, m.kind, m.title, m.body, m.link ?? null, m.params ?? {},
    channel === 'inapp' ? null : (m.toEncrypted?.[channel] ?? null), m.dedupeKey ?? null, m.notBefore ?? null]);
  const keyed = rows.filter(({ m }) => m.dedupeKey);
  const unkeyed = rows.filter(({ m }) => !m.dedupeKey);
  const appended = await appendBeforeCommit(db, OUTBOX_APPEND, values(unkeyed)) && await appendBeforeCommit(db, OUTBOX_APPEND_DEDUPE, values(keyed));
  if (appended) return rows.length;
  const result = await db.query({
    name: 'kernel.notify.enqueue',
    text: `INSERT INTO notification_outbox (${OUTBOX_INSERT_COLUMNS})
       SELECT coalesce(m.institution_id, kangyun_ctx_bigint('kangyun.institution')), m.recipient_kind, m.patient_id, m.account_id,
         m.channel, m.kind, m.title, m.body, m.link, m.params, m.to_enc, m.dedupe_key, coalesce(m.not_before, now()), ${SENT_WHEN_DUE}
       FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::jsonb[], $11::text[], $12::text[], $13::timestamptz[])
         AS m(institution_id, recipient_kind, patient_id, account_id, channel, kind, title, body, link, params, to_enc, dedupe_key, not_before)
       ON CONFLICT DO NOTHING`,
    values: [
      rows.map(({ m }) => m.institutionId ?? null),
      rows.map(({ m }) => m.recipient.kind),
      rows.map(({ m }) => (m.recipient.kind === 'patient' ? m.recipient.patientId : null)),
      rows.map(({ m }) => (m.recipient.kind === 'staff' ? m.recipient.accountId : null)),
      rows.map(({ channel }) => channel),
      rows.map(({ m }) => m.kind),
      rows.map(({ m }) => m.title),
      rows.map(({ m }) => m.body),
      rows.map(({ m }) => m.link ?? null),
      rows.map(({ m }) => JSON.stringify(m.params ?? {})),
      rows.map(({ m, channel }) => (channel === 'inapp' ? null : (m.toEncrypted?.[channel] ?? null))),
      rows.map(({ m }) => m.dedupeKey ?? null),
      rows.map(({ m }) => m.notBefore ?? null),
    ],
  });
  return result.rowCount ?? 0;
}

/** One message; see enqueueNotifications. */
export function enqueueNotification(db: Queryable, message: NotificationMessage): Promise<number> {
  return enqueueNotifications(db, [message]);
}

/**
 * Cancels the pending (not yet sent) rows of the given dedupe keys, e.g. the reminder of an
 * appointment that was cancelled. A request may cancel its current institution's messages (and
 * its scope's) whatever its data scope. Returns how many rows were cancelled.
 */
export async function cancelNotifications(db: Queryable, dedupeKeys: readonly string[]): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  const { rows } = await db.query<{ n: number }>('SELECT notification_cancel($1::text[]) AS n', [[...dedupeKeys]]);
  return rows[0].n;
}
