import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startTestPlatform, type TestPlatform } from './testing/index.js';

let p: TestPlatform;
before(async () => { p = await startTestPlatform(); });
after(async () => { await p.close(); });

test('healthz reports the database up, and 503 while connections to it are refused', async () => {
  const ok = await p.anonymous().get('/healthz');
  assert.equal(ok.status, 200);
  assert.equal(ok.body.database.status, 'up');
  const dbName = new URL(p.databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.KANGYUN_TEST_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [dbName]);
    const down = await p.anonymous().get('/healthz');
    assert.equal(down.status, 503);
    assert.equal(down.body.database.status, 'down');
  } finally {
    await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS true`);
    await admin.end();
  }
  assert.equal((await p.anonymous().get('/healthz')).status, 200);
});

test('metrics expose per-route request counts, latency histograms and pool usage', async () => {
  const doctor = await p.as('dr.li');
  await doctor.get('/api/patients?q=王');
  const res = await p.anonymous().get('/metrics');
  assert.equal(res.status, 200);
  assert.match(res.text, /kangyun_http_requests_total\{method="GET",route="\/api\/patients",status="200"\} \d+/);
  assert.match(res.text, /kangyun_http_request_duration_seconds_bucket\{le="0.05",method="GET",route="\/api\/patients",status="200"\}/);
  assert.match(res.text, /kangyun_db_pool_connections\{state="total"\} \d+/);
});

test('the OpenAPI document describes the API, including request schemas', async () => {
  const res = await p.anonymous().get('/api/docs/json');
  assert.equal(res.status, 200);
  assert.equal(res.body.openapi, '3.1.0');
  const post = res.body.paths['/api/patients'].post;
  assert.ok(post.requestBody.content['application/json'].schema);
  assert.ok(res.body.paths['/api/auth/login']);
  assert.ok(res.body.paths['/api/staff']);
});

test('unknown API paths are problem+json 404s; non-JSON bodies are refused clearly', async () => {
  const missing = await p.anonymous().get('/api/nothing-here');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const doctor = await p.as('dr.li');
  const bad = await doctor.request('POST', '/api/patients', '{"name": ', { 'content-type': 'application/json' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.code, 'bad_json');
  assert.equal(bad.body.title, '请求内容不是有效的 JSON');
});

test('requests without a session are 401, in English when asked', async () => {
  const res = await p.anonymous().get('/api/patients', { 'accept-language': 'en' });
  assert.equal(res.status, 401);
  assert.equal(res.body.title, 'Please sign in');
});
