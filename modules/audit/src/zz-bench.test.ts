import { test } from 'node:test';
import { startTestPlatform } from '@kangyun/server/testing/index.ts';
import { institutionAuditor } from './test-helpers.js';
import { rollUpPending } from './services/daily-counts.js';

test('bench', { timeout: 1800_000 }, async () => {
  const p = await startTestPlatform({ startJobs: false });
  const insts = (await p.kernel.pool.query("SELECT array_agg(id) AS ids FROM org_unit WHERE kind = 'institution'")).rows[0].ids;
  let t = Date.now();
  // 2M rows over 30 days, already "sealed" (seq set directly: this bench is about reading, not the chain)
  await p.kernel.pool.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
  await p.kernel.pool.query(`INSERT INTO audit_event (at, actor_id, actor_name, institution_id, role_code, action, entity_type, entity_id, patient_id, outcome, ip, detail, seq, chain_hash)
    SELECT now() - make_interval(secs => g * 1.3), 1000 + g % 300, 'user' || (g % 300), ($1::bigint[])[1 + g % 4], 'doctor',
      (ARRAY['patient.read','patient.search','patient.update','auth.login','auth.logout','fhir.read','patient.reveal','staff.update'])[1 + g % 8] || CASE WHEN g % 5000 = 0 THEN '_rare' ELSE '' END,
      'Patient', (g % 50000)::text, g % 50000, CASE WHEN g % 97 = 0 THEN 'failure' ELSE 'success' END, '10.1.2.3', jsonb_build_object('n', g, 'reason', 'clinical care'), 1000000 + g, 'x'
    FROM generate_series(1, 2000000) g`, [insts]);
  await p.kernel.pool.query('UPDATE audit_chain_head SET last_seq = 3000000');
  console.log('insert 2M', Date.now() - t);
  await p.kernel.pool.query('VACUUM ANALYZE audit_event');
  const a = await p.as('auditadmin');
  const local = await institutionAuditor(p, 'audit.bench', 'C001');
  const time = async (label: string, c: typeof a, path: string) => {
    await c.get(path);
    const t0 = Date.now();
    const r = await c.get(path);
    console.log(label.padEnd(40), String(Date.now() - t0).padStart(6), 'ms', r.status, r.body?.total ?? (Array.isArray(r.body) ? r.body.length : r.body?.entries ?? r.body?.code));
  };
  const from14 = new Date(Date.now() - 14 * 86400000).toISOString();
  await time('default 7d region', a, '/api/audit');
  await time('default 7d institution', local, '/api/audit');
  await time('action prefix patient.', a, '/api/audit?action=patient.');
  await time('action rare exact', a, '/api/audit?action=staff.update_rare');
  await time('action rare prefix auth.logout_', a, '/api/audit?action=auth.logout_*');
  await time('user user17', a, '/api/audit?user=user17');
  await time('q nomatch 7d', a, '/api/audit?q=nomatch');
  await time('q user17 7d', a, '/api/audit?q=user17');
  await time('stats 14d live', a, '/api/audit/stats?from=' + from14);
  await time('retention live', a, '/api/audit/retention');
  t = Date.now();
  await rollUpPending(p.kernel.pool);
  console.log('rollup', Date.now() - t);
  await time('stats 14d rollup', a, '/api/audit/stats?from=' + from14);
  await time('stats 14d rollup institution', local, '/api/audit/stats?from=' + from14);
  await time('retention rollup', a, '/api/audit/retention');
  await time('retention rollup institution', local, '/api/audit/retention');
  await p.kernel.pool.query(`DELETE FROM audit_event WHERE chain_hash = 'x'`);
  await p.kernel.pool.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
  await p.kernel.pool.query('UPDATE audit_chain_head SET last_seq = 0');
  await p.close();
});
