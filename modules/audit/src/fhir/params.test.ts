import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '@kangyun/kernel';
import { fhirWhere } from './params.js';

const actor = (scope: Actor['scope']): Actor => ({
  kind: 'client', accountId: null, name: 'c', displayName: 'c', clientId: 'c', assignmentId: null, institutionId: 2, departmentId: null,
  regionId: 1, roleCode: 'integration', adminKind: null, permissions: new Set(['audit.read']), scope, regionInstitutions: [2], mustChangePassword: false,
});
const where = (params: [string, string][], scope: Actor['scope'] = 'region') => fhirWhere(params, actor(scope));

describe('FHIR AuditEvent search parameters', () => {
  test('entity: a reference is type and id; Patient also matches the patient an entry concerns', () => {
    const w = where([['entity', 'Account/5']]);
    assert.equal(w.sql, '(a.entity_type = $1) AND (a.entity_id = $2)');
    assert.deepEqual(w.params, ['Account', '5']);
    const pw = where([['entity', 'Patient/123']]);
    assert.match(pw.sql, /a\.patient_id = \$2/);
    assert.deepEqual(pw.params, ['123', 123]);
  });

  test('date: prefixes, precision, repeats AND-ed', () => {
    const w = where([['date', 'ge2026-01-01'], ['date', 'lt2026-02-01']]);
    assert.equal(w.sql, '(a.at >= $1) AND (a.at < $2)');
    assert.deepEqual((w.params as Date[]).map((d) => d.toISOString()), ['2025-12-31T16:00:00.000Z', '2026-01-31T16:00:00.000Z']);
    const eq = where([['date', '2026-01-05']]);
    assert.deepEqual((eq.params as Date[]).map((d) => d.toISOString()), ['2026-01-04T16:00:00.000Z', '2026-01-05T16:00:00.000Z']);
    const gt = where([['date', 'gt2026-01-05']]);
    assert.equal(gt.sql, '(a.at >= $1)');
    assert.equal((gt.params[0] as Date).toISOString(), '2026-01-05T16:00:00.000Z');
    const le = where([['date', 'le2026-01-05T10:00:00Z']]);
    assert.equal(le.sql, '(a.at < $1)');
    assert.equal((le.params[0] as Date).toISOString(), '2026-01-05T10:00:01.000Z');
  });

  test('patient, agent, action/subtype, outcome, _id, site', () => {
    assert.deepEqual(where([['patient', 'Patient/7']]).params, [7]);
    assert.deepEqual(where([['patient', '7']]).params, [7]);
    assert.equal(where([['agent', 'Practitioner/3']]).sql, '(a.actor_id = $1)');
    assert.equal(where([['agent', 'demo-auditor']]).sql, '(a.actor_name = $1)');
    assert.deepEqual(where([['action', 'urn:kangyun:audit-action|auth.login']]).params, ['auth.login']);
    assert.deepEqual(where([['subtype', 'patient.']]).params, ['patient.', 'patient/']);
    assert.equal(where([['action', 'http://other|x']]).sql, '(false)');
    assert.deepEqual(where([['outcome', '4']]).params, ['failure']);
    assert.deepEqual(where([['outcome', '0']]).params, ['success']);
    assert.equal(where([['outcome', '0,4']]).sql, 'true');
    assert.deepEqual(where([['_id', '1,2,x']]).params, [[1, 2]]);
    assert.deepEqual(where([['site', '2']]).params, [2]);
    assert.equal(where([['unknown', 'x'], ['_sort', '-date']]).sql, 'true');
  });

  test('institution-scoped callers get the institution condition that lets the index help', () => {
    assert.equal(where([], 'institution').sql, '(a.institution_id = $1)');
  });

  test('bad values are 400s naming the parameter', () => {
    for (const [name, value] of [['date', 'ge-yesterday'], ['date', 'ne2026-01-01'], ['patient', 'abc'], ['outcome', 'maybe'], ['agent', 'Device/x'], ['action', 'a b']]) {
      assert.throws(() => where([[name, value]]), (err: { status?: number; params?: { name?: string } }) => err.status === 400 && err.params?.name === name, `${name}=${value}`);
    }
  });
});
