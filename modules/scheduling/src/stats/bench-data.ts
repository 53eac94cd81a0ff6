/**
 * Historical data for the benchmarks (`npm run bench`) and the statistics tests: synthetic
 * patients and a past of sessions, numbers and appointments on every active resource, made in
 * SQL with generate_series (a few statements, no row-by-row round trips).
 *
 * Shape of the history: `days` days (default 365) ending the day before the earliest existing
 * session (or yesterday), an am and a pm session per resource and day, the appointments spread
 * evenly over the sessions in time order (so ids grow with time, as real bookings do), each
 * session's capacity a little above what was used (utilisation 75–100 %). Of the appointments
 * 12 % were cancelled, 6 % were no-shows, the rest were seen; channels are mixed like a large
 * hospital's (微信 35 %, 窗口 20 %, 自助机 15 %, 互联网 10 %, 电话 6 %, 诊间 9 %, 转诊 5 %).
 * Clinic sessions get their numbered slots; exam sessions are timed, with appointments tiling
 * the session without overlap (the database's exclusion constraint still checks them).
 *
 * Identifiers are reserved as blocks of the identity sequences while the tables are locked
 * against other writers, so rows can point at each other by arithmetic instead of joins.
 */
import type pg from 'pg';
import { HOSPITAL_TZ } from '../constants.js';

export interface HistoryOptions {
  /** synthetic patients to add (each with a record in the institution with the most resources); 0 uses the existing patients */
  patients: number;
  /** historical appointments to add */
  appointments: number;
  /** length of the history in days (default 365) */
  days?: number;
  seed?: number;
  /** encrypts the placeholder document and mobile numbers; without it an existing patient's ciphertext is reused */
  crypto?: { encryptField(value: string): string };
  /** VACUUM ANALYZE afterwards, so plans and index-only scans see the data (default true) */
  vacuum?: boolean;
  log?: (message: string) => void;
}

export interface HistoryResult {
  patientsAdded: number;
  appointments: number;
  sessions: number;
  slots: number;
  resources: number;
  from: string;
  to: string;
  ms: { patients: number; sessions: number; slots: number; appointments: number; vacuum: number; total: number };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
const SURNAMES_PY = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'gao', 'lin', 'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'xu', 'han', 'feng', 'deng', 'cao'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '英', '华', '玉', '兰', '萍', '红', '建', '文', '辉', '力', '鹏', '飞', '云', '亮', '宇', '婷', '雪', '琳', '晨'];
const GIVEN_PY = ['wei', 'fang', 'na', 'min', 'jing', 'li', 'qiang', 'lei', 'jun', 'yang', 'yong', 'yan', 'jie', 'juan', 'tao', 'ming', 'chao', 'xiu', 'xia', 'ping', 'gang', 'ying', 'hua', 'yu', 'lan', 'ping', 'hong', 'jian', 'wen', 'hui', 'li', 'peng', 'fei', 'yun', 'liang', 'yu', 'ting', 'xue', 'lin', 'chen'];

/** 31-bit pseudo-random number of row `g` in stream `s` (stable for a seed) */
const rnd = (g: string, s: string) => `(hashint8extended(${g}, ${s}) & 2147483647)`;

/** reserves `n` consecutive values of a table's identity sequence; returns the first */
async function reserveIds(db: pg.PoolClient, table: string, n: number): Promise<number> {
  if (n <= 0) return 0;
  const { rows } = await db.query(
    `SELECT setval(s::regclass, nextval(s::regclass) + $1::bigint - 1) - $1::bigint + 1 AS base FROM pg_get_serial_sequence($2, 'id') s`, [n, table]);
  return Number(rows[0].base);
}

export async function loadHistoricalAppointments(pool: pg.Pool, options: HistoryOptions): Promise<HistoryResult> {
  const days = options.days ?? 365;
  const seed = options.seed ?? 20_260_101;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const ms = { patients: 0, sessions: 0, slots: 0, appointments: 0, vacuum: 0, total: 0 };
  const db = await pool.connect();
  let result: Omit<HistoryResult, 'ms'>;
  try {
    await db.query('BEGIN');
    // a bulk load may be lost on a crash; the benchmark then simply starts again
    await db.query(`SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '512MB'`);
    // every reference below is correct by construction: skip the per-row foreign-key triggers
    // (35 million look-ups for 5 million appointments) when the connection may (superuser)
    await db.query('SAVEPOINT replica');
    await db.query('SET LOCAL session_replication_role = replica').then(
      () => db.query('RELEASE SAVEPOINT replica'),
      () => db.query('ROLLBACK TO SAVEPOINT replica'));
    await db.query('LOCK TABLE patient, patient_record, sched_session, sched_slot, appointment IN SHARE ROW EXCLUSIVE MODE');

    const res = await db.query(
      `CREATE TEMP TABLE hist_resource ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id, institution_id, department_id, kind, practitioner_id, clinic_level, room,
         CASE clinic_level WHEN 'general' THEN 10 WHEN 'expert' THEN 25 WHEN 'special' THEN 50 END AS fee
       FROM sched_resource WHERE active`);
    const resources = res.rowCount ?? 0;
    if (!resources) throw new Error('no active resources to give a history to');
    const range = (await db.query(
      `SELECT to_char(e - $1::int + 1, 'YYYY-MM-DD') AS "from", to_char(e, 'YYYY-MM-DD') AS "to"
       FROM (SELECT LEAST((now() AT TIME ZONE '${HOSPITAL_TZ}')::date - 1, COALESCE((SELECT min(service_date) FROM sched_session) - 1, 'infinity')) AS e) x`,
      [days])).rows[0] as { from: string; to: string };

    // --- patients
    let t = performance.now();
    const patientBase = await reserveIds(db, 'patient', options.patients);
    if (options.patients > 0) await insertPatients(db, patientBase, options.patients, seed, options.crypto);
    const patientCount = options.patients > 0 ? options.patients
      : Number((await db.query(`CREATE TEMP TABLE hist_patient ON COMMIT DROP AS
          SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM patient WHERE status = 'active'`)).rowCount);
    if (options.patients === 0) await db.query('CREATE UNIQUE INDEX ON hist_patient (n)');
    if (!patientCount) throw new Error('no patients to book for');
    ms.patients = performance.now() - t;
    log(`patients: ${options.patients} added in ${Math.round(ms.patients)} ms`);

    // --- sessions: k = day * 2R + period * R + resource
    t = performance.now();
    const sessions = resources * days * 2;
    const perSession = Math.max(1, Math.ceil(options.appointments / sessions));
    const sessionBase = await reserveIds(db, 'sched_session', sessions);
    await db.query(
      `CREATE TEMP TABLE hist_session ON COMMIT DROP AS
       SELECT k, $1::bigint + k AS id, r.institution_id, r.department_id, r.id AS resource_id, r.practitioner_id, r.kind, r.clinic_level, r.fee, r.room,
         d.day, d.period, d.starts_at, d.ends_at, c.cap, GREATEST(0, LEAST($3::int, $4::bigint - k * $3::int))::int AS used, k * $3::int AS app_off,
         COALESCE(sum(c.cap) FILTER (WHERE r.kind = 'clinic') OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS slot_off,
         GREATEST(1, ceil(c.cap::numeric / GREATEST(1, floor(extract(epoch FROM d.ends_at - d.starts_at) / 1800))))::int AS per_seg
       FROM generate_series(0, $2::bigint - 1) k
       JOIN hist_resource r ON r.n = k % $5::int
       CROSS JOIN LATERAL (SELECT ($6::date + (k / (2 * $5::int))::int) AS day, CASE WHEN (k / $5::int) % 2 = 0 THEN 'am' ELSE 'pm' END AS period) p
       CROSS JOIN LATERAL (SELECT p.day, p.period,
           ((p.day + CASE WHEN p.period = 'am' THEN time '08:00' WHEN r.kind = 'exam' THEN time '13:30' ELSE time '14:00' END)::timestamp AT TIME ZONE '${HOSPITAL_TZ}') AS starts_at,
           ((p.day + CASE WHEN p.period = 'am' THEN time '12:00' ELSE time '17:30' END)::timestamp AT TIME ZONE '${HOSPITAL_TZ}') AS ends_at) d
       CROSS JOIN LATERAL (SELECT ($3::int + ${rnd('k', `${seed} + 9`)} % (ceil($3::int / 3.0)::int + 1))::int AS cap) c
       ORDER BY k`,
      [sessionBase, sessions, perSession, options.appointments, resources, range.from]);
    await db.query(
      `INSERT INTO sched_session (id, institution_id, department_id, resource_id, practitioner_id, service_date, period, starts_at, ends_at,
         pool_kind, clinic_level, fee, room, status, source, opens_at, closes_at, capacity, next_seq, created_at, updated_at)
       SELECT id, institution_id, department_id, resource_id, practitioner_id, day, period, starts_at, ends_at,
         CASE kind WHEN 'clinic' THEN 'numbered' ELSE 'timed' END, clinic_level, fee, room, 'open', 'plan',
         starts_at - interval '7 days', starts_at, cap, cap + 1, starts_at - interval '8 days', starts_at - interval '8 days'
       FROM hist_session ORDER BY k`);
    ms.sessions = performance.now() - t;
    log(`sessions: ${sessions} (${perSession} appointments each) in ${Math.round(ms.sessions)} ms`);

    // --- numbered slots of the clinic sessions; the booked ones point at their appointment
    t = performance.now();
    const slots = Number((await db.query(`SELECT COALESCE(sum(cap), 0) AS n FROM hist_session WHERE kind = 'clinic'`)).rows[0].n);
    const slotBase = await reserveIds(db, 'sched_slot', slots);
    const appointmentBase = await reserveIds(db, 'appointment', options.appointments);
    const cancelled = `(${rnd('s.app_off + q - 1', `${seed} + 2`)} % 100 < 12)`;
    await db.query(
      `INSERT INTO sched_slot (id, session_id, seq, starts_at, ends_at, status, appointment_id)
       SELECT $1::bigint + s.slot_off + q - 1, s.id, q,
         s.starts_at + ((q - 1) / s.per_seg) * interval '30 minutes', s.starts_at + ((q - 1) / s.per_seg + 1) * interval '30 minutes',
         CASE WHEN q <= s.used AND NOT ${cancelled} THEN 'booked' ELSE 'free' END,
         CASE WHEN q <= s.used AND NOT ${cancelled} THEN $2::bigint + s.app_off + q - 1 END
       FROM hist_session s CROSS JOIN LATERAL generate_series(1, s.cap) q
       WHERE s.kind = 'clinic'`, [slotBase, appointmentBase]);
    ms.slots = performance.now() - t;
    log(`slots: ${slots} in ${Math.round(ms.slots)} ms`);

    // --- appointments, in time order
    t = performance.now();
    // the added patients are one block of ids; otherwise pick from a numbered list of the existing ones
    const patient = options.patients > 0 ? `$4::bigint + h.h2 % $3::bigint` : `(SELECT hp.id FROM hist_patient hp WHERE hp.n = h.h2 % $3::bigint)`;
    await db.query(
      `INSERT INTO appointment (id, institution_id, department_id, resource_id, session_id, slot_id, practitioner_id, patient_id, kind,
         seq, starts_at, ends_at, channel, status, created_at, updated_at, cancelled_at, cancel_reason)
       SELECT $1::bigint + g, s.institution_id, s.department_id, s.resource_id, s.id,
         CASE WHEN s.kind = 'clinic' THEN $2::bigint + s.slot_off + q - 1 END, s.practitioner_id, ${patient}, s.kind, q,
         tm.starts_at, tm.ends_at,
         CASE WHEN h.h1 / 100 % 100 < 35 THEN 'wechat' WHEN h.h1 / 100 % 100 < 55 THEN 'window' WHEN h.h1 / 100 % 100 < 70 THEN 'kiosk'
              WHEN h.h1 / 100 % 100 < 80 THEN 'internet' WHEN h.h1 / 100 % 100 < 86 THEN 'phone' WHEN h.h1 / 100 % 100 < 95 THEN 'doctor' ELSE 'referral' END,
         CASE WHEN h.h1 % 100 < 12 THEN 'cancelled' WHEN h.h1 % 100 < 18 THEN 'noshow' ELSE 'fulfilled' END,
         tm.starts_at - (1 + h.h2 % 7) * interval '1 day', tm.starts_at,
         CASE WHEN h.h1 % 100 < 12 THEN tm.starts_at - interval '12 hours' END,
         CASE WHEN h.h1 % 100 < 12 THEN '患者取消' END
       FROM hist_session s
       CROSS JOIN LATERAL generate_series(1, s.used) q
       CROSS JOIN LATERAL (SELECT s.app_off + q - 1 AS g) x
       CROSS JOIN LATERAL (SELECT ${rnd('x.g', `${seed} + 2`)} AS h1, ${rnd('x.g', `${seed} + 3`)} AS h2) h
       CROSS JOIN LATERAL (SELECT
           CASE WHEN s.kind = 'clinic' THEN s.starts_at + ((q - 1) / s.per_seg) * interval '30 minutes'
                ELSE s.starts_at + (q - 1) * ((s.ends_at - s.starts_at) / s.cap) END AS starts_at,
           CASE WHEN s.kind = 'clinic' THEN s.starts_at + ((q - 1) / s.per_seg + 1) * interval '30 minutes'
                ELSE s.starts_at + q * ((s.ends_at - s.starts_at) / s.cap) END AS ends_at) tm`,
      options.patients > 0 ? [appointmentBase, slotBase, patientCount, patientBase] : [appointmentBase, slotBase, patientCount]);
    ms.appointments = performance.now() - t;
    log(`appointments: ${options.appointments} in ${Math.round(ms.appointments)} ms`);
    await db.query('COMMIT');
    result = { patientsAdded: options.patients, appointments: options.appointments, sessions, slots, resources, from: range.from, to: range.to };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    db.release();
  }
  if (options.vacuum ?? true) {
    const t = performance.now();
    // the visibility map lets the statistics be read from the index alone; fresh statistics for the planner
    await pool.query('VACUUM (ANALYZE) patient, patient_record, sched_session, sched_slot, appointment');
    ms.vacuum = performance.now() - t;
    log(`vacuum analyze in ${Math.round(ms.vacuum)} ms`);
  }
  ms.total = performance.now() - started;
  return { ...result, ms };
}

/**
 * Patients `base … base + n - 1` with a record (MRN) in the institution with the most resources:
 * two- or three-character names with their search tokens and pinyin, sex, birth date, a
 * resident-ID-shaped masked number and a unique document look-up hash.
 */
async function insertPatients(db: pg.PoolClient, base: number, n: number, seed: number, crypto?: HistoryOptions['crypto']): Promise<void> {
  const template = crypto
    ? { doc: crypto.encryptField('110101199001011237'), mobile: crypto.encryptField('13800138000') }
    : (await db.query(`SELECT id_number_enc AS doc, mobile_enc AS mobile FROM patient WHERE mobile_enc IS NOT NULL ORDER BY id LIMIT 1`)).rows[0]
      ?? { doc: 'k1:synthetic', mobile: null };
  await db.query(
    `INSERT INTO patient (id, regional_id, name, name_tokens, name_initials, name_pinyin, sex, birth_date, id_type,
       id_number_enc, id_number_index, id_number_masked, mobile_enc, mobile_index, mobile_masked, created_at, updated_at)
     SELECT id, 'P' || lpad(id::text, 10, '0'), sur || g1 || coalesce(g2, ''),
       CASE WHEN g2 IS NULL THEN ARRAY[sur, g1, sur || g1] ELSE ARRAY[sur, g1, g2, sur || g1, g1 || g2] END,
       left(sur_py, 1) || left(g1_py, 1) || coalesce(left(g2_py, 1), ''), sur_py || g1_py || coalesce(g2_py, ''),
       CASE WHEN r2 % 2 = 0 THEN 'female' ELSE 'male' END, date '1940-01-01' + (r2 / 2 % 29000)::int, 'resident_id',
       $7::text, encode(sha256(convert_to('bench-doc:' || id, 'UTF8')), 'hex'), '1101' || repeat('*', 10) || lpad((id % 10000)::text, 4, '0'),
       $8::text, CASE WHEN $8::text IS NOT NULL THEN encode(sha256(convert_to('bench-phone:' || id, 'UTF8')), 'hex') END,
       CASE WHEN $8::text IS NOT NULL THEN '139****' || lpad((id % 10000)::text, 4, '0') END, now(), now()
     FROM (
       SELECT $1::bigint + g - 1 AS id, r2,
         ($3::text[])[1 + r1 % 30] AS sur, ($4::text[])[1 + r1 % 30] AS sur_py,
         ($5::text[])[1 + r1 / 30 % 40] AS g1, ($6::text[])[1 + r1 / 30 % 40] AS g1_py,
         CASE WHEN r2 % 3 <> 0 THEN ($5::text[])[1 + (r1 / 30 % 40 + 1 + r1 / 1200 % 39) % 40] END AS g2,
         CASE WHEN r2 % 3 <> 0 THEN ($6::text[])[1 + (r1 / 30 % 40 + 1 + r1 / 1200 % 39) % 40] END AS g2_py
       FROM (SELECT g, ${rnd('g', `${seed}`)} AS r1, ${rnd('g', `${seed} + 1`)} AS r2 FROM generate_series(1, $2::bigint) g) x
     ) y`,
    [base, n, SURNAMES, SURNAMES_PY, GIVEN, GIVEN_PY, template.doc, template.mobile]);
  await db.query(
    `INSERT INTO patient_record (patient_id, institution_id, mrn)
     SELECT pid, i.id, i.code || '-' || lpad(nextval('patient_mrn_seq')::text, 8, '0')
     FROM generate_series($1::bigint, $1::bigint + $2::bigint - 1) pid,
       (SELECT o.id, o.code FROM org_unit o JOIN sched_resource r ON r.institution_id = o.id GROUP BY o.id, o.code ORDER BY count(*) DESC, o.id LIMIT 1) i`,
    [base, n]);
}

export { monthlyStatsBench, type MonthlyStatsBench } from './monthly-bench.js';
