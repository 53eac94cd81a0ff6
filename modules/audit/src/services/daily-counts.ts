import type { Kernel, Pool } from '@kangyun/kernel';
import { withTransaction } from '@kangyun/kernel';

const BATCH = 200_000;
const MAX_BATCHES_PER_RUN = 25;
export const DAILY_COUNTS_INTERVAL_MS = 30_000;

/**
 * Adds the next sealed rows (by seq, up to the chain head) to audit_daily_count. One node at a time:
 * the watermark row is locked, and a node that finds it locked skips this round.
 * Returns how many seqs it covered.
 */
export async function rollUpDailyCounts(pool: Pool, batch = BATCH): Promise<number> {
  return withTransaction(pool, async (db) => {
    const mark = (await db.query<{ last_seq: number }>('SELECT last_seq FROM audit_daily_count_mark WHERE id = 1 FOR UPDATE SKIP LOCKED')).rows[0];
    if (!mark) return 0;
    const head = (await db.query<{ last_seq: number }>('SELECT last_seq FROM audit_chain_head WHERE id = 1')).rows[0]?.last_seq ?? 0;
    const upTo = Math.min(head, mark.last_seq + batch);
    if (upTo <= mark.last_seq) return 0;
    await db.query(
      `INSERT INTO audit_daily_count (day, institution_id, action, n)
       SELECT (at AT TIME ZONE 'Asia/Shanghai')::date, institution_id, action, count(*) FROM audit_event
       WHERE seq > $1 AND seq <= $2 GROUP BY 1, 2, 3
       ON CONFLICT (day, institution_id, action) DO UPDATE SET n = audit_daily_count.n + EXCLUDED.n`,
      [mark.last_seq, upTo],
    );
    await db.query('UPDATE audit_daily_count_mark SET last_seq = $1 WHERE id = 1', [upTo]);
    return upTo - mark.last_seq;
  });
}

/** catches up in batches (a first run on a large log covers it over a few rounds) */
export async function rollUpPending(pool: Pool): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    const n = await rollUpDailyCounts(pool);
    total += n;
    if (n < BATCH) break;
  }
  return total;
}

export function startDailyCounts(kernel: Kernel): void {
  kernel.jobs.every('audit-daily-counts', DAILY_COUNTS_INTERVAL_MS, () => rollUpPending(kernel.pool));
}
