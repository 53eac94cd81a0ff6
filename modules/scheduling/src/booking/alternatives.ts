import type { ScopedClient } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import type { BookingOption } from './types.js';

interface SessionRef { id: number; departmentId: number; resourceId: number; startsAt: Date }

/**
 * What to offer when a number was just taken: other free numbers of the same session first, then
 * the nearest sessions of the same department and clinic level (the same doctor first) with free
 * numbers this channel may book.
 */
export async function nextOptions(db: ScopedClient, session: SessionRef, channel: Channel, excludeSlot: number | null, limit = 5): Promise<BookingOption[]> {
  const { rows } = await db.query({
    name: 'scheduling.next-options',
    text: `WITH same AS (
         SELECT sl.session_id, sl.id AS slot_id, sl.seq, sl.starts_at, sl.ends_at, 0 AS rank
         FROM sched_slot sl
         WHERE sl.session_id = $1 AND sl.status = 'free' AND sl.id IS DISTINCT FROM $4
           AND (sl.channel IS NULL OR sl.channel = $3) AND (sl.reserved_for IS NULL OR sl.reserved_until <= now()) AND sl.ends_at > now()
         ORDER BY sl.seq LIMIT $5),
       other AS (
         SELECT x.id AS session_id, f.id AS slot_id, f.seq, f.starts_at, f.ends_at,
           CASE WHEN x.resource_id = $6 THEN 1 ELSE 2 END AS rank
         FROM sched_session x
         JOIN sched_session me ON me.id = $1
         CROSS JOIN LATERAL (
           SELECT sl.id, sl.seq, sl.starts_at, sl.ends_at FROM sched_slot sl
           WHERE sl.session_id = x.id AND sl.status = 'free' AND (sl.channel IS NULL OR sl.channel = $3)
             AND (sl.reserved_for IS NULL OR sl.reserved_until <= now()) AND sl.ends_at > now()
           ORDER BY sl.seq LIMIT 1) f
         WHERE x.department_id = $2 AND x.id <> $1 AND x.status = 'open' AND x.pool_kind = 'numbered'
           AND x.clinic_level IS NOT DISTINCT FROM me.clinic_level
           AND x.service_date BETWEEN me.service_date - 7 AND me.service_date + 14
           AND now() >= x.opens_at AND now() < x.closes_at
         ORDER BY abs(extract(epoch FROM x.starts_at - me.starts_at)), rank LIMIT $5)
       SELECT o.session_id AS "sessionId", o.slot_id AS "slotId", o.seq, o.starts_at AS "startsAt", o.ends_at AS "endsAt",
         to_char(s.service_date, 'YYYY-MM-DD') AS "serviceDate", d.name AS "departmentName", r.name AS "resourceName",
         pr.display_name AS "practitionerName",
         (SELECT count(*)::int FROM sched_slot c WHERE c.session_id = o.session_id AND c.status = 'free' AND (c.channel IS NULL OR c.channel = $3)) AS free
       FROM (SELECT * FROM same UNION ALL SELECT * FROM other) o
       JOIN sched_session s ON s.id = o.session_id JOIN sched_resource r ON r.id = s.resource_id
       JOIN org_unit d ON d.id = s.department_id LEFT JOIN account pr ON pr.id = s.practitioner_id
       ORDER BY o.rank, o.starts_at LIMIT $5`,
    values: [session.id, session.departmentId, channel, excludeSlot, limit, session.resourceId],
  });
  return rows.map((r) => ({ ...r, startsAt: (r.startsAt as Date).toISOString(), endsAt: (r.endsAt as Date).toISOString() })) as BookingOption[];
}
