import { test } from 'node:test';
import { startTestPlatform } from '@kangyun/server/testing/index.ts';
import { institutionAuditor, qs } from './test-helpers.js';

test('bench', { timeout: 900_000 }, async () => {
  const p = await startTestPlatform({ startJobs: false });
  const insts = (await p.kernel.pool.query("SELECT array_agg(id) AS ids FROM org_unit WHERE kind = 'institution'")).rows[0].ids;
  let t = Date.now();
  await p.kernel.pool.query(`INSERT INTO audit_event (at, actor_id, actor_name, institution_id, role_code, action, entity_type, entity_id, patient_id, outcome, ip, detail)
    SELECT now() - make_interval(secs => g * 1.3), 1000 + g % 300, 'user' || (g % 300), ($1::bigint[])[1 + g % 4], 'doctor',
      (ARRAY['patient.read','patient.search','patient.update','auth.login','auth.logout','fhir.read','patient.reveal','staff.update'])[1 + g % 8],
      'Patient', (g % 50000)::text, g % 50000, CASE WHEN g % 97 = 0 THEN 'failure' ELSE 'success' END, '10.1.2.3', jsonb_build_object('n', g)
    FROM generate_series(1, 2000000) g`, [insts]);
  console.log('insert 2M', Date.now() - t);
  await p.kernel.pool.query('VACUUM ANALYZE audit_event');
  const a = await p.as('auditadmin');
  const local = await institutionAuditor(p, 'audit.bench', 'C001');
  const time = async (label: string, c: typeof a, path: string) => {
    await c.get(path);
    const t0 = Date.now();
    const r = await c.get(path);
    console.log(label.padEnd(40), String(Date.now() - t0).padStart(6), 'ms', r.status, r.body?.total ?? (Array.isArray(r.body) ? r.body.length : r.body?.entries));
  };
  await time('default 7d region', a, '/api/audit');
  await time('default 7d institution', local, '/api/audit');
  await time('page 400', a, '/api/audit?page=400&pageSize=25');
  await time('action prefix patient.', a, '/api/audit?action=patient.');
  await time('action exact staff.update', a, '/api/audit?action=staff.update');
  await time('user user17', a, '/api/audit?user=user17');
  await time('user id 1017', a, '/api/audit?user=1017');
  await time('patientId', a, '/api/audit?patientId=123');
  await time('entity', a, '/api/audit?entityType=Patient&entityId=123');
  await time('outcome failure', a, '/api/audit?outcome=failure');
  await time('q rare text', a, '/api/audit?q=nomatch');
  await time('q 30d', a, '/api/audit?q=nomatch&from=' + new Date(Date.now() - 30 * 86400000).toISOString());
  await time('institution filter', a, `/api/audit?institutionId=${insts[2]}`);
  await time('stats 14d', a, '/api/audit/stats?from=' + new Date(Date.now() - 14 * 86400000).toISOString());
  await time('stats 14d institution', local, '/api/audit/stats?from=' + new Date(Date.now() - 14 * 86400000).toISOString());
  await time('retention', a, '/api/audit/retention');
  await time('export csv failures 30d', a, '/api/audit/export?format=csv&outcome=failure&from=' + new Date(Date.now() - 30 * 86400000).toISOString());
  await p.kernel.pool.query(`BEGIN; ALTER TABLE audit_event DISABLE TRIGGER USER; DELETE FROM audit_event WHERE seq IS NULL AND action <> 'audit.search' AND actor_name LIKE 'user%'; ALTER TABLE audit_event ENABLE TRIGGER USER; COMMIT`);
  await p.close();
});
