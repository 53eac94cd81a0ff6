import type { Queryable } from '@kangyun/kernel';
import { HOSPITAL_TZ } from '../constants.js';
import { EFFECTIVE_RULE_SELECT, effectiveRuleJoins, ruleFromRow } from '../rules/booking-rule.js';
import { listSessions, type SessionSummary } from '../sessions/read-sessions.js';

/** the channel patients book through on their phones (微信/H5): its quota, its rules */
export const PORTAL_CHANNEL = 'wechat' as const;
/** how far ahead the phone pages show sessions (numbers further out are not released yet anyway) */
export const PORTAL_DAYS = 14;

/** a bookable number of the phone channel: its own quota or shared, not locked, not yet over */
const BOOKABLE_SLOT = `sl.status = 'free' AND (sl.channel IS NULL OR sl.channel = '${PORTAL_CHANNEL}')
  AND (sl.reserved_for IS NULL OR sl.reserved_until <= now()) AND sl.ends_at > now()`;

/** local date `offset` days from now in the hospital's zone, YYYY-MM-DD */
export function hospitalDate(offset = 0, from = new Date()): string {
  return new Date(from.getTime() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: HOSPITAL_TZ });
}

export interface PortalInstitution { id: number; name: string; type: string; departments: number }

/** institutions that publish clinic sessions, hospitals first */
export async function portalInstitutions(db: Queryable): Promise<PortalInstitution[]> {
  const { rows } = await db.query(
    `SELECT i.id, i.name, i.institution_type AS type, count(DISTINCT r.department_id)::int AS departments
     FROM org_unit i JOIN sched_resource r ON r.institution_id = i.id AND r.active AND r.kind = 'clinic'
     WHERE i.kind = 'institution' AND i.active
     GROUP BY i.id ORDER BY (i.institution_type = 'hospital') DESC, i.id`);
  return rows as PortalInstitution[];
}

export interface PortalDepartment {
  id: number;
  name: string;
  doctors: number;
  levels: string[];
  /** numbers the phone channel can book now in the coming days */
  free: number;
  /** who the department sees (预约规则), so the page can say so before anyone picks a doctor */
  sex: 'male' | 'female' | null;
  minAge: number | null;
  maxAge: number | null;
}

/** clinic departments of an institution with their doctors' count and what is free for the phone channel */
export async function portalDepartments(db: Queryable, institutionId: number, from: string, to: string): Promise<PortalDepartment[]> {
  const { rows } = await db.query(
    `SELECT d.id, d.name, count(DISTINCT r.id)::int AS doctors,
       array_agg(DISTINCT r.clinic_level ORDER BY r.clinic_level) AS levels,
       (SELECT count(*)::int FROM sched_session s JOIN sched_slot sl ON sl.session_id = s.id
        WHERE s.department_id = d.id AND s.status = 'open' AND s.pool_kind = 'numbered' AND s.service_date BETWEEN $2 AND $3
          AND now() >= s.opens_at AND now() < s.closes_at AND ${BOOKABLE_SLOT}) AS free,
       ${EFFECTIVE_RULE_SELECT}
     FROM sched_resource r JOIN org_unit d ON d.id = r.department_id
     ${effectiveRuleJoins('r.institution_id', 'd.id')}
     WHERE r.institution_id = $1 AND r.active AND r.kind = 'clinic'
     GROUP BY d.id, d.name, ri.id, rd.id ORDER BY d.name`, [institutionId, from, to]);
  return rows.map((r) => {
    const rule = ruleFromRow(r);
    return { id: r.id, name: r.name, doctors: r.doctors, levels: r.levels, free: r.free, sex: rule.sex, minAge: rule.minAge, maxAge: rule.maxAge };
  });
}

export async function departmentInfo(db: Queryable, departmentId: number): Promise<{ id: number; name: string; institutionId: number; institutionName: string } | null> {
  const { rows } = await db.query(
    `SELECT d.id, d.name, i.id AS "institutionId", i.name AS "institutionName"
     FROM org_unit d JOIN org_unit i ON i.id = d.institution_id
     WHERE d.id = $1 AND d.kind = 'department' AND d.active
       AND EXISTS (SELECT 1 FROM sched_resource r WHERE r.department_id = d.id AND r.active AND r.kind = 'clinic')`, [departmentId]);
  return rows[0] ?? null;
}

export type SessionState = 'bookable' | 'full' | 'not_open' | 'closed';

/** a session as a patient sees it: who, when, where, how much, and whether the phone can book it */
export interface PortalSession {
  id: number;
  institutionId: number;
  institutionName: string;
  departmentId: number;
  departmentName: string;
  resourceName: string;
  practitionerName: string | null;
  practitionerTitle: string | null;
  substituted: boolean;
  serviceDate: string;
  period: string;
  startsAt: string;
  endsAt: string;
  clinicLevel: string | null;
  fee: number | null;
  room: string | null;
  free: number;
  waiting: number;
  opensAt: string;
  closesAt: string;
  state: SessionState;
  /** 停诊: the doctor does not see patients that session */
  suspended: boolean;
  statusReason: string | null;
}

export function toPortalSession(s: SessionSummary, now = new Date()): PortalSession {
  const state: SessionState = s.status !== 'open' || now >= new Date(s.closesAt) ? 'closed'
    : now < new Date(s.opensAt) ? 'not_open' : s.freeForChannel > 0 ? 'bookable' : 'full';
  return {
    id: s.id, institutionId: s.institutionId, institutionName: s.institutionName, departmentId: s.departmentId, departmentName: s.departmentName,
    resourceName: s.resourceName, practitionerName: s.practitionerName, practitionerTitle: s.practitionerTitle, substituted: s.substitutedFrom !== null,
    serviceDate: s.serviceDate, period: s.period, startsAt: s.startsAt, endsAt: s.endsAt, clinicLevel: s.clinicLevel, fee: s.fee, room: s.room,
    free: state === 'bookable' ? s.freeForChannel : 0, waiting: s.waiting, opensAt: s.opensAt, closesAt: s.closesAt, state,
    suspended: s.status === 'suspended', statusReason: s.statusReason,
  };
}

/** a department's clinic sessions in a date range, with what the phone channel may book */
export async function portalSessions(db: Queryable, departmentId: number, from: string, to: string): Promise<PortalSession[]> {
  const sessions = await listSessions(db, { departmentId, kind: 'clinic', from, to, channel: PORTAL_CHANNEL, includeClosed: true });
  // cancelled sessions are not offered at all; suspended ones stay visible (停诊) so nobody wonders where the doctor went
  return sessions.filter((s) => s.status !== 'cancelled').map((s) => toPortalSession(s));
}

export async function portalSession(db: Queryable, sessionId: number): Promise<PortalSession | null> {
  const { rows } = await db.query(`SELECT department_id, to_char(service_date, 'YYYY-MM-DD') AS day FROM sched_session WHERE id = $1`, [sessionId]);
  if (!rows[0]) return null;
  const found = (await listSessions(db, { departmentId: rows[0].department_id, from: rows[0].day, to: rows[0].day, channel: PORTAL_CHANNEL, includeClosed: true }))
    .find((s) => s.id === sessionId);
  return found ? toPortalSession(found) : null;
}

/** one time segment (分时段) of a session: how many numbers the phone may book and the first of them */
export interface PortalSegment {
  startsAt: string;
  endsAt: string;
  free: number;
  /** the number to book for this segment (the lowest free one), null when none */
  slotId: number | null;
  seq: number | null;
}

export async function portalSegments(db: Queryable, sessionId: number): Promise<PortalSegment[]> {
  const { rows } = await db.query(
    `SELECT sl.starts_at AS "startsAt", sl.ends_at AS "endsAt", count(*) FILTER (WHERE ${BOOKABLE_SLOT})::int AS free,
       (array_agg(sl.id ORDER BY sl.seq) FILTER (WHERE ${BOOKABLE_SLOT}))[1] AS "slotId",
       min(sl.seq) FILTER (WHERE ${BOOKABLE_SLOT}) AS seq
     FROM sched_slot sl WHERE sl.session_id = $1 AND sl.status <> 'blocked' AND NOT sl.add_on
     GROUP BY sl.starts_at, sl.ends_at ORDER BY sl.starts_at`, [sessionId]);
  return rows.map((r) => ({ ...r, startsAt: iso(r.startsAt), endsAt: iso(r.endsAt), slotId: r.slotId ?? null, seq: r.seq ?? null }));
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : v);
