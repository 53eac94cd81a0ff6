import type { TestPlatform } from '@kangyun/server/testing/index.ts';
import { createSession } from '../sessions/create-session.js';
import { resourceId } from '../test/fixtures.js';
import type { Period } from '../constants.js';
import { localClock } from './time-grid.js';

/** an exam session of a demo device on a given day, open for booking at once */
export async function examSession(p: TestPlatform, resource: string, date: string,
  opts: { period?: Period; start?: string; end?: string; capacity?: number; quotas?: Record<string, number> } = {}): Promise<number> {
  const s = await createSession(p.kernel.pool, {
    resourceId: await resourceId(p, resource), serviceDate: date, period: opts.period ?? 'am',
    startTime: opts.start ?? '08:00', endTime: opts.end ?? '12:00', capacity: opts.capacity ?? 40, channelQuotas: opts.quotas,
  });
  await p.kernel.pool.query(`UPDATE sched_session SET opens_at = now() - interval '1 day' WHERE id = $1`, [s.id]);
  return s.id;
}

/** demo exam item ids by code (seedExamsDemo) */
export async function examItems(p: TestPlatform): Promise<Record<string, number>> {
  const { rows } = await p.kernel.pool.query(`SELECT i.code, i.id FROM exam_item i JOIN org_unit o ON o.id = i.institution_id AND o.code = 'H001'`);
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.id)]));
}

/** pairs of live exam appointments of one device whose times overlap (must always be none) */
export async function overlappingPairs(p: TestPlatform, resource: number): Promise<number> {
  const { rows } = await p.kernel.pool.query(
    `SELECT count(*)::int AS n FROM appointment x JOIN appointment y ON x.resource_id = y.resource_id AND x.id < y.id
       AND tstzrange(x.starts_at, x.ends_at) && tstzrange(y.starts_at, y.ends_at)
     WHERE x.resource_id = $1 AND x.kind = 'exam' AND y.kind = 'exam'
       AND x.status IN ('held', 'booked', 'checked_in', 'fulfilled') AND y.status IN ('held', 'booked', 'checked_in', 'fulfilled')`, [resource]);
  return rows[0].n;
}

/** local "H:MM" of an ISO instant in the hospital's zone */
export function clockOf(iso: string): string {
  return localClock(Date.parse(iso));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
