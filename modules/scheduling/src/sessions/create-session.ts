import { conflict, fieldError, invalid, type ScopedClient } from '@kangyun/kernel';
import type { Queryable } from '@kangyun/kernel';
import type { Channel, Period } from '../constants.js';
import { EFFECTIVE_RULE_SELECT, effectiveRuleJoins, ruleFromRow } from '../rules/booking-rule.js';
import { localInstant, sessionWindow } from '../rules/session-window.js';
import { planNumbers } from './number-pool.js';

export interface SessionSpec {
  resourceId: number;
  serviceDate: string;
  period: Period;
  /** local "HH:MM" */
  startTime: string;
  endTime: string;
  /** numbered pools: how many numbers; timed (exam) pools: how many exams at most */
  capacity: number;
  segmentMinutes?: number;
  channelQuotas?: Partial<Record<Channel, number>>;
  reserved?: { followup?: number; referral?: number };
  fee?: number | null;
  room?: string | null;
  practitionerId?: number | null;
  source?: 'plan' | 'temporary';
  templateId?: number | null;
  createdBy?: number | null;
}

export interface CreatedSession { id: number; slots: number }

/**
 * Creates one session and its number pool in the caller's transaction. A session for the same
 * resource, day and period already existing is a conflict (templates skip those days instead).
 */
export async function createSession(db: ScopedClient | Queryable, spec: SessionSpec): Promise<CreatedSession> {
  const startsAt = localInstant(spec.serviceDate, spec.startTime);
  const endsAt = localInstant(spec.serviceDate, spec.endTime);
  if (endsAt <= startsAt) throw invalid([fieldError('endTime', 'before_start', 'scheduling.end_before_start')]);
  const { rows } = await db.query(
    `SELECT r.id, r.institution_id, r.department_id, r.kind, r.practitioner_id, r.clinic_level, r.room, r.active, ${EFFECTIVE_RULE_SELECT}
     FROM sched_resource r ${effectiveRuleJoins('r.institution_id', 'r.department_id')} WHERE r.id = $1`, [spec.resourceId]);
  const resource = rows[0];
  if (!resource || !resource.active) throw invalid([fieldError('resourceId', 'unknown', 'scheduling.resource_unknown')]);
  const rule = ruleFromRow(resource);
  const window = sessionWindow(rule, spec.serviceDate, endsAt);
  const numbered = resource.kind === 'clinic';
  const numbers = numbered
    ? planNumbers({ startsAt, endsAt, capacity: spec.capacity, segmentMinutes: spec.segmentMinutes ?? 30, channelQuotas: spec.channelQuotas, reserved: spec.reserved })
    : [];
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO sched_session (institution_id, department_id, resource_id, practitioner_id, service_date, period, starts_at, ends_at,
       pool_kind, clinic_level, fee, room, source, template_id, opens_at, closes_at, capacity, quotas, next_seq, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     ON CONFLICT (resource_id, service_date, period) DO NOTHING RETURNING id`,
    [resource.institution_id, resource.department_id, resource.id, spec.practitionerId ?? resource.practitioner_id, spec.serviceDate, spec.period,
      startsAt, endsAt, numbered ? 'numbered' : 'timed', resource.clinic_level, spec.fee ?? null, spec.room ?? resource.room,
      spec.source ?? 'plan', spec.templateId ?? null, window.opensAt, window.closesAt, spec.capacity,
      JSON.stringify(numbered ? {} : (spec.channelQuotas ?? {})), numbered ? spec.capacity + 1 : 1, spec.createdBy ?? null]);
  if (!inserted.rows[0]) throw conflict('session_exists', 'scheduling.session_exists');
  const sessionId = inserted.rows[0].id;
  if (numbers.length) {
    const reserveUntil = new Date(startsAt.getTime() - rule.reserveReleaseMinutes * 60_000);
    await db.query(
      `INSERT INTO sched_slot (session_id, seq, starts_at, ends_at, channel, reserved_for, reserved_until)
       SELECT $1, n.seq, n.s, n.e, n.channel, n.reserved_for, CASE WHEN n.reserved_for IS NULL THEN NULL ELSE $7::timestamptz END
       FROM unnest($2::int[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[]) AS n(seq, s, e, channel, reserved_for)`,
      [sessionId, numbers.map((n) => n.seq), numbers.map((n) => n.startsAt), numbers.map((n) => n.endsAt),
        numbers.map((n) => n.channel), numbers.map((n) => n.reservedFor), reserveUntil]);
  }
  return { id: sessionId, slots: numbers.length };
}
