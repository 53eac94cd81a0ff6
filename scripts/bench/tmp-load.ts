import path from 'node:path';
import { startBenchDatabase, migrateAndSeed, bulkLoad } from './dataset.js';
import { root } from './util.js';
const db = await startBenchDatabase(path.join(root, '.bench-data', 'tmp-load'));
try {
  console.log('seed ms', await migrateAndSeed(db));
  const r = await bulkLoad(db, Number(process.argv[2] ?? 20000));
  console.log({ ...r, ids: r.ids.length, idNumbers: r.idNumbers.slice(0, 3), n: r.idNumbers.length });
} finally { await db.stop(); }
