import { sqlParams, type CallContext, type ScopedClient } from '@kangyun/kernel';
import { preparedByShape } from '../prepared.js';
import type { Channel } from '../constants.js';
import type { FindQuery } from './find-params.js';
import type { ProposedNumber } from './appointment-map.js';

const DAY = 86_400_000;
const localDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The numbers this channel may book now in the window, ordered by start: shared numbers and the
 * channel's own quota, reservations (锁号) only once released, of open sessions whose booking
 * window (rolling release 放号 to cut-off) is open. A hold past its expiry counts as free, as the
 * next booking of the session releases it. Only sessions of institutions the caller can book in
 * (its own; the whole region for community referrals) are looked at.
 *
 * Cost: sessions come from the (department_id, service_date) or (service_date, institution_id)
 * index, their numbers from the partial index of unbooked numbers; appointments are not read, so
 * the size of the booking history does not matter.
 */
export async function findNumbers(db: ScopedClient, ctx: CallContext, q: FindQuery, channel: Channel, count: number, offset: number): Promise<{ numbers: ProposedNumber[]; total: number }> {
  const { values, bind } = sqlParams();
  const institutions = channel === 'referral' ? ctx.actor.regionInstitutions : [ctx.actor.institutionId];
  const where = [
    // a night session's late numbers fall on the next local day
    `s.service_date BETWEEN ${bind(localDay(new Date(q.from.getTime() - DAY)))}::date AND ${bind(localDay(q.to))}::date`,
    `s.starts_at < ${bind(q.to)}::timestamptz`,
    `s.ends_at > ${bind(q.from)}::timestamptz`,
    `s.institution_id = ANY(${bind(institutions)}::bigint[])`,
    `s.status = 'open'`,
    `s.pool_kind = 'numbered'`,
    `s.opens_at <= now()`,
    `s.closes_at > now()`,
  ];
  const joins: string[] = [];
  if (q.organizations) where.push(`s.institution_id = ANY(${bind(q.organizations)}::bigint[])`);
  if (q.locations) where.push(`s.department_id = ANY(${bind(q.locations)}::bigint[])`);
  if (q.practitioners) where.push(`s.practitioner_id = ANY(${bind(q.practitioners)}::bigint[])`);
  if (q.schedules) where.push(`s.resource_id = ANY(${bind(q.schedules)}::bigint[])`);
  if (q.serviceTypes && q.serviceTypes !== 'all') where.push(`s.clinic_level = ANY(${bind(q.serviceTypes)}::text[])`);
  if (q.specialties && q.specialties !== 'all') {
    where.push(`s.department_id IN (SELECT id FROM org_unit WHERE code = ANY(${bind(q.specialties)}::text[]))`);
  }
  if (q.patientId) {
    // departments the patient may not book (sex, age: e.g. gynaecology, paediatrics) are left out
    joins.push(`LEFT JOIN sched_booking_rule ri ON ri.institution_id = s.institution_id AND ri.department_id IS NULL
      LEFT JOIN sched_booking_rule rd ON rd.institution_id = s.institution_id AND rd.department_id = s.department_id
      CROSS JOIN sched_patient_facts(${bind(q.patientId)}::bigint) f`);
    where.push(`(COALESCE(rd.sex, ri.sex) IS NULL OR COALESCE(rd.sex, ri.sex) = f.sex)`,
      `(COALESCE(rd.min_age, ri.min_age) IS NULL OR date_part('year', age(s.service_date, f.birth_date)) >= COALESCE(rd.min_age, ri.min_age))`,
      `(COALESCE(rd.max_age, ri.max_age) IS NULL OR date_part('year', age(s.service_date, f.birth_date)) <= COALESCE(rd.max_age, ri.max_age))`);
  }
  const ch = bind(channel);
  const from = bind(q.from);
  const to = bind(q.to);
  const numbers = `
    SELECT sl.id, sl.session_id, sl.seq, sl.starts_at, sl.ends_at, sl.channel
    FROM s JOIN sched_slot sl ON sl.session_id = s.id
    WHERE (sl.status = 'free' OR (sl.status = 'held' AND sl.hold_expires_at <= now()))
      AND (sl.channel IS NULL OR sl.channel = ${ch})
      AND (sl.reserved_for IS NULL OR sl.reserved_until <= now())
      AND sl.ends_at > now() AND sl.ends_at > ${from}::timestamptz AND sl.starts_at < ${to}::timestamptz`;
  const sessions = `WITH s AS (
      SELECT s.id, s.resource_id, s.department_id, s.practitioner_id, s.clinic_level, s.room, s.service_date
      FROM sched_session s ${joins.join(' ')} WHERE ${where.join(' AND ')})`;
  const page = [...values, count, offset];
  const { rows } = await db.query(prepared(
    `${sessions},
     n AS (SELECT x.*, count(*) OVER () AS total FROM (${numbers}) x ORDER BY x.starts_at, x.session_id, x.seq LIMIT $${values.length + 1} OFFSET $${values.length + 2})
     SELECT n.id AS "slotId", n.session_id AS "sessionId", n.seq, n.starts_at AS "startsAt", n.ends_at AS "endsAt", n.channel, n.total::int AS total,
       to_char(s.service_date, 'YYYY-MM-DD') AS "serviceDate", r.name AS "resourceName", s.department_id AS "departmentId",
       d.code AS "departmentCode", d.name AS "departmentName", s.room, s.practitioner_id AS "practitionerId",
       pr.display_name AS "practitionerName", s.clinic_level AS "clinicLevel"
     FROM n JOIN s ON s.id = n.session_id JOIN sched_resource r ON r.id = s.resource_id
     JOIN org_unit d ON d.id = s.department_id LEFT JOIN account pr ON pr.id = s.practitioner_id
     ORDER BY n.starts_at, n.session_id, n.seq`, page));
  if (rows.length || offset === 0) return { numbers: rows as ProposedNumber[], total: rows[0]?.total ?? 0 };
  // a page past the end still reports how many there are, so that its links lead back
  const counted = await db.query(prepared(`${sessions} SELECT count(*)::int AS total FROM (${numbers}) x`, values));
  return { numbers: [], total: counted.rows[0].total };
}

const prepared = (text: string, values: unknown[]) => preparedByShape('scheduling.fhir.find', text, values);
