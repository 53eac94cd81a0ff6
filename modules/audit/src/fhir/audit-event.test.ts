import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEvent, Bundle } from '@medplum/fhirtypes';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { accountId, qs } from '../test-helpers.js';

let p: TestPlatform;
let auditorClient: ApiClient;
let liId: number;
let zhaoId: number;
before(async () => {
  p = await startTestPlatform();
  await (await p.as('dr.li')).post('/api/auth/logout'); // 示例市第一人民医院, like the demo auditor client
  await p.as('dr.zhao'); // 城东社区卫生服务中心
  await p.anonymous().post('/api/auth/login', { username: 'dr.li', password: 'wrong' });
  liId = await accountId(p, 'dr.li');
  zhaoId = await accountId(p, 'dr.zhao');
  auditorClient = await p.withToken('demo-auditor', 'demo-auditor-secret');
});
after(async () => { await p.close(); });

const search = async (params: Record<string, string> | [string, string][]) => {
  const query = Array.isArray(params) ? `?${new URLSearchParams(params)}` : qs(params);
  const res = await auditorClient.get(`/fhir/R4/AuditEvent${query}`);
  assert.equal(res.status, 200, res.text);
  return res.body as Bundle<AuditEvent>;
};
const events = (b: Bundle<AuditEvent>) => (b.entry ?? []).map((e) => e.resource!);

describe('FHIR AuditEvent', () => {
  test('entity=Account/<id> returns that account\'s sign-ins and sign-out as AuditEvents', async () => {
    const bundle = await search({ entity: `Account/${liId}` });
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'searchset');
    const list = events(bundle);
    assert.equal(bundle.total, 3);
    assert.ok(list.every((e) => e.resourceType === 'AuditEvent' && e.entity?.some((x) => x.what?.reference === `Account/${liId}`)));
    const ok = list.find((e) => e.outcome === '0' && e.subtype![0].code === 'auth.login')!;
    assert.equal(ok.type.code, '110114');
    assert.equal(ok.subtype![0].code, 'auth.login');
    assert.equal(ok.action, 'E');
    assert.equal(ok.agent[0].who?.display, 'dr.li');
    assert.equal(ok.agent[0].requestor, true);
    assert.equal(list.find((e) => e.outcome === '4')!.outcomeDesc, 'bad_password');
  });

  test('an integration client sees only its own institution', async () => {
    assert.equal((await search({ entity: `Account/${zhaoId}` })).total, 0);
  });

  test('date prefixes (repeatable), outcome, action and agent narrow the search', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const inRange = await search([['entity', `Account/${liId}`], ['date', `ge${today}`], ['date', 'lt2999-01-01']]);
    assert.equal(inRange.total, 3);
    assert.equal((await search([['entity', `Account/${liId}`], ['date', 'lt2000-01-01']])).total, 0);
    assert.equal((await search({ entity: `Account/${liId}`, outcome: '4' })).total, 1);
    assert.equal((await search({ entity: `Account/${liId}`, action: 'auth.login', outcome: '0' })).total, 1);
    const mine = events(await search({ agent: `Practitioner/${liId}` }));
    assert.ok(mine.length > 0 && mine.every((e) => e.agent[0].who?.reference === `Practitioner/${liId}`));
  });

  test('read by id, and bad parameters are OperationOutcomes', async () => {
    const [first] = events(await search({ entity: `Account/${liId}`, _count: '1' }));
    const res = await auditorClient.get(`/fhir/R4/AuditEvent/${first.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.id, first.id);
    const bad = await auditorClient.get('/fhir/R4/AuditEvent?date=yesterday');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.resourceType, 'OperationOutcome');
  });

  test('reading the log through FHIR is itself audited', async () => {
    const before = (await p.kernel.pool.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'audit.search' AND client_id = 'demo-auditor'")).rows[0].n;
    await search({ entity: `Account/${liId}` });
    const { rows } = await p.kernel.pool.query(
      "SELECT count(*)::int AS n, (array_agg(detail ORDER BY id DESC))[1] AS last FROM audit_event WHERE action = 'audit.search' AND client_id = 'demo-auditor'");
    assert.equal(rows[0].n, before + 1);
    assert.equal(rows[0].last.via, 'fhir');
    assert.deepEqual(rows[0].last.params, [['entity', `Account/${liId}`]]);
  });

  test('a client with clinical scopes only is refused', async () => {
    const clinical = await p.withToken('demo-integration', 'demo-integration-secret');
    const res = await clinical.get(`/fhir/R4/AuditEvent?entity=Account/${liId}`);
    assert.equal(res.status, 403);
    assert.equal(res.body.resourceType, 'OperationOutcome');
    assert.equal((await clinical.get('/fhir/R4/AuditEvent/1')).status, 403);
  });
});
