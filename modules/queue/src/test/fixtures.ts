import type pg from 'pg';
import { createPortalSession, PORTAL_COOKIE, type Kernel } from '@kangyun/kernel';

/** Fixtures written straight into the scheduling tables (as a booking would leave them), with times around now. */

export interface FreshSession {
  id: number;
  resourceId: number;
  departmentId: number;
  room: string | null;
  kind: 'clinic' | 'exam';
}

let counter = 0;

/**
 * A session today on a fresh copy of a demo resource (same department, doctor and room), running
 * from two hours ago to four hours from now, so tests never share numbers or queues.
 */
export async function todaySession(pool: pg.Pool, resourceName: string, opts: { room?: string; capacity?: number } = {}): Promise<FreshSession> {
  counter += 1;
  const { rows: res } = await pool.query(
    `INSERT INTO sched_resource (institution_id, department_id, kind, name, practitioner_id, clinic_level, modality, room)
     SELECT institution_id, department_id, kind, name || ' #' || $2, practitioner_id, clinic_level, modality, COALESCE($3, room)
     FROM sched_resource WHERE name LIKE $1 || '%' ORDER BY id LIMIT 1
     RETURNING id, institution_id, department_id, kind, room, practitioner_id, clinic_level`,
    [resourceName, `${process.pid}-${counter}`, opts.room ?? null]);
  const r = res[0];
  if (!r) throw new Error(`no demo resource ${resourceName}`);
  const capacity = opts.capacity ?? 60;
  const { rows } = await pool.query(
    `INSERT INTO sched_session (institution_id, department_id, resource_id, practitioner_id, service_date, period, starts_at, ends_at, pool_kind,
       clinic_level, status, opens_at, closes_at, capacity, next_seq)
     VALUES ($1, $2, $3, $4, (now() AT TIME ZONE 'Asia/Shanghai')::date, 'am', now() - interval '2 hours', now() + interval '4 hours', $5, $6, 'open',
       now() - interval '7 days', now() + interval '4 hours', $7, $7 + 1)
     RETURNING id`,
    [r.institution_id, r.department_id, r.id, r.practitioner_id, r.kind === 'clinic' ? 'numbered' : 'timed', r.clinic_level, capacity]);
  const sessionId = rows[0].id;
  if (r.kind === 'clinic') {
    await pool.query(
      `INSERT INTO sched_slot (session_id, seq, starts_at, ends_at)
       SELECT $1, n, now() - interval '2 hours' + (n - 1) * interval '5 minutes', now() - interval '2 hours' + n * interval '5 minutes' FROM generate_series(1, $2) n`,
      [sessionId, capacity]);
  }
  return { id: sessionId, resourceId: r.id, departmentId: r.department_id, room: r.room, kind: r.kind };
}

/**
 * A booked appointment for number `seq` whose time segment starts `startsInMinutes` after the
 * session was made (about now; negative: already started). Exam appointments get `seq`-spaced times so they never overlap.
 */
export async function book(pool: pg.Pool, s: FreshSession, patientId: number, seq: number, startsInMinutes = 5): Promise<number> {
  const { rows } = await pool.query(
    `WITH slot AS (SELECT id FROM sched_slot WHERE session_id = $1 AND seq = $3),
     ins AS (
       INSERT INTO appointment (institution_id, department_id, resource_id, session_id, slot_id, practitioner_id, patient_id, kind, seq,
         starts_at, ends_at, channel, status)
       SELECT s.institution_id, s.department_id, s.resource_id, s.id, (SELECT id FROM slot), s.practitioner_id, $2, $4, $3,
         s.starts_at + interval '2 hours' + make_interval(mins => $5) + CASE WHEN $4 = 'exam' THEN make_interval(secs => $3) ELSE interval '0' END,
         s.starts_at + interval '2 hours' + make_interval(mins => $5) + CASE WHEN $4 = 'exam' THEN make_interval(secs => $3 + 1) ELSE interval '5 minutes' END,
         'window', 'booked'
       FROM sched_session s WHERE s.id = $1
       RETURNING id, slot_id)
     UPDATE sched_slot SET status = 'booked', appointment_id = (SELECT id FROM ins) WHERE id = (SELECT slot_id FROM ins)
     RETURNING (SELECT id FROM ins) AS id`,
    [s.id, patientId, seq, s.kind, startsInMinutes]);
  if (rows[0]) return rows[0].id;
  // exam appointments have no slot: the UPDATE matched nothing
  const { rows: a } = await pool.query('SELECT id FROM appointment WHERE session_id = $1 AND seq = $2 ORDER BY id DESC LIMIT 1', [s.id, seq]);
  return a[0].id;
}

/** ids of active demo patients of 示例市第一人民医院, optionally by age */
export async function patients(pool: pg.Pool, n: number, filter: { minAge?: number; maxAge?: number } = {}): Promise<number[]> {
  const { rows } = await pool.query(
    `SELECT pt.id FROM patient pt
     WHERE pt.status = 'active' AND EXISTS (SELECT 1 FROM patient_record r JOIN org_unit i ON i.id = r.institution_id AND i.code = 'H001' WHERE r.patient_id = pt.id)
       AND date_part('year', age(pt.birth_date)) BETWEEN $2 AND $3
     ORDER BY pt.id LIMIT $1`, [n, filter.minAge ?? 0, filter.maxAge ?? 200]);
  if (rows.length < n) throw new Error(`only ${rows.length} demo patients match`);
  return rows.map((r) => r.id);
}

/** a patient's phone session (as the portal's sign-in leaves it): the cookie header to send */
export async function portalCookie(kernel: Kernel, patientId: number): Promise<string> {
  const token = await createPortalSession(kernel.pool, kernel.crypto, patientId, '127.0.0.1', 'test');
  return `${PORTAL_COOKIE}=${token}`;
}
