import type { Queryable } from '@kangyun/kernel';
import type { Placement } from './queue-rule.js';

/**
 * Sort key that puts an entry among the patients waiting now in its priority band:
 * 'front' before all of them, 'end' after all, 'after_n' behind the next N (or last when fewer
 * wait). Keys are numeric and computed in SQL (midpoints of neighbours), so placements never run
 * out of room and never pass through floating point. `natural` is the key used when nobody waits.
 * The caller holds the queue's row lock, so two placements in one queue never race.
 */
export async function placementKey(db: Queryable, p: { queueId: number; rank: number; placement: Placement; n: number; natural: string; excludeEntryId?: number | null }): Promise<string> {
  const n = p.placement === 'front' ? 0 : p.placement === 'end' ? null : Math.max(0, p.n);
  const { rows } = await db.query({
    name: 'queue.placement',
    text: `WITH w AS (
             SELECT sort_key, row_number() OVER (ORDER BY sort_key, id) AS rn
             FROM queue_entry
             WHERE queue_id = $1 AND status = 'waiting' AND priority_rank = $2 AND id IS DISTINCT FROM $5::bigint)
           SELECT (CASE
             WHEN NOT EXISTS (SELECT 1 FROM w) THEN $4::numeric
             WHEN $3::int IS NULL OR $3::int >= (SELECT count(*) FROM w) THEN (SELECT max(sort_key) FROM w) + 1
             WHEN $3::int = 0 THEN (SELECT min(sort_key) FROM w) - 1
             ELSE ((SELECT sort_key FROM w WHERE rn = $3::int) + (SELECT sort_key FROM w WHERE rn = $3::int + 1)) / 2
           END)::text AS key`,
    values: [p.queueId, p.rank, n, p.natural, p.excludeEntryId ?? null],
  });
  return rows[0].key as string;
}
