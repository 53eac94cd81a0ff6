import { fieldError, forbidden, invalid, conflict, type CallContext, type ScopedClient } from '@kangyun/kernel';
import { EFFECTIVE_RULE_SELECT, effectiveRuleJoins, ruleFromRow, type BookingRule } from '../rules/booking-rule.js';
import { HOSPITAL_TZ, ONLINE_CHANNELS } from '../constants.js';
import type { BookingRequest } from './types.js';
import { MASKED_PATIENT_NAME } from './appointment-view.js';

export interface SessionFacts {
  id: number;
  institutionId: number;
  departmentId: number;
  resourceId: number;
  practitionerId: number | null;
  poolKind: 'numbered' | 'timed';
  status: string;
  opensAt: Date;
  closesAt: Date;
  startsAt: Date;
  endsAt: Date;
  serviceDate: string;
  rule: BookingRule;
  /** what an AppointmentView shows of the session, read here so the claim need not join it again */
  period: string;
  resourceName: string;
  room: string | null;
  fee: number | null;
  clinicLevel: string | null;
  institutionName: string;
  departmentName: string;
  practitionerName: string | null;
}

/**
 * Everything the booking rules need, read in one statement after the patient's lock is held:
 * the session, its effective rule, the patient's sex and age, their live bookings that day and
 * their recent no-shows. Expired holds of the session are released on the way.
 */
export async function loadBookingFacts(db: ScopedClient, req: BookingRequest, idemOwner: string | null = null): Promise<{ session: SessionFacts; patient: PatientFacts; existing: { id: number; patientId: number } | null }> {
  const { rows } = await db.query({
    name: 'scheduling.booking-facts',
    text: `WITH expired AS (
         UPDATE appointment SET status = 'expired', updated_at = now()
         WHERE session_id = $1 AND status = 'held' AND hold_expires_at < now() RETURNING slot_id),
       freed AS (
         UPDATE sched_slot SET status = 'free', hold_expires_at = NULL, appointment_id = NULL
         WHERE id IN (SELECT slot_id FROM expired) AND status = 'held')
       SELECT s.id, s.institution_id AS "institutionId", s.department_id AS "departmentId", s.resource_id AS "resourceId",
         s.practitioner_id AS "practitionerId", s.pool_kind AS "poolKind", s.status, s.opens_at AS "opensAt", s.closes_at AS "closesAt",
         s.starts_at AS "startsAt", s.ends_at AS "endsAt", to_char(s.service_date, 'YYYY-MM-DD') AS "serviceDate",
         f.sex AS "patientSex",
         CASE WHEN EXISTS (SELECT 1 FROM notification_provider np WHERE np.institution_id = s.institution_id AND np.channel = 'sms' AND np.enabled)
              THEN f.mobile_enc END AS "patientMobileEnc", f.birth_date AS "patientBirth", f.status AS "patientStatus", f.id_type AS "patientIdType",
         date_part('year', age(s.service_date, f.birth_date))::int AS "patientAge",
         ($3 OR EXISTS (SELECT 1 FROM patient_record pr WHERE pr.patient_id = $2)) AS "patientVisible",
         (SELECT array[count(*), count(*) FILTER (WHERE a.department_id = s.department_id), count(*) FILTER (WHERE a.resource_id = s.resource_id)]::int[]
          FROM appointment a WHERE a.patient_id = $2 AND a.status IN ('held', 'booked', 'checked_in')
            AND (a.starts_at AT TIME ZONE '${HOSPITAL_TZ}')::date = s.service_date AND a.id IS DISTINCT FROM $4) AS "sameDayCounts",
         ${MASKED_PATIENT_NAME} AS "patientName", r.name AS "resourceName", s.room, s.fee::float8 AS fee, s.clinic_level AS "clinicLevel",
         s.period, i.name AS "institutionName", d.name AS "departmentName", pn.display_name AS "practitionerName",
         (SELECT array[a.id, a.patient_id] FROM appointment a WHERE a.idem_owner = $5 AND a.idem_key = $6) AS existing,
         ${EFFECTIVE_RULE_SELECT}
       FROM sched_session s
       JOIN sched_resource r ON r.id = s.resource_id
       JOIN org_unit i ON i.id = s.institution_id
       JOIN org_unit d ON d.id = s.department_id
       LEFT JOIN account pn ON pn.id = s.practitioner_id
       LEFT JOIN patient pt ON pt.id = $2
       ${effectiveRuleJoins('s.institution_id', 's.department_id')}
       LEFT JOIN LATERAL sched_patient_facts($2) f ON true
       WHERE s.id = $1`,
    values: [req.sessionId, req.patientId, req.selfService ?? false, req.replacing ?? null, idemOwner, req.idempotencyKey ?? null],
  });
  const row = rows[0];
  const existing = row?.existing ? { id: Number(row.existing[0]), patientId: Number(row.existing[1]) } : null;
  if (!row) throw invalid([fieldError('sessionId', 'unknown', 'scheduling.session_unknown')]);
  if (existing) return { session: null as unknown as SessionFacts, patient: null as unknown as PatientFacts, existing };
  if (!row.patientStatus || !row.patientVisible) throw invalid([fieldError('patientId', 'unknown', 'scheduling.patient_unknown')]);
  const rule = ruleFromRow(row);
  const [sameDay, sameDepartment, sameDoctor] = row.sameDayCounts as number[];
  return {
    existing: null,
    session: { ...row, rule } as SessionFacts,
    patient: { mobileEnc: row.patientMobileEnc, sex: row.patientSex, age: row.patientAge, status: row.patientStatus, idType: row.patientIdType, sameDay, sameDepartment, sameDoctor, maskedName: row.patientName },
  };
}

export interface PatientFacts {
  /** the patient's mobile number, still encrypted, for SMS notices; null when the institution has no SMS gateway */
  mobileEnc: string | null;
  sex: 'male' | 'female' | 'unknown';
  age: number;
  status: 'active' | 'merged';
  idType: string;
  sameDay: number;
  sameDepartment: number;
  sameDoctor: number;
  /** the name as lists show it (张*三); null when the caller may not see the patient */
  maskedName: string | null;
}

/** 预约规则 applied before a number is claimed; each refusal names its reason in the user's language */
export async function checkBookingRules(db: ScopedClient, ctx: CallContext | null, req: BookingRequest, session: SessionFacts, patient: PatientFacts, now = new Date()): Promise<void> {
  const rule = session.rule;
  if (session.status !== 'open') throw conflict('session_closed', session.status === 'suspended' ? 'scheduling.session_suspended' : 'scheduling.session_cancelled');
  if (patient.status !== 'active') throw invalid([fieldError('patientId', 'merged', 'scheduling.patient_merged')]);
  const staffOverride = req.channel === 'window' || req.channel === 'doctor';
  if (now < session.opensAt && !(req.channel === 'doctor' && req.reservation === 'followup')) {
    throw conflict('not_open_yet', 'scheduling.not_open_yet', { opensAt: session.opensAt.toISOString() });
  }
  if (now >= session.closesAt) throw conflict('booking_closed', 'scheduling.booking_closed');
  if (rule.sex && patient.sex !== rule.sex) throw invalid([fieldError('patientId', 'sex_restricted', rule.sex === 'female' ? 'scheduling.female_only' : 'scheduling.male_only')]);
  if (rule.minAge !== null && patient.age < rule.minAge) throw invalid([fieldError('patientId', 'too_young', 'scheduling.min_age', { age: rule.minAge })]);
  if (rule.maxAge !== null && patient.age > rule.maxAge) throw invalid([fieldError('patientId', 'too_old', 'scheduling.max_age', { age: rule.maxAge })]);
  if (rule.realNameRequired && patient.idType === 'other') throw invalid([fieldError('patientId', 'real_name', 'scheduling.real_name_required')]);
  if (patient.sameDay >= rule.maxPerPatientDay) throw conflict('limit_day', 'scheduling.limit_day', { limit: rule.maxPerPatientDay });
  if (patient.sameDepartment >= rule.maxPerPatientDepartmentDay) throw conflict('limit_department', 'scheduling.limit_department', { limit: rule.maxPerPatientDepartmentDay });
  if (patient.sameDoctor >= rule.maxPerPatientDoctorDay) throw conflict('limit_doctor', 'scheduling.limit_doctor', { limit: rule.maxPerPatientDoctorDay });
  if (ONLINE_CHANNELS.includes(req.channel) && !staffOverride) {
    const { rows } = await db.query({
      name: 'scheduling.noshows',
      text: `SELECT count(*)::int AS n, max(starts_at) AS last FROM appointment
             WHERE patient_id = $1 AND status = 'noshow' AND starts_at > now() - make_interval(days => $2)`,
      values: [req.patientId, rule.noshowWindowDays],
    });
    const { n, last } = rows[0] as { n: number; last: Date | null };
    if (n >= rule.noshowLimit && last && now.getTime() < last.getTime() + rule.noshowBlockDays * 86_400_000) {
      const until = new Date(last.getTime() + rule.noshowBlockDays * 86_400_000);
      throw forbiddenNoShow(n, until);
    }
  }
  void ctx;
}

function forbiddenNoShow(count: number, until: Date) {
  const err = forbidden('scheduling.noshow_blocked', { count, until: until.toISOString().slice(0, 10) });
  return err;
}

