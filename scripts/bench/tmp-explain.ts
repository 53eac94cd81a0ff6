import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@kangyun/kernel';
import { explainHotQueries } from './explain.js';
import { root } from './util.js';
const dir = path.join(root, '.bench-data', 'tmp-load');
const e = await startEmbeddedPostgres(dir);
try {
  const c = new pg.Client({ connectionString: e.url }); await c.connect();
  const ids = (await c.query("SELECT p.id FROM patient p JOIN patient_record r ON r.patient_id = p.id JOIN org_unit o ON o.id = r.institution_id AND o.code='H001' ORDER BY random() LIMIT 100")).rows.map(r => Number(r.id));
  await c.end();
  const { demoPatients } = await import('@kangyun/patients');
  const nums = demoPatients(50, 20270101).map(p => p.idNumber);
  const r = await explainHotQueries(e.url, path.join(dir, 'keys.json'), ids, nums);
  for (const p of r) console.log(p.name, p.medianExecutionMs, p.medianPlanningMs, '\n', p.plan);
} finally { await e.stop(); }
