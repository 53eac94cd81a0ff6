import { test } from 'node:test';
import { startTestPlatform } from '@kangyun/server/testing/index.ts';

test('bench', { timeout: 900_000 }, async () => {
  const p = await startTestPlatform({ startJobs: false });
  const insts = (await p.kernel.pool.query("SELECT array_agg(id) AS ids FROM org_unit WHERE kind = 'institution'")).rows[0].ids;
  console.log((await p.kernel.pool.query("SELECT name, default_version FROM pg_available_extensions WHERE name IN ('pg_trgm','btree_gin')")).rows);
  console.log((await p.kernel.pool.query("SELECT version()")).rows);
  await p.kernel.pool.query(`INSERT INTO audit_event (at, actor_id, actor_name, institution_id, role_code, action, entity_type, entity_id, patient_id, outcome, ip, detail)
    SELECT now() - make_interval(secs => g * 2.6), 1000 + g % 300, 'user' || (g % 300), ($1::bigint[])[1 + g % 4], 'doctor',
      (ARRAY['patient.read','patient.search','patient.update','auth.login','auth.logout','fhir.read','patient.reveal','staff.update'])[1 + g % 8],
      'Patient', (g % 50000)::text, g % 50000, CASE WHEN g % 97 = 0 THEN 'failure' ELSE 'success' END, '10.1.2.3', jsonb_build_object('n', g)
    FROM generate_series(1, 1000000) g`, [insts]);
  await p.kernel.pool.query('VACUUM ANALYZE audit_event');
  const c = await p.kernel.pool.connect();
  const explain = async (label: string, sql: string, asApp: boolean) => {
    await c.query('BEGIN');
    if (asApp) await c.query(`SET LOCAL ROLE kangyun_app; SELECT set_config('kangyun.scope','region',true), set_config('kangyun.institutions', '${insts.join(',')}', true), set_config('kangyun.institution','${insts[0]}',true)`);
    const r = await c.query('EXPLAIN (ANALYZE, BUFFERS) ' + sql);
    await c.query('ROLLBACK');
    console.log('=== ' + label + (asApp ? ' [app]' : ' [owner]'));
    console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
  };
  const w = "a.at >= now() - interval '14 days'";
  const stats = `SELECT to_char(a.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, a.action, count(*)::int FROM audit_event a WHERE ${w} GROUP BY 1, 2`;
  await explain('stats', stats, false);
  await explain('stats', stats, true);
  await explain('count', 'SELECT count(*) FROM audit_event', false);
  await explain('count', 'SELECT count(*) FROM audit_event', true);
  const q = `SELECT count(*) FROM audit_event a WHERE a.at >= now() - interval '7 days' AND (a.actor_name ILIKE '%nomatch%' OR a.action ILIKE '%nomatch%' OR a.entity_id ILIKE '%nomatch%' OR a.detail::text ILIKE '%nomatch%')`;
  await explain('q', q, false);
  await explain('q', q, true);
  c.release();
  await p.kernel.pool.query(`BEGIN; ALTER TABLE audit_event DISABLE TRIGGER USER; DELETE FROM audit_event WHERE seq IS NULL AND actor_name LIKE 'user%'; ALTER TABLE audit_event ENABLE TRIGGER USER; COMMIT`);
  await p.close();
});
