import type { Queryable, ScopedClient } from '@kangyun/kernel';
import type { ProposedNumber } from './appointment-map.js';

export interface NumberFacts extends ProposedNumber {
  institutionId: number;
  departmentId: number;
  resourceId: number;
  sessionStartsAt: Date;
  /** free now, counting a lapsed hold as free */
  free: boolean;
  reservedFor: string | null;
  released: boolean;
  sessionOpen: boolean;
}

/** One number (号) with what a proposal shows and what booking it needs to know. */
export async function loadNumber(db: ScopedClient | Queryable, slotId: number): Promise<NumberFacts | null> {
  const { rows } = await db.query({
    name: 'scheduling.fhir.number',
    text: `SELECT sl.id AS "slotId", sl.session_id AS "sessionId", sl.seq, sl.starts_at AS "startsAt", sl.ends_at AS "endsAt", sl.channel,
         sl.reserved_for AS "reservedFor", (sl.reserved_for IS NULL OR sl.reserved_until <= now()) AS released,
         (sl.status = 'free' OR (sl.status = 'held' AND sl.hold_expires_at <= now())) AS free,
         (s.status = 'open' AND s.opens_at <= now() AND s.closes_at > now() AND sl.ends_at > now()) AS "sessionOpen",
         s.institution_id AS "institutionId", s.department_id AS "departmentId", s.resource_id AS "resourceId", s.starts_at AS "sessionStartsAt",
         to_char(s.service_date, 'YYYY-MM-DD') AS "serviceDate", r.name AS "resourceName", d.code AS "departmentCode", d.name AS "departmentName",
         s.room, s.practitioner_id AS "practitionerId", pr.display_name AS "practitionerName", s.clinic_level AS "clinicLevel"
       FROM sched_slot sl JOIN sched_session s ON s.id = sl.session_id JOIN sched_resource r ON r.id = s.resource_id
       JOIN org_unit d ON d.id = s.department_id LEFT JOIN account pr ON pr.id = s.practitioner_id
       WHERE sl.id = $1 AND sl.status <> 'blocked'`,
    values: [slotId],
  });
  return (rows[0] as NumberFacts | undefined) ?? null;
}
