import type { TestPlatform } from '@kangyun/server/testing/index.ts';
import { createSession } from '../sessions/create-session.js';
import { localDate } from '../demo.js';
import type { Channel } from '../constants.js';

/** a demo resource id by its name prefix */
export async function resourceId(p: TestPlatform, name: string): Promise<number> {
  const { rows } = await p.kernel.pool.query('SELECT id FROM sched_resource WHERE name LIKE $1 ORDER BY id LIMIT 1', [`${name}%`]);
  if (!rows[0]) throw new Error(`no resource ${name}`);
  return rows[0].id;
}

let dayOffset = 20;
/**
 * A fresh session of its own (a day no demo session uses), so tests do not share numbers.
 * Numbers are open at once (release long passed) and close at the session's end.
 */
export async function freshSession(p: TestPlatform, resource: string, opts: { capacity?: number; quotas?: Partial<Record<Channel, number>>; reserved?: { followup?: number; referral?: number } } = {}): Promise<{ id: number; date: string }> {
  const date = localDate(dayOffset++);
  const id = await resourceId(p, resource);
  const s = await createSession(p.kernel.pool, { resourceId: id, serviceDate: date, period: 'am', startTime: '08:00', endTime: '12:00', capacity: opts.capacity ?? 10, segmentMinutes: 30, channelQuotas: opts.quotas, reserved: opts.reserved });
  await p.kernel.pool.query(`UPDATE sched_session SET opens_at = now() - interval '1 day' WHERE id = $1`, [s.id]);
  return { id: s.id, date };
}

/** ids of demo patients of 示例市第一人民医院 (visible to its staff), optionally by sex and minimum age */
export async function demoPatients(p: TestPlatform, n: number, filter: { sex?: 'male' | 'female'; minAge?: number } = {}): Promise<number[]> {
  const { rows } = await p.kernel.pool.query(
    `SELECT pt.id FROM patient pt JOIN patient_record r ON r.patient_id = pt.id JOIN org_unit i ON i.id = r.institution_id AND i.code = 'H001'
     WHERE pt.status = 'active' AND ($2::text IS NULL OR pt.sex = $2) AND age(pt.birth_date) >= make_interval(years => $3)
     ORDER BY pt.id LIMIT $1`, [n, filter.sex ?? null, filter.minAge ?? 15]);
  if (rows.length < n) throw new Error(`only ${rows.length} demo patients match`);
  return rows.map((r) => r.id);
}
