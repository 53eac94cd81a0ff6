import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Basic, Resource } from '@medplum/fhirtypes';
import { conflict, fieldError, invalid, withFhirOutcome, type FhirOperationRequest, type FhirSearchRequest, type KangyunModule } from '@kangyun/kernel';
import { modules } from '@kangyun/server/modules.ts';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** A provider kept in memory, to drive the router through every path without a domain module. */
const store = new Map<string, Basic>();
let lastSearch: FhirSearchRequest | null = null;
let lastOperation: FhirOperationRequest | null = null;
const testModule: KangyunModule = {
  name: 'fhir-router-test',
  fhir: [
    {
      type: 'Basic',
      searchParams: [{ name: 'code', type: 'token', documentation: 'code' }, { name: 'author', type: 'reference', documentation: 'author' }],
      permissions: { read: 'patient.read', write: 'patient.write' },
      async read(_ctx, _db, id) {
        if (id === 'boom') throw new Error('provider bug');
        if (id === 'syntax') return JSON.parse('{') as Resource;
        return store.get(id) ?? null;
      },
      async search(_ctx, _db, req) {
        lastSearch = req;
        const all = [...store.values()];
        return { resources: all.slice(req.offset, req.offset + req.count), total: all.length };
      },
      async create(_ctx, _db, resource) {
        const r = resource as Basic;
        if (!r.code) throw invalid([fieldError('code', 'required', 'error.validation_failed'), fieldError('Basic.subject.reference', 'invalid', 'error.validation_failed')]);
        const id = String(store.size + 1);
        const created: Basic = { ...r, id, meta: { versionId: '1', lastUpdated: '2026-01-02T03:04:05.000Z' } };
        store.set(id, created);
        return created;
      },
      async update(_ctx, _db, id, resource) {
        const version = Number(store.get(id)?.meta?.versionId ?? 0) + 1;
        const updated = { ...(resource as Basic), meta: { versionId: String(version) } };
        store.set(id, updated);
        return updated;
      },
    },
    {
      type: 'Device',
      operations: [
        {
          name: 'echo',
          definition: 'urn:test:echo',
          documentation: 'answers its inputs as a page of Basic resources',
          permission: 'patient.read',
          affectsState: false,
          parameters: [{ name: 'word', type: 'string', min: 0, max: '*', documentation: 'echoed' }],
          async invoke(_ctx, _db, req) {
            lastOperation = req;
            const all = req.params.filter(([k]) => k === 'word').map(([, v], i): Basic => ({ resourceType: 'Basic', id: `w${i}`, code: { text: v } }));
            return { kind: 'searchset', resources: all.slice(req.offset, req.offset + req.count), total: all.length, params: req.params };
          },
        },
        {
          name: 'touch',
          definition: 'urn:test:touch',
          documentation: 'creates something, or refuses with alternatives',
          permission: 'patient.write',
          affectsState: true,
          parameters: [],
          async invoke(_ctx, _db, req) {
            lastOperation = req;
            if (req.params.some(([k]) => k === 'refuse')) {
              throw withFhirOutcome(conflict('taken', 'error.version_conflict'), {
                issues: [{ severity: 'information', code: 'informational', diagnostics: 'try w2' }],
                contained: [{ resourceType: 'Basic', id: 'w2', code: { text: 'w2' } }],
              });
            }
            return { kind: 'resource', resource: { resourceType: 'Basic', id: 'made', code: { text: 'made' } }, status: 201, location: { type: 'Basic', id: 'made' } };
          },
        },
      ],
      searchParams: [],
      permissions: { read: 'patient.read' },
      async search(_ctx, db) {
        await db.query('SELECT 1 / 0');
        return { resources: [], total: 0 };
      },
    },
  ],
};

let p: TestPlatform;
let client: ApiClient;
before(async () => {
  p = await startTestPlatform({ modules: [...modules, testModule] });
  client = await p.withToken('demo-integration', 'demo-integration-secret');
});
after(async () => { await p.close(); });

function assertOutcome(res: { status: number; headers: Headers; body: any }, status: number, code: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.headers.get('content-type'), FHIR_JSON);
  assert.equal(res.body.resourceType, 'OperationOutcome');
  assert.equal(res.body.issue[0].code, code);
  assert.ok(res.body.issue[0].diagnostics);
  assert.equal(res.body.issue[0].details.text, res.body.issue[0].diagnostics);
}

describe('FHIR metadata', () => {
  test('is public and lists every provider with the interactions its methods allow', async () => {
    const res = await p.anonymous().get('/fhir/R4/metadata');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), FHIR_JSON);
    const cs = res.body;
    assert.equal(cs.resourceType, 'CapabilityStatement');
    assert.equal(cs.fhirVersion, '4.0.1');
    assert.deepEqual(cs.format, ['json']);
    assert.equal(cs.rest[0].mode, 'server');
    assert.equal(cs.rest[0].security.service[0].coding[0].code, 'OAuth');
    assert.match(cs.rest[0].security.description, /SMART/);
    assert.deepEqual(cs.rest[0].searchParam.map((s: { name: string }) => s.name), ['_count', '_offset']);
    const byType = new Map(cs.rest[0].resource.map((r: { type: string }) => [r.type, r]));
    for (const t of ['Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Basic', 'Device']) assert.ok(byType.has(t), t);
    const codes = (t: string) => (byType.get(t) as { interaction: { code: string }[] }).interaction.map((i) => i.code);
    assert.deepEqual(codes('Basic'), ['read', 'vread', 'search-type', 'create', 'update']);
    assert.deepEqual(codes('Device'), ['search-type']);
    assert.deepEqual(codes('Practitioner'), ['read', 'vread', 'search-type']);
    const basic = byType.get('Basic') as { searchParam: { name: string; type: string }[] };
    assert.deepEqual(basic.searchParam.map((s) => `${s.name}:${s.type}`), ['code:token', 'author:reference']);
  });
});

describe('FHIR errors are OperationOutcome', () => {
  test('401 without a token, and with an invalid one', async () => {
    const res = await p.anonymous().get('/fhir/R4/Basic');
    assertOutcome(res, 401, 'login');
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal(res.body.issue[0].diagnostics, '请先登录');
    const bad = await p.anonymous().get('/fhir/R4/Basic', { authorization: 'Bearer nope' });
    assertOutcome(bad, 401, 'login');
  });

  test('403 for a client without the read permission, in the caller\'s language', async () => {
    const auditor = await p.withToken('demo-auditor', 'demo-auditor-secret');
    const res = await auditor.get('/fhir/R4/Basic', { 'accept-language': 'en' });
    assertOutcome(res, 403, 'forbidden');
    assert.match(res.body.issue[0].diagnostics, /requires patient\.read/);
    assert.equal(res.headers.get('content-language'), 'en');
    assertOutcome(await auditor.get('/fhir/R4/Practitioner'), 403, 'forbidden');
  });

  test('404 for an unknown resource type, an unknown id and an unknown path', async () => {
    assertOutcome(await client.get('/fhir/R4/Spaceship/1'), 404, 'not-found');
    assertOutcome(await client.get('/fhir/R4/Spaceship'), 404, 'not-found');
    const missing = await client.get('/fhir/R4/Basic/does-not-exist');
    assertOutcome(missing, 404, 'not-found');
    assert.match(missing.body.issue[0].diagnostics, /Basic\/does-not-exist/);
    assertOutcome(await client.get('/fhir/R4/Basic/1/something/else'), 404, 'not-found');
    assertOutcome(await client.get('/fhir/R4/Basic/bad%20id'), 404, 'not-found');
  });

  test('405 for an interaction the provider does not implement', async () => {
    assertOutcome(await client.get('/fhir/R4/Device/1'), 405, 'not-supported');
  });

  test('an unexpected provider failure is a 500 exception, even a SyntaxError or a database error', async () => {
    for (const path of ['/fhir/R4/Basic/boom', '/fhir/R4/Basic/syntax', '/fhir/R4/Device']) {
      const res = await client.get(path);
      assertOutcome(res, 500, 'exception');
      assert.equal(res.body.issue[0].severity, 'fatal');
      assert.doesNotMatch(res.text, /provider bug|division/);
    }
  });
});

describe('FHIR create and update', () => {
  const basic = { resourceType: 'Basic', code: { text: 'note' } };

  test('create answers 201 with Location and ETag, and the Location resolves', async () => {
    const res = await client.post('/fhir/R4/Basic', { ...basic, id: 'client-chosen' }, { 'content-type': 'application/fhir+json' });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers.get('content-type'), FHIR_JSON);
    assert.notEqual(res.body.id, 'client-chosen');
    const location = res.headers.get('location')!;
    assert.equal(location, `${p.baseUrl}/fhir/R4/Basic/${res.body.id}/_history/1`);
    assert.equal(res.headers.get('etag'), 'W/"1"');
    assert.equal(res.headers.get('last-modified'), 'Fri, 02 Jan 2026 03:04:05 GMT');
    const again = await client.get(location.slice(p.baseUrl.length));
    assert.equal(again.status, 200);
    assert.equal(again.body.id, res.body.id);
    assertOutcome(await client.get(`/fhir/R4/Basic/${res.body.id}/_history/7`), 404, 'not-found');
  });

  test('plain application/json bodies are accepted too; update answers 200 with the new version', async () => {
    const created = await client.post('/fhir/R4/Basic', basic);
    assert.equal(created.status, 201);
    const id = created.body.id;
    const res = await client.put(`/fhir/R4/Basic/${id}`, { ...basic, id, code: { text: 'changed' } }, { 'content-type': 'application/fhir+json' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.code.text, 'changed');
    assert.equal(res.headers.get('etag'), 'W/"2"');
  });

  test('a body of another resource type, or none, is a 400', async () => {
    const wrong = await client.post('/fhir/R4/Basic', { resourceType: 'Patient' });
    assertOutcome(wrong, 400, 'invalid');
    assert.match(wrong.body.issue[0].diagnostics, /Patient.*Basic/);
    assertOutcome(await client.post('/fhir/R4/Basic', [basic]), 400, 'invalid');
    assertOutcome(await client.request('POST', '/fhir/R4/Basic'), 400, 'invalid');
  });

  test('update needs the body\'s id to equal the URL\'s', async () => {
    assertOutcome(await client.put('/fhir/R4/Basic/1', { ...basic, id: '2' }), 400, 'invalid');
    assertOutcome(await client.put('/fhir/R4/Basic/1', basic), 400, 'invalid');
  });

  test('malformed JSON is a 400 structure issue; other content types are refused', async () => {
    assertOutcome(await client.post('/fhir/R4/Basic', '{"resourceType":', { 'content-type': 'application/fhir+json' }), 400, 'structure');
    assertOutcome(await client.post('/fhir/R4/Basic', 'resourceType=Basic', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'not-supported');
  });

  test('field errors become one issue each, with FHIRPath expressions', async () => {
    const res = await client.post('/fhir/R4/Basic', { resourceType: 'Basic' }, { 'accept-language': 'en' });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.issue.map((i: { expression: string[] }) => i.expression), [['Basic.code'], ['Basic.subject.reference']]);
    assert.deepEqual(res.body.issue.map((i: { code: string }) => i.code), ['required', 'invalid']);
    assert.equal(res.body.issue[0].details.text, 'Some fields are invalid; please check them');
  });

  test('403 for a client that may read but not write', async () => {
    const reader = await p.withToken('demo-integration', 'demo-integration-secret', 'clinical.read');
    assertOutcome(await reader.post('/fhir/R4/Basic', basic), 403, 'forbidden');
    assert.equal((await reader.get('/fhir/R4/Basic')).status, 200);
  });
});

describe('FHIR search', () => {
  test('declared parameters reach the provider as sent; unknown ones are ignored and left out of the self link', async () => {
    const res = await client.get('/fhir/R4/Basic?code=a,b&code=c&author:Practitioner=Practitioner/1&colour=red&name=&_format=json');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), FHIR_JSON);
    assert.deepEqual(lastSearch, { params: [['code', 'a,b'], ['code', 'c'], ['author:Practitioner', 'Practitioner/1']], count: 20, offset: 0 });
    const self = new URL(res.body.link.find((l: { relation: string }) => l.relation === 'self').url);
    assert.equal(self.searchParams.get('colour'), null);
    assert.deepEqual(self.searchParams.getAll('code'), ['a,b', 'c']);
  });

  test('Prefer: handling=strict refuses unknown parameters', async () => {
    const res = await client.get('/fhir/R4/Basic?colour=red', { prefer: 'handling=strict' });
    assertOutcome(res, 400, 'not-supported');
    assert.match(res.body.issue[0].diagnostics, /colour/);
  });

  test('_count is capped at 200, and paging values must be non-negative integers', async () => {
    await client.get('/fhir/R4/Basic?_count=5000');
    assert.equal(lastSearch!.count, 200);
    assertOutcome(await client.get('/fhir/R4/Basic?_count=-1'), 400, 'invalid');
    assertOutcome(await client.get('/fhir/R4/Basic?_offset=abc'), 400, 'invalid');
  });

  test('entries have absolute fullUrls from the request\'s host and search mode match', async () => {
    const res = await client.get('/fhir/R4/Basic?_count=1', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'fhir.example.org' });
    assert.equal(res.body.type, 'searchset');
    assert.equal(res.body.total, store.size);
    assert.equal(res.body.entry.length, 1);
    assert.equal(res.body.entry[0].fullUrl, `https://fhir.example.org/fhir/R4/Basic/${res.body.entry[0].resource.id}`);
    assert.equal(res.body.entry[0].search.mode, 'match');
    assert.ok(res.body.link.every((l: { url: string }) => l.url.startsWith('https://fhir.example.org/fhir/R4/Basic?')));
  });
});

describe('FHIR operations', () => {
  test('GET passes the query as inputs and pages a searchset with links that repeat the call', async () => {
    const res = await client.get('/fhir/R4/Device/$echo?word=a&word=b&word=c&_count=2&_format=json');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), FHIR_JSON);
    assert.deepEqual(lastOperation!.params, [['word', 'a'], ['word', 'b'], ['word', 'c']]);
    assert.equal(lastOperation!.body, null);
    assert.equal(res.body.total, 3);
    assert.deepEqual(res.body.entry.map((e: { fullUrl: string }) => e.fullUrl), [`${p.baseUrl}/fhir/R4/Basic/w0`, `${p.baseUrl}/fhir/R4/Basic/w1`]);
    const next = new URL(res.body.link.find((l: { relation: string }) => l.relation === 'next').url);
    assert.equal(next.pathname, '/fhir/R4/Device/$echo');
    assert.deepEqual(next.searchParams.getAll('word'), ['a', 'b', 'c']);
    assert.equal(next.searchParams.get('_offset'), '2');
    assert.equal((await client.get(`/fhir/R4/Device/%24echo?word=x`)).body.total, 1, 'an encoded $ names the operation too');
  });

  test('POST takes a Parameters body: primitive values, references, codings; headers reach the operation', async () => {
    const body = {
      resourceType: 'Parameters',
      parameter: [
        { name: 'word', valueString: 'a' },
        { name: 'at', valueDateTime: '2026-03-10T08:00:00+08:00' },
        { name: 'who', valueReference: { reference: 'Patient/7' } },
        { name: 'kind', valueCoding: { system: 'urn:s', code: 'c' } },
        { name: 'n', valueInteger: 3 },
        { name: 'thing', resource: { resourceType: 'Basic' } },
        { name: '_count', valueInteger: 1 },
      ],
    };
    const res = await client.post('/fhir/R4/Device/$echo?word=q', body, { 'idempotency-key': 'k-1' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(lastOperation!.params, [['word', 'q'], ['word', 'a'], ['at', '2026-03-10T08:00:00+08:00'], ['who', 'Patient/7'], ['kind', 'urn:s|c'], ['n', '3']]);
    assert.equal(lastOperation!.count, 1);
    assert.equal(lastOperation!.body!.resourceType, 'Parameters');
    assert.equal(lastOperation!.headers['idempotency-key'], 'k-1');
    assertOutcome(await client.post('/fhir/R4/Device/$echo', [1, 2]), 400, 'invalid');
  });

  test('an operation that changes data: POST only, its own permission, status and Location', async () => {
    assertOutcome(await client.get('/fhir/R4/Device/$touch'), 405, 'not-supported');
    const made = await client.post('/fhir/R4/Device/$touch', { resourceType: 'Parameters' });
    assert.equal(made.status, 201, made.text);
    assert.equal(made.headers.get('location'), `${p.baseUrl}/fhir/R4/Basic/made`);
    const reader = await p.withToken('demo-integration', 'demo-integration-secret', 'clinical.read');
    assertOutcome(await reader.post('/fhir/R4/Device/$touch', { resourceType: 'Parameters' }), 403, 'forbidden');
    assertOutcome(await client.post('/fhir/R4/Device/$nothing', {}), 404, 'not-found');
    assertOutcome(await client.get('/fhir/R4/Spaceship/$echo'), 404, 'not-found');
    assertOutcome(await client.post('/fhir/R4/Device/plain', {}), 404, 'not-found');
  });

  test('an error\'s FHIR detail adds issues and contained resources to its OperationOutcome', async () => {
    const res = await client.post('/fhir/R4/Device/$touch?refuse=1', { resourceType: 'Parameters' });
    assertOutcome(res, 409, 'conflict');
    assert.equal(res.body.issue[1].diagnostics, 'try w2');
    assert.equal(res.body.contained[0].id, 'w2');
  });

  test('the CapabilityStatement lists operations with their definitions', async () => {
    const cs = (await p.anonymous().get('/fhir/R4/metadata')).body;
    const device = cs.rest[0].resource.find((r: { type: string }) => r.type === 'Device');
    assert.deepEqual(device.operation.map((o: { name: string; definition: string }) => [o.name, o.definition]), [['echo', 'urn:test:echo'], ['touch', 'urn:test:touch']]);
    assert.match(device.operation[0].documentation, /word \(string, 0\.\.\*\)/);
    assert.match(device.operation[1].documentation, /^creates something.*\nPOST\./s);
  });
});
