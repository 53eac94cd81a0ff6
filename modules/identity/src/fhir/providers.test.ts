import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';

let p: TestPlatform;
let client: ApiClient;
const ids = new Map<string, number>();

before(async () => {
  p = await startTestPlatform();
  client = await p.withToken('demo-integration', 'demo-integration-secret');
  const accounts = await p.kernel.pool.query<{ id: number; username: string }>('SELECT id, username FROM account');
  for (const r of accounts.rows) ids.set(r.username, r.id);
  const orgs = await p.kernel.pool.query<{ id: number; code: string }>('SELECT id, code FROM org_unit');
  for (const r of orgs.rows) ids.set(r.code, r.id);
});
after(async () => { await p.close(); });

const resources = (body: { entry?: { resource: any }[] }) => (body.entry ?? []).map((e) => e.resource);
const link = (body: { link: { relation: string; url: string }[] }, relation: string) => body.link.find((l) => l.relation === relation)?.url;

describe('Practitioner', () => {
  test('read maps a staff account: username identifier, Chinese name split, gender, title', async () => {
    const res = await client.get(`/fhir/R4/Practitioner/${ids.get('dr.wang')}`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'application/fhir+json; charset=utf-8');
    const pr = res.body;
    assert.equal(pr.resourceType, 'Practitioner');
    assert.equal(pr.id, String(ids.get('dr.wang')));
    assert.deepEqual(pr.identifier, [{ system: 'urn:kangyun:username', value: 'dr.wang' }]);
    assert.deepEqual(pr.name, [{ use: 'official', text: '王建国', family: '王', given: ['建国'] }]);
    assert.equal(pr.gender, 'male');
    assert.equal(pr.active, true);
    assert.equal(pr.qualification[0].code.text, '主任医师');
    assert.ok(pr.meta.lastUpdated);
  });

  test('the mobile number is given only to callers who manage staff', async () => {
    assert.equal((await client.get(`/fhir/R4/Practitioner/${ids.get('dr.li')}`)).body.telecom, undefined);
    const sysadmin = await p.as('sysadmin');
    const res = await sysadmin.get(`/fhir/R4/Practitioner/${ids.get('dr.li')}`);
    assert.deepEqual(res.body.telecom, [{ system: 'phone', value: '13900000002', use: 'mobile' }]);
  });

  test('names that are not a 2–3 character Chinese name keep only text', async () => {
    const res = await client.get(`/fhir/R4/Practitioner/${ids.get('sysadmin')}`);
    assert.deepEqual(res.body.name, [{ use: 'official', text: '系统管理员' }]);
  });

  test('search by a Chinese substring of the name', async () => {
    const res = await client.get('/fhir/R4/Practitioner?name=王');
    assert.equal(res.status, 200);
    assert.equal(res.body.resourceType, 'Bundle');
    assert.equal(res.body.type, 'searchset');
    const names = resources(res.body).map((r) => r.name[0].text);
    assert.ok(names.includes('王建国'));
    assert.ok(names.every((n: string) => n.includes('王')));
    assert.equal(res.body.total, names.length);
    const middle = await client.get(`/fhir/R4/Practitioner?name=${encodeURIComponent('建国')}`);
    assert.deepEqual(resources(middle.body).map((r) => r.identifier[0].value), ['dr.wang']);
    const exact = await client.get(`/fhir/R4/Practitioner?name:exact=${encodeURIComponent('王建')}`);
    assert.equal(exact.body.total, 0);
  });

  test('search by identifier, with or without the system', async () => {
    for (const q of ['urn:kangyun:username|dr.li', 'dr.li']) {
      const res = await client.get(`/fhir/R4/Practitioner?identifier=${encodeURIComponent(q)}`);
      assert.equal(res.body.total, 1, q);
      assert.equal(res.body.entry[0].resource.name[0].text, '李明');
      assert.equal(res.body.entry[0].fullUrl, `${p.baseUrl}/fhir/R4/Practitioner/${ids.get('dr.li')}`);
    }
    const other = await client.get(`/fhir/R4/Practitioner?identifier=${encodeURIComponent('urn:other|dr.li')}`);
    assert.equal(other.body.total, 0);
    const either = await client.get('/fhir/R4/Practitioner?identifier=dr.li,dr.zhang');
    assert.equal(either.body.total, 2);
  });

  test('search by gender, ANDed with the name', async () => {
    const res = await client.get(`/fhir/R4/Practitioner?gender=female&name=${encodeURIComponent('张')}`);
    assert.deepEqual(resources(res.body).map((r) => r.identifier[0].value), ['dr.zhang']);
  });

  test('a client of one institution sees only staff with a post there', async () => {
    // dr.zhao works only at 城东 (C001); the integration client belongs to H001
    assert.equal((await client.get(`/fhir/R4/Practitioner/${ids.get('dr.zhao')}`)).status, 404);
    assert.equal((await client.get(`/fhir/R4/Practitioner?name=${encodeURIComponent('赵磊')}`)).body.total, 0);
    const sysadmin = await p.as('sysadmin');
    assert.equal((await sysadmin.get(`/fhir/R4/Practitioner/${ids.get('dr.zhao')}`)).status, 200);
  });

  test('unknown ids are a 404 OperationOutcome', async () => {
    for (const id of ['999999', 'abc']) {
      const res = await client.get(`/fhir/R4/Practitioner/${id}`);
      assert.equal(res.status, 404);
      assert.equal(res.body.resourceType, 'OperationOutcome');
      assert.equal(res.body.issue[0].code, 'not-found');
    }
  });

  test('a client whose scopes lack staff.read gets 403', async () => {
    const auditor = await p.withToken('demo-auditor', 'demo-auditor-secret');
    const res = await auditor.get('/fhir/R4/Practitioner?name=王');
    assert.equal(res.status, 403);
    assert.equal(res.body.issue[0].code, 'forbidden');
    assert.match(res.body.issue[0].diagnostics, /staff\.read/);
  });
});

describe('PractitionerRole', () => {
  test('one per post in the caller\'s institutions, with organisation, role and department', async () => {
    const res = await client.get(`/fhir/R4/PractitionerRole?practitioner=Practitioner/${ids.get('dr.wang')}`);
    // dr.wang also works at C001, outside the client's institution
    assert.equal(res.body.total, 1);
    const role = res.body.entry[0].resource;
    assert.deepEqual(role.practitioner, { reference: `Practitioner/${ids.get('dr.wang')}`, display: '王建国' });
    assert.deepEqual(role.organization, { reference: `Organization/${ids.get('H001')}`, display: '示例市第一人民医院' });
    assert.deepEqual(role.code[0].coding[0], { system: 'urn:kangyun:role', code: 'doctor', display: '医生' });
    assert.deepEqual(role.specialty, [{ text: '安宁疗护科' }]);
    const read = await client.get(`/fhir/R4/PractitionerRole/${role.id}`);
    assert.deepEqual(read.body, role);
  });

  test('search by role and organisation', async () => {
    const res = await client.get(`/fhir/R4/PractitionerRole?role=urn:kangyun:role|nurse&organization=${ids.get('H001')}&_count=200`);
    const roles = resources(res.body);
    assert.ok(roles.length >= 2);
    assert.ok(roles.every((r) => r.code[0].coding[0].code === 'nurse' && r.organization.reference === `Organization/${ids.get('H001')}`));
    const elsewhere = await client.get(`/fhir/R4/PractitionerRole?organization=Organization/${ids.get('C001')}`);
    assert.equal(elsewhere.body.total, 0);
  });
});

describe('Organization', () => {
  test('institutions are type prov; departments are type dept and part of their institution', async () => {
    const inst = await client.get('/fhir/R4/Organization?type=prov');
    assert.deepEqual(resources(inst.body).map((o) => o.identifier[0].value).sort(), ['C001', 'C002', 'C003', 'H001']);
    const h001 = resources(inst.body).find((o) => o.identifier[0].value === 'H001');
    assert.deepEqual(h001.identifier, [{ system: 'urn:kangyun:org-code', value: 'H001' }]);
    assert.equal(h001.type[0].coding[0].system, 'http://terminology.hl7.org/CodeSystem/organization-type');
    assert.equal(h001.type[0].coding[0].code, 'prov');
    assert.equal(h001.type[0].text, '医院');
    assert.equal(h001.partOf, undefined);
    const depts = await client.get(`/fhir/R4/Organization?type=http://terminology.hl7.org/CodeSystem/organization-type|dept&partof=Organization/${ids.get('H001')}&_count=50`);
    assert.equal(depts.body.total, 15);
    for (const d of resources(depts.body)) {
      assert.equal(d.type[0].coding[0].code, 'dept');
      assert.deepEqual(d.partOf, { reference: `Organization/${ids.get('H001')}`, display: '示例市第一人民医院' });
    }
    const community = await client.get('/fhir/R4/Organization?type=urn:kangyun:institution-type|community_health_centre');
    assert.equal(community.body.total, 3);
  });

  test('search by identifier and by name', async () => {
    const byCode = await client.get('/fhir/R4/Organization?identifier=urn:kangyun:org-code|H001-PAL');
    assert.deepEqual(resources(byCode.body).map((o) => o.name), ['安宁疗护科']);
    const byName = await client.get(`/fhir/R4/Organization?name=${encodeURIComponent('全科')}`);
    assert.equal(byName.body.total, 3);
  });

  test('paging: _count and _offset, total, and links that keep the other parameters', async () => {
    const res = await client.get('/fhir/R4/Organization?type=dept&_count=2&_offset=2');
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 24);
    assert.equal(res.body.entry.length, 2);
    const next = new URL(link(res.body, 'next')!);
    assert.equal(next.origin, p.baseUrl);
    assert.equal(next.searchParams.get('type'), 'dept');
    assert.equal(next.searchParams.get('_count'), '2');
    assert.equal(next.searchParams.get('_offset'), '4');
    assert.equal(new URL(link(res.body, 'previous')!).searchParams.get('_offset'), '0');
    assert.equal(new URL(link(res.body, 'first')!).searchParams.get('_offset'), '0');
    assert.equal(new URL(link(res.body, 'self')!).searchParams.get('_offset'), '2');
    assert.equal(new URL(link(res.body, 'last')!).searchParams.get('_offset'), '22');
    // following the links walks every match exactly once
    const seen = new Set<string>();
    let url: string | undefined = link(res.body, 'first');
    while (url) {
      const page = await client.get(url.slice(p.baseUrl.length));
      for (const e of page.body.entry ?? []) seen.add(e.resource.id);
      url = link(page.body, 'next');
    }
    assert.equal(seen.size, 24);
    const last = await client.get('/fhir/R4/Organization?type=dept&_count=2&_offset=22');
    assert.equal(link(last.body, 'next'), undefined);
    const countOnly = await client.get('/fhir/R4/Organization?type=dept&_count=0');
    assert.equal(countOnly.body.total, 24);
    assert.equal(countOnly.body.entry.length, 0);
  });
});

describe('Location', () => {
  test('one per department, managed by its institution', async () => {
    const res = await client.get(`/fhir/R4/Location?organization=Organization/${ids.get('C001')}`);
    assert.deepEqual(resources(res.body).map((l) => l.name).sort(), ['公共卫生科', '全科', '护理部'].sort());
    const loc = resources(res.body)[0];
    assert.equal(loc.status, 'active');
    assert.equal(loc.partOf, undefined);
    assert.deepEqual(loc.managingOrganization, { reference: `Organization/${ids.get('C001')}`, display: '城东社区卫生服务中心' });
    const read = await client.get(`/fhir/R4/Location/${ids.get('H001-ONC')}`);
    assert.equal(read.body.name, '肿瘤科');
    assert.equal((await client.get(`/fhir/R4/Location/${ids.get('H001')}`)).status, 404);
  });

  test('an inactive department is an inactive location', async () => {
    await p.kernel.pool.query("UPDATE org_unit SET active = false WHERE code = 'C003-PH'");
    const res = await client.get(`/fhir/R4/Location?name=${encodeURIComponent('公共卫生')}&organization=${ids.get('C003')}`);
    assert.equal(res.body.entry[0].resource.status, 'inactive');
  });
});
