import { Type, type Static } from '@sinclair/typebox';
import { NOTIFICATION_STATUSES, t, type Actor, type CryptoProvider, type Lang, type NotificationChannel, type NotificationStatus, type Queryable } from '@kangyun/kernel';
import { describeError } from '../delivery/errors.js';
import { maskDestination } from '../mask.js';
import { cstText, timeRange, TIME_PATTERN } from './time.js';

const literal = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** Filters of the delivery list and its export. */
export const deliveryFilters = Type.Object({
  status: Type.Optional(literal(NOTIFICATION_STATUSES)),
  channel: Type.Optional(literal(['inapp', 'sms', 'wechat'] as const)),
  kind: Type.Optional(Type.String({
    minLength: 1, maxLength: 100, pattern: '^[a-z0-9_.]+\\*?$',
    description: "消息类型；以 '.' 或 '*' 结尾为前缀匹配，如 appointment. / kind; a trailing '.' or '*' matches a prefix",
  })),
  recipientKind: Type.Optional(literal(['patient', 'staff'] as const)),
  patientId: Type.Optional(Type.Integer({ minimum: 1 })),
  accountId: Type.Optional(Type.Integer({ minimum: 1 })),
  institutionId: Type.Optional(Type.Integer({ minimum: 1, description: '区域权限的用户可按机构筛选 / region-scope callers may pick an institution' })),
  from: Type.Optional(Type.String({ pattern: TIME_PATTERN, description: '创建时间起（含），日期按北京时间 / created from (inclusive); dates are China Standard Time' })),
  to: Type.Optional(Type.String({ pattern: TIME_PATTERN, description: '创建时间止（日期含当天） / created until (a date includes that day)' })),
});
export type DeliveryFilters = Static<typeof deliveryFilters>;

/** institutions whose deliveries the caller lists: their own, or their region's at region scope */
export function visibleInstitutions(actor: Actor): number[] {
  return actor.scope === 'region' ? actor.regionInstitutions : [actor.institutionId];
}

export class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: (p: (value: unknown) => string) => string): void {
    this.parts.push(sql((value) => {
      this.params.push(value);
      return `$${this.params.length}`;
    }));
  }
  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : 'true';
  }
}

export function deliveryWhere(q: DeliveryFilters, actor: Actor): Where {
  const w = new Where();
  w.add((p) => `o.institution_id = ANY(${p(visibleInstitutions(actor))}::bigint[])`);
  if (q.institutionId) w.add((p) => `o.institution_id = ${p(q.institutionId)}`);
  if (q.status) w.add((p) => `o.status = ${p(q.status)}`);
  if (q.channel) w.add((p) => `o.channel = ${p(q.channel)}`);
  if (q.kind) {
    const prefix = q.kind.endsWith('*') ? q.kind.slice(0, -1) : q.kind.endsWith('.') ? q.kind : null;
    if (prefix !== null) w.add((p) => `starts_with(o.kind, ${p(prefix)})`);
    else w.add((p) => `o.kind = ${p(q.kind)}`);
  }
  if (q.recipientKind) w.add((p) => `o.recipient_kind = ${p(q.recipientKind)}`);
  if (q.patientId) w.add((p) => `o.patient_id = ${p(q.patientId)}`);
  if (q.accountId) w.add((p) => `o.account_id = ${p(q.accountId)}`);
  const { start, end } = timeRange(q);
  if (start) w.add((p) => `o.created_at >= ${p(start)}`);
  if (end) w.add((p) => `o.created_at < ${p(end)}`);
  return w;
}

export interface DeliveryRow {
  id: number;
  institution_id: number;
  institution_name: string | null;
  recipient_kind: 'patient' | 'staff';
  patient_id: number | null;
  account_id: number | null;
  account_name: string | null;
  staff_mobile: string | null;
  channel: NotificationChannel;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  status: NotificationStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  provider_ref: string | null;
  to_enc: string | null;
  created_at: Date;
  sent_at: Date | null;
  read_at: Date | null;
}

const COLUMNS = `o.id, o.institution_id, i.name AS institution_name, o.recipient_kind, o.patient_id, o.account_id,
  a.display_name AS account_name, a.mobile AS staff_mobile, o.channel, o.kind, o.title, o.body, o.link, o.status, o.attempts,
  o.next_attempt_at, o.last_error, o.provider_ref, o.to_enc, o.created_at, o.sent_at, o.read_at`;
const FROM = `notification_outbox o LEFT JOIN org_unit i ON i.id = o.institution_id LEFT JOIN account a ON a.id = o.account_id`;

export async function selectDeliveries(db: Queryable, where: Where, limit: number, offset = 0): Promise<DeliveryRow[]> {
  const params = [...where.params, limit, offset];
  const { rows } = await db.query<DeliveryRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.sql} ORDER BY o.created_at DESC, o.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params);
  return rows;
}

/** count, stopping past `cap` */
export async function countDeliveries(db: Queryable, where: Where, cap: number): Promise<{ total: number; exact: boolean }> {
  const params = [...where.params, cap + 1];
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM notification_outbox o WHERE ${where.sql} LIMIT $${params.length}) s`, params);
  return rows[0].n > cap ? { total: cap, exact: false } : { total: rows[0].n, exact: true };
}

function destination(r: DeliveryRow, crypto: CryptoProvider): string | null {
  if (r.channel === 'inapp') return null;
  if (r.to_enc) {
    try {
      return maskDestination(r.channel, crypto.decryptField(r.to_enc));
    } catch {
      return null;
    }
  }
  return r.channel === 'sms' && r.recipient_kind === 'staff' && r.staff_mobile ? maskDestination('sms', r.staff_mobile) : null;
}

export function toApiItem(r: DeliveryRow, crypto: CryptoProvider, lang: Lang) {
  return {
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    recipientKind: r.recipient_kind,
    patientId: r.patient_id,
    accountId: r.account_id,
    accountName: r.account_name,
    channel: r.channel,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    lastError: r.last_error,
    errorText: describeError(r.last_error, r.channel, lang),
    providerRef: r.provider_ref,
    destination: destination(r, crypto),
    createdAt: r.created_at,
    sentAt: r.sent_at,
    readAt: r.read_at,
  };
}

const EXPORT_COLUMNS: { key: string; zh: string; en: string; width?: number }[] = [
  { key: 'createdAt', zh: '创建时间（北京时间）', en: 'Created (UTC+8)', width: 20 },
  { key: 'institution', zh: '机构', en: 'Institution', width: 28 },
  { key: 'recipientKind', zh: '接收人类型', en: 'Recipient type' },
  { key: 'patientId', zh: '患者ID', en: 'Patient id' },
  { key: 'account', zh: '职工', en: 'Staff' },
  { key: 'channel', zh: '通道', en: 'Channel' },
  { key: 'destination', zh: '接收号码', en: 'Destination', width: 16 },
  { key: 'kind', zh: '消息类型', en: 'Kind', width: 24 },
  { key: 'title', zh: '标题', en: 'Title', width: 24 },
  { key: 'body', zh: '内容', en: 'Body', width: 50 },
  { key: 'status', zh: '状态', en: 'Status' },
  { key: 'attempts', zh: '尝试次数', en: 'Attempts' },
  { key: 'sentAt', zh: '发送时间（北京时间）', en: 'Sent (UTC+8)', width: 20 },
  { key: 'providerRef', zh: '服务商回执号', en: 'Provider reference', width: 20 },
  { key: 'error', zh: '失败原因', en: 'Failure reason', width: 50 },
];

export function exportColumns(lang: Lang) {
  return EXPORT_COLUMNS.map((c) => ({ key: c.key, header: c[lang], width: c.width }));
}

export function exportRow(r: DeliveryRow, crypto: CryptoProvider, lang: Lang): Record<string, unknown> {
  return {
    createdAt: cstText(r.created_at),
    institution: r.institution_name ?? r.institution_id,
    recipientKind: t(`notification.recipient.${r.recipient_kind}`, lang),
    patientId: r.patient_id,
    account: r.account_name ?? r.account_id,
    channel: t(`notification.channel.${r.channel}`, lang),
    destination: destination(r, crypto),
    kind: r.kind,
    title: r.title,
    body: r.body,
    status: t(`notification.status.${r.status}`, lang),
    attempts: r.attempts,
    sentAt: cstText(r.sent_at),
    providerRef: r.provider_ref,
    error: r.status === 'sent' ? null : describeError(r.last_error, r.channel, lang),
  };
}
