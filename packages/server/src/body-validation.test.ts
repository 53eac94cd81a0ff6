/**
 * Request validation: a JSON body is validated exactly as sent (no type coercion), while the
 * querystring, path parameters and headers, which arrive as text, are still coerced.
 *
 * With coercion on for the body, `null` in a field declared [X, null] was turned into 0 / "" / false
 * by the first branch of the union before the null branch was tried ("not set" became "zero"), and
 * "5" was silently accepted where an integer is required.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from '@sinclair/typebox';
import type { KangyunModule } from '@kangyun/kernel';
import { modules } from './modules.js';
import { startTestPlatform, type ApiClient, type TestPlatform } from './testing/index.js';

/** one route that answers what validation made of each request part */
const echoModule: KangyunModule = {
  name: 'body-validation-test',
  routes(app) {
    app.post('/api/test/echo/:id', {
      config: { public: true },
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({
          page: Type.Integer({ minimum: 1, default: 1 }),
          n: Type.Optional(Type.Array(Type.Integer())),
          on: Type.Optional(Type.Boolean()),
        }),
        headers: Type.Object({ 'X-Echo-Count': Type.Optional(Type.Integer()) }),
        body: Type.Object({
          count: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
          label: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
          flag: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
          size: Type.Optional(Type.Integer({ minimum: 1 })),
          tags: Type.Optional(Type.Array(Type.String())),
          day: Type.Optional(Type.String({ format: 'date' })),
          // OpenAPI-style nullable (the scheduling module's schemas use it)
          legacy: Type.Optional(Type.Unsafe<number | null>({ type: 'integer', nullable: true })),
          mode: Type.String({ default: 'plain' }),
        }, { additionalProperties: false }),
      },
    }, async (req) => ({ params: req.params, query: req.query, count: req.headers['x-echo-count'] ?? null, body: req.body }));
  },
};

let p: TestPlatform;
let admin: ApiClient; // admin.h001, 机构管理员 of 示例市第一人民医院
let h001: number;
let nurseRole: number;
let echo: ApiClient;

before(async () => {
  p = await startTestPlatform({ modules: [...modules, echoModule], startJobs: false });
  admin = await p.as('admin.h001');
  echo = p.anonymous();
  h001 = (await p.kernel.pool.query(`SELECT id FROM org_unit WHERE code = 'H001'`)).rows[0].id;
  nurseRole = (await p.kernel.pool.query(`SELECT id FROM role WHERE code = 'nurse' AND institution_id IS NULL`)).rows[0].id;
});
after(async () => { await p.close(); });

describe('JSON bodies are validated without coercion', () => {
  test('null stays null in a nullable integer, string and boolean field', async () => {
    const res = await echo.post('/api/test/echo/1', { count: null, label: null, flag: null, legacy: null });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.body, { count: null, label: null, flag: null, legacy: null, mode: 'plain' });
    const values = await echo.post('/api/test/echo/1', { count: 0, label: '', flag: false, legacy: 3 });
    assert.equal(values.status, 200, values.text);
    assert.deepEqual(values.body.body, { count: 0, label: '', flag: false, legacy: 3, mode: 'plain' });
  });

  test('the other ajv options still apply to bodies: defaults, removing extra properties, formats', async () => {
    const res = await echo.post('/api/test/echo/1', { size: 2, extra: 'dropped' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.body, { size: 2, mode: 'plain' });
    const bad = await echo.post('/api/test/echo/1', { day: '2026-02-30x' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['day', 'format']]);
  });

  test('a string, an array or null where a number is required is refused with a problem naming the field', async () => {
    for (const size of ['5', [5], null, true]) {
      const res = await echo.post('/api/test/echo/1', { size }, { 'accept-language': 'en' });
      assert.equal(res.status, 422, `${JSON.stringify(size)}: ${res.text}`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(res.body.code, 'validation_failed');
      assert.deepEqual(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['size', 'type']]);
      assert.match(res.body.errors[0].message, /integer/);
    }
    // a scalar is not wrapped into an array in a body either
    const tags = await echo.post('/api/test/echo/1', { tags: 'a' });
    assert.equal(tags.status, 422);
    assert.equal(tags.body.errors[0].field, 'tags');
  });

  test('staff: an assignment without a department keeps department_id NULL', async () => {
    const res = await admin.post('/api/staff', {
      username: 'bv.nodept', displayName: '无科室', initialPassword: 'Kangyun#2026bv',
      assignments: [{ institutionId: h001, departmentId: null, roleId: nurseRole }],
    });
    assert.equal(res.status, 201, res.text);
    const { rows } = await p.kernel.pool.query('SELECT institution_id, department_id FROM assignment WHERE account_id = $1', [res.body.id]);
    assert.deepEqual(rows, [{ institution_id: h001, department_id: null }]);
  });

  test('staff: a number sent as a string is a 422 naming the field, and nothing is saved', async () => {
    const created = await admin.post('/api/staff', {
      username: 'bv.string', displayName: '字符串', initialPassword: 'Kangyun#2026bv',
      assignments: [{ institutionId: h001, roleId: nurseRole }],
    });
    assert.equal(created.status, 201, created.text);
    const id = created.body.id as number;
    const dept = (await p.kernel.pool.query(`SELECT id FROM org_unit WHERE code = 'H001-ONC'`)).rows[0].id as number;
    const count = async () => (await p.kernel.pool.query('SELECT count(*)::int AS n FROM assignment WHERE account_id = $1', [id])).rows[0].n;

    const res = await admin.post(`/api/staff/${id}/assignments`, { institutionId: String(h001), departmentId: dept, roleId: nurseRole });
    assert.equal(res.status, 422, res.text);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(res.body.code, 'validation_failed');
    assert.deepEqual(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['institutionId', 'type']]);
    assert.equal(await count(), 1);

    const ok = await admin.post(`/api/staff/${id}/assignments`, { institutionId: h001, departmentId: dept, roleId: nurseRole });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(await count(), 2);
  });

  test('queue rules: a cleared (null) setting is stored as "not set", not as 0', async () => {
    const res = await admin.put('/api/queue/rules', { departmentId: null, lateAfterN: null, requeueAfterN: null, lateGraceMinutes: 0 });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual([res.body.institution.lateAfterN, res.body.institution.requeueAfterN, res.body.institution.lateGraceMinutes], [null, null, 0]);
    const { rows } = await p.kernel.pool.query('SELECT late_after_n, requeue_after_n, late_grace_minutes FROM queue_rule WHERE institution_id = $1 AND department_id IS NULL', [h001]);
    assert.deepEqual(rows, [{ late_after_n: null, requeue_after_n: null, late_grace_minutes: 0 }]);
  });

  test('a form-encoded body (OAuth token request) is still accepted', async () => {
    const client = await p.withToken('demo-integration', 'demo-integration-secret');
    assert.ok(client.headers.authorization?.startsWith('Bearer '));
  });
});

describe('querystring, path parameters and headers are still coerced', () => {
  test('numbers, booleans and repeated keys in the querystring; an id in the path; a header', async () => {
    const one = await echo.post('/api/test/echo/7?page=2&n=3&on=true', {}, { 'x-echo-count': '4' });
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.body.params, { id: 7 });
    assert.deepEqual(one.body.query, { page: 2, n: [3], on: true });
    assert.equal(one.body.count, 4);
    const many = await echo.post('/api/test/echo/7?n=1&n=2', {});
    assert.deepEqual(many.body.query, { page: 1, n: [1, 2] });
    const bad = await echo.post('/api/test/echo/7?page=x', {});
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['page', 'type']]);
  });

  test('GET /api/patients?page=2&pageSize=5 answers page 2 as a number', async () => {
    const doctor = await p.as('dr.li');
    const res = await doctor.get('/api/patients?page=2&pageSize=5');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.page, 2);
    assert.equal(res.body.pageSize, 5);
    assert.ok(res.body.items.length <= 5);
  });
});
