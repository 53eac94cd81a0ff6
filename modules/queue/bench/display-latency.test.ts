import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { displayLatencyBench } from './display-latency.js';

let p: TestPlatform;
before(async () => { p = await startTestPlatform({ startJobs: false }); });
after(async () => { await p.close(); });

// a small run of the benchmark (npm run bench runs it with 200 screens): every call reaches every screen
test('display latency benchmark, small: 40 screens, 10 calls', async (t) => {
  const r = await displayLatencyBench(p.baseUrl, { databaseUrl: p.databaseUrl, screens: 40, calls: 10, pauseMs: 0 });
  t.diagnostic(JSON.stringify(r));
  assert.equal(r.screens, 40);
  assert.equal(r.calls, 10);
  assert.equal(r.missed, 0);
  assert.ok(r.p99 < 1000, `p99 ${r.p99} ms`);
  const { rows } = await p.kernel.pool.query(`SELECT count(*)::int AS n FROM display_device WHERE name LIKE '压测大屏%' AND revoked_at IS NULL`);
  assert.equal(rows[0].n, 0, 'the benchmark revokes its screens');
});
