import type { Queryable } from '@kangyun/kernel';
import type { Channel } from '../constants.js';

export interface SessionQuery {
  institutionId?: number;
  departmentId?: number;
  resourceId?: number;
  practitionerId?: number;
  kind?: 'clinic' | 'exam';
  clinicLevel?: string;
  from: string;
  to: string;
  /** count free numbers for this channel (shared numbers plus the channel's own) */
  channel?: Channel;
  includeClosed?: boolean;
}

export interface SessionSummary {
  id: number;
  institutionId: number;
  institutionName: string;
  departmentId: number;
  departmentName: string;
  resourceId: number;
  resourceName: string;
  kind: 'clinic' | 'exam';
  modality: string | null;
  practitionerId: number | null;
  practitionerName: string | null;
  practitionerTitle: string | null;
  substitutedFrom: number | null;
  serviceDate: string;
  period: string;
  startsAt: string;
  endsAt: string;
  clinicLevel: string | null;
  fee: number | null;
  room: string | null;
  status: string;
  statusReason: string | null;
  source: string;
  opensAt: string;
  closesAt: string;
  capacity: number;
  booked: number;
  free: number;
  freeForChannel: number;
  waiting: number;
}

/**
 * Published capacity (sessions with their free-number counts); no patient data, so any booking
 * channel may read it. Counting uses the partial index of unbooked slots.
 */
export async function listSessions(db: Queryable, q: SessionQuery): Promise<SessionSummary[]> {
  const where = ['s.service_date BETWEEN $1 AND $2'];
  const values: unknown[] = [q.from, q.to, q.channel ?? null];
  const add = (sql: string, v: unknown) => { values.push(v); where.push(sql.replace('?', `$${values.length}`)); };
  if (q.institutionId) add('s.institution_id = ?', q.institutionId);
  if (q.departmentId) add('s.department_id = ?', q.departmentId);
  if (q.resourceId) add('s.resource_id = ?', q.resourceId);
  if (q.practitionerId) add('s.practitioner_id = ?', q.practitionerId);
  if (q.kind) add('r.kind = ?', q.kind);
  if (q.clinicLevel) add('s.clinic_level = ?', q.clinicLevel);
  if (!q.includeClosed) where.push(`s.status = 'open'`);
  const { rows } = await db.query(
    `SELECT s.id, s.institution_id AS "institutionId", i.name AS "institutionName", s.department_id AS "departmentId", d.name AS "departmentName",
       s.resource_id AS "resourceId", r.name AS "resourceName", r.kind, r.modality, s.practitioner_id AS "practitionerId",
       pr.display_name AS "practitionerName", pr.title AS "practitionerTitle", s.substituted_from AS "substitutedFrom",
       to_char(s.service_date, 'YYYY-MM-DD') AS "serviceDate", s.period, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
       s.clinic_level AS "clinicLevel", s.fee::float8 AS fee, s.room, s.status, s.status_reason AS "statusReason", s.source,
       s.opens_at AS "opensAt", s.closes_at AS "closesAt", s.capacity,
       COALESCE(c.booked, 0) AS booked, COALESCE(c.free, 0) AS free, COALESCE(c.free_channel, 0) AS "freeForChannel",
       (SELECT count(*)::int FROM sched_waitlist w WHERE w.session_id = s.id AND w.status = 'waiting') AS waiting
     FROM sched_session s
     JOIN sched_resource r ON r.id = s.resource_id
     JOIN org_unit i ON i.id = s.institution_id
     JOIN org_unit d ON d.id = s.department_id
     LEFT JOIN account pr ON pr.id = s.practitioner_id
     LEFT JOIN LATERAL (
       SELECT count(*) FILTER (WHERE sl.status IN ('booked', 'held'))::int AS booked,
              count(*) FILTER (WHERE sl.status = 'free')::int AS free,
              count(*) FILTER (WHERE sl.status = 'free' AND ($3::text IS NULL OR sl.channel IS NULL OR sl.channel = $3)
                                 AND (sl.reserved_for IS NULL OR sl.reserved_until <= now()))::int AS free_channel
       FROM sched_slot sl WHERE sl.session_id = s.id) c ON true
     WHERE ${where.join(' AND ')}
     ORDER BY s.service_date, s.starts_at, d.name, r.name`, values);
  return rows.map((r) => ({ ...r, startsAt: iso(r.startsAt), endsAt: iso(r.endsAt), opensAt: iso(r.opensAt), closesAt: iso(r.closesAt) })) as SessionSummary[];
}

export interface SlotView {
  id: number;
  seq: number;
  startsAt: string;
  endsAt: string;
  channel: Channel | null;
  reservedFor: string | null;
  reservedUntil: string | null;
  status: string;
  addOn: boolean;
  appointmentId: number | null;
}

export async function listSlots(db: Queryable, sessionId: number): Promise<SlotView[]> {
  const { rows } = await db.query(
    `SELECT id, seq, starts_at AS "startsAt", ends_at AS "endsAt", channel, reserved_for AS "reservedFor", reserved_until AS "reservedUntil",
       CASE WHEN status = 'held' AND hold_expires_at < now() THEN 'free' ELSE status END AS status, add_on AS "addOn", appointment_id AS "appointmentId"
     FROM sched_slot WHERE session_id = $1 AND status <> 'blocked' ORDER BY seq`, [sessionId]);
  return rows.map((r) => ({ ...r, startsAt: iso(r.startsAt), endsAt: iso(r.endsAt), reservedUntil: r.reservedUntil ? iso(r.reservedUntil) : null })) as SlotView[];
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : v);
