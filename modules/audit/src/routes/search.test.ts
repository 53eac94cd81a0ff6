import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { accountId, insertAt, institutionAuditor, institutionId, qs, sealEverything, seedEntries } from '../test-helpers.js';
import { rollUpPending } from '../services/daily-counts.js';

let p: TestPlatform;
let auditor: ApiClient;
let h001: number;
let c001: number;
before(async () => {
  p = await startTestPlatform();
  auditor = await p.as('auditadmin');
  h001 = await institutionId(p, 'H001');
  c001 = await institutionId(p, 'C001');
});
after(async () => { await p.close(); });

const search = async (params: Record<string, string | number | undefined>, client = auditor) => {
  const res = await client.get(`/api/audit${qs(params)}`);
  assert.equal(res.status, 200, res.text);
  return res.body as { items: Record<string, any>[]; total: number; totalExact: boolean };
};

describe('who may read the audit log', () => {
  test('clinicians, the system administrator and the security administrator are refused (三权分立)', async () => {
    for (const user of ['dr.li', 'sysadmin', 'secadmin']) {
      const res = await (await p.as(user)).get('/api/audit');
      assert.equal(res.status, 403, user);
      assert.equal(res.body.code, 'forbidden');
    }
    assert.equal((await p.anonymous().get('/api/audit')).status, 401);
    assert.equal((await (await p.as('dr.li')).post('/api/audit/verify')).status, 403);
    assert.equal((await (await p.as('sysadmin')).get('/api/audit/stats')).status, 403);
  });
});

describe('API documentation', () => {
  test('the audit routes and their query parameters are in the OpenAPI document', async () => {
    const doc = (await p.anonymous().get('/api/docs/json')).body;
    const names = (path: string) => (doc.paths[path].get.parameters as { name: string; in: string }[]).filter((x) => x.in === 'query').map((x) => x.name);
    assert.deepEqual(new Set(names('/api/audit')), new Set(['from', 'to', 'user', 'action', 'patientId', 'outcome', 'entityType', 'entityId', 'institutionId', 'q', 'page', 'pageSize']));
    assert.ok(names('/api/audit/export').includes('format'));
    assert.deepEqual(names('/api/audit/stats').sort(), ['from', 'to']);
    assert.ok(doc.paths['/api/audit/verify'].post);
    assert.ok(doc.paths['/api/audit/retention'].get);
  });
});

describe('searching', () => {
  test('failed logins are found by user and outcome, newest first, with who/where/what', async () => {
    for (let i = 0; i < 3; i++) await p.anonymous().post('/api/auth/login', { username: 'ghost.search', password: 'x' });
    const res = await search({ user: 'ghost.search' });
    assert.equal(res.total, 3);
    assert.equal(res.totalExact, true);
    assert.ok(res.items.every((e) => e.action === 'auth.login' && e.outcome === 'failure' && e.username === 'ghost.search'));
    const ids = res.items.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    const e = res.items[0];
    assert.deepEqual(Object.keys(e).sort(), ['action', 'at', 'detail', 'entityId', 'entityType', 'id', 'institutionId', 'institutionName', 'ip', 'outcome', 'patientId', 'role', 'roleName', 'seq', 'userAgent', 'userId', 'username'].sort());
    assert.equal(e.detail.reason, 'unknown_user');
    assert.ok(e.ip);
    assert.ok(!Number.isNaN(Date.parse(e.at)));
  });

  test('an action prefix finds a whole family; an exact code only itself', async () => {
    const c = await p.as('dr.zhao');
    await c.post('/api/auth/logout');
    const family = await search({ user: 'dr.zhao', action: 'auth.' });
    assert.deepEqual(new Set(family.items.map((e) => e.action)), new Set(['auth.login', 'auth.logout']));
    const logout = family.items.find((e) => e.action === 'auth.logout')!;
    assert.equal(logout.userId, await accountId(p, 'dr.zhao'));
    assert.equal(logout.institutionName, '城东社区卫生服务中心');
    assert.equal(logout.role, 'doctor');
    const star = await search({ user: 'dr.zhao', action: 'auth.*' });
    assert.equal(star.total, family.total);
    const exact = await search({ user: 'dr.zhao', action: 'auth.logout' });
    assert.equal(exact.total, 1);
    assert.equal((await search({ user: 'dr.zhao', action: 'auth' })).total, 0);
    assert.equal((await search({ user: 'dr.zhao', outcome: 'failure' })).total, 0);
  });

  test('a user filter also finds sign-in attempts on that account typed as the mobile number', async () => {
    await p.anonymous().post('/api/auth/login', { username: '13900000005', password: 'wrong' }); // dr.chen's mobile
    const res = await search({ user: 'dr.chen', outcome: 'failure' });
    assert.equal(res.total, 1);
    assert.equal(res.items[0].username, '13900000005');
    assert.equal(res.items[0].entityId, String(await accountId(p, 'dr.chen')));
  });

  test('pages do not overlap and cover every match', async () => {
    await seedEntries(p, { name: 'pager', institutionId: h001 }, [1, 2, 3, 4, 5].map((n) => ({ action: 'test.page', detail: { n } })));
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await search({ action: 'test.page', pageSize: 2, page }));
    assert.deepEqual(pages.map((pg) => pg.items.length), [2, 2, 1]);
    assert.ok(pages.every((pg) => pg.total === 5));
    assert.equal(new Set(pages.flatMap((pg) => pg.items.map((e) => e.id))).size, 5);
    const bad = await auditor.get('/api/audit?pageSize=500');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].field, 'pageSize');
  });

  test('the time range: default last 7 days, explicit days in Beijing time, and bad values named', async () => {
    await insertAt(p, '2025-06-01T23:30:00+08:00', 'test.timed', h001);
    await insertAt(p, '2025-06-02T00:30:00+08:00', 'test.timed', h001);
    await insertAt(p, '2025-06-03T12:00:00+08:00', 'test.timed', h001);
    assert.equal((await search({ action: 'test.timed' })).total, 0, 'older than 7 days is outside the default window');
    assert.equal((await search({ action: 'test.timed', from: '2025-06-01', to: '2025-06-01' })).total, 1);
    assert.equal((await search({ action: 'test.timed', from: '2025-06-01', to: '2025-06-02' })).total, 2);
    assert.equal((await search({ action: 'test.timed', from: '2025-06-02T00:00:00+08:00' , to: '2025-06-30' })).total, 2);
    assert.equal((await search({ action: 'test.timed', to: '2025-06-03' })).total, 3, 'only `to`: the 7 days before it');
    const bad = await auditor.get('/api/audit?from=yesterday');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].field, 'from');
    const reversed = await auditor.get('/api/audit?from=2025-06-03&to=2025-06-01');
    assert.equal(reversed.status, 422);
    assert.equal(reversed.body.errors[0].code, 'range_invalid');
  });

  test('patient, entity, institution and free-text filters', async () => {
    await seedEntries(p, { name: 'filterer', institutionId: c001 }, [
      { action: 'test.filter', entityType: 'Encounter', entityId: 'E-77', patientId: 990_001, detail: { note: '甲乙丙标记 50%_off' } },
      { action: 'test.filter', entityType: 'Encounter', entityId: 'E-78', patientId: 990_002 },
    ]);
    assert.equal((await search({ patientId: 990_001 })).items[0].entityId, 'E-77');
    assert.equal((await search({ entityType: 'Encounter', entityId: 'E-78' })).items[0].patientId, 990_002);
    assert.equal((await search({ action: 'test.filter', institutionId: c001 })).total, 2);
    assert.equal((await search({ action: 'test.filter', institutionId: h001 })).total, 0);
    assert.equal((await search({ q: '甲乙丙标记' })).total, 1);
    assert.equal((await search({ q: '50%_off' })).total, 1, 'wildcards in q are literal');
    assert.equal((await search({ q: '5_%off' })).total, 0);
    const found = (await search({ q: '甲乙丙标记' })).items[0];
    assert.equal((await search({ q: String(found.id) })).items.some((e) => e.id === found.id), true, 'a number finds the entry id');
  });

  test('every search is itself audited, once, with its filters', async () => {
    const count = async () => Number((await p.kernel.pool.query("SELECT count(*) FROM audit_event WHERE action = 'audit.search' AND actor_name = 'auditadmin'")).rows[0].count);
    const before = await count();
    await search({ action: 'auth.', outcome: 'failure' });
    assert.equal(await count(), before + 1);
    const { rows } = await p.kernel.pool.query("SELECT detail, role_code FROM audit_event WHERE action = 'audit.search' AND actor_name = 'auditadmin' ORDER BY id DESC LIMIT 1");
    assert.equal(rows[0].detail.action, 'auth.');
    assert.equal(rows[0].detail.outcome, 'failure');
    assert.ok(rows[0].detail.window.from);
    assert.equal(rows[0].role_code, 'audit_admin');
  });
});

describe('institution isolation', () => {
  test('an institution-scoped auditor sees only their institution; the region auditor sees all', async () => {
    const local = await institutionAuditor(p, 'audit.local', 'C001');
    await seedEntries(p, { name: 'iso.h', institutionId: h001 }, [{ action: 'test.iso' }]);
    await seedEntries(p, { name: 'iso.c', institutionId: c001 }, [{ action: 'test.iso' }]);
    await seedEntries(p, { name: 'iso.none', institutionId: null }, [{ action: 'test.iso' }]);
    const mine = await search({ action: 'test.iso' }, local);
    assert.deepEqual(mine.items.map((e) => e.username), ['iso.c']);
    // asking for another institution explicitly changes nothing
    assert.equal((await search({ action: 'test.iso', institutionId: h001 }, local)).total, 0);
    const all = await search({ action: 'test.iso' });
    assert.deepEqual(new Set(all.items.map((e) => e.username)), new Set(['iso.h', 'iso.c', 'iso.none']));
    // stats and retention are limited the same way
    const isoCount = async (c: ApiClient) => ((await c.get('/api/audit/stats')).body as { action: string; count: number }[])
      .filter((s) => s.action === 'test.iso').reduce((n, s) => n + s.count, 0);
    assert.equal(await isoCount(local), 1);
    assert.equal(await isoCount(auditor), 3);
    await sealEverything(p);
    await rollUpPending(p.kernel.pool); // the per-day counts keep the same isolation
    assert.equal(await isoCount(local), 1);
    assert.equal(await isoCount(auditor), 3);
    const mineTotal = (await local.get('/api/audit/retention')).body.entries;
    const regionTotal = (await auditor.get('/api/audit/retention')).body.entries;
    assert.ok(mineTotal < regionTotal);
    // reading without audit.export: no export
    assert.equal((await local.get('/api/audit/export?format=csv')).status, 403);
  });

  test('the built-in audit administrator of 城东 has region scope, as the built-in role says', async () => {
    const c = await p.as('audit.c001');
    const res = await search({ action: 'test.iso' }, c);
    assert.equal(res.total, 3);
  });
});

describe('statistics and retention', () => {
  test('stats count per Beijing-time day and action', async () => {
    await insertAt(p, '2025-07-10T23:59:00+08:00', 'test.stat', h001);
    await insertAt(p, '2025-07-10T16:30:00Z', 'test.stat', h001); // 2025-07-11 00:30 in Beijing
    await insertAt(p, '2025-07-11T10:00:00+08:00', 'test.stat', h001);
    await insertAt(p, '2025-07-11T10:00:00+08:00', 'test.stat2', h001);
    const res = await auditor.get(`/api/audit/stats${qs({ from: '2025-07-10', to: '2025-07-11' })}`);
    assert.equal(res.status, 200);
    const rows = (res.body as { day: string; action: string; count: number }[]).filter((r) => r.action.startsWith('test.stat'));
    const expected = [
      { day: '2025-07-10', action: 'test.stat', count: 1 },
      { day: '2025-07-11', action: 'test.stat', count: 2 },
      { day: '2025-07-11', action: 'test.stat2', count: 1 },
    ];
    assert.deepEqual(rows, expected);
    // once sealed and rolled up into audit_daily_count, the answer is the same, for whole days and for partial ones
    await sealEverything(p);
    assert.ok(await rollUpPending(p.kernel.pool) > 0);
    const { rows: rolled } = await p.kernel.pool.query("SELECT sum(n)::int AS n FROM audit_daily_count WHERE action LIKE 'test.stat%'");
    assert.equal(rolled[0].n, 4);
    const again = (await auditor.get(`/api/audit/stats${qs({ from: '2025-07-10', to: '2025-07-11' })}`)).body as typeof expected;
    assert.deepEqual(again.filter((r) => r.action.startsWith('test.stat')), expected);
    const partial = (await auditor.get(`/api/audit/stats${qs({ from: '2025-07-10T12:00:00+08:00', to: '2025-07-11T09:00:00+08:00' })}`)).body as typeof expected;
    assert.deepEqual(partial.filter((r) => r.action.startsWith('test.stat')), [
      { day: '2025-07-10', action: 'test.stat', count: 1 },
      { day: '2025-07-11', action: 'test.stat', count: 1 },
    ]);
    await insertAt(p, '2025-07-11T11:00:00+08:00', 'test.stat2', h001); // not rolled up yet: counted live
    const fresh = (await auditor.get(`/api/audit/stats${qs({ from: '2025-07-10', to: '2025-07-11' })}`)).body as typeof expected;
    assert.equal(fresh.find((r) => r.action === 'test.stat2')?.count, 2);
    const tooLong = await auditor.get(`/api/audit/stats${qs({ from: '2020-01-01', to: '2025-01-01' })}`);
    assert.equal(tooLong.status, 422);
    assert.match(tooLong.body.title, /366/);
  });

  test('retention reports the policy, the oldest entry and the count; there is no way to delete', async () => {
    const oldest = '2020-02-02T02:02:02.000Z';
    await insertAt(p, oldest, 'test.old', h001);
    const res = await auditor.get('/api/audit/retention');
    assert.equal(res.status, 200);
    assert.equal(res.body.retentionDays, 180);
    assert.equal(res.body.oldestEntryAt, oldest);
    // every entry is in the demo region, so the region auditor sees them all, rolled up or not
    const total = async () => (await p.kernel.pool.query('SELECT count(*)::int AS n FROM audit_event')).rows[0].n;
    assert.equal(res.body.entries, await total());
    await sealEverything(p);
    await rollUpPending(p.kernel.pool);
    assert.equal((await auditor.get('/api/audit/retention')).body.entries, await total());
    assert.equal((await auditor.delete('/api/audit')).status, 404);
    assert.equal((await (await p.as('dr.li')).get('/api/audit/retention')).status, 403);
  });
});
