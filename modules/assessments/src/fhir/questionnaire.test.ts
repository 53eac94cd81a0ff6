/**
 * /fhir/R4/Questionnaire lists the built-in scales with their scoring attached; scales whose licence
 * needs the institution's permission are listed as draft.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { BUILT_IN_SCALES } from '../scales/index.js';
import { hospitalOnlyPatient } from '../test-helpers.js';

let p: TestPlatform;
let doctor: ApiClient;
before(async () => {
  p = await startTestPlatform();
  doctor = await p.as('dr.li');
});
after(async () => { await p.close(); });

test('every built-in scale is a Questionnaire with a stable url and version; licensed ones are draft', async () => {
  const res = await doctor.get(`/fhir/R4/Questionnaire?_count=200`);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.resourceType, 'Bundle');
  assert.equal(res.body.total, BUILT_IN_SCALES.length);
  for (const s of BUILT_IN_SCALES) {
    const q = res.body.entry.find((e: { resource: { id: string } }) => e.resource.id === s.id)?.resource;
    assert.ok(q, s.id);
    assert.equal(q.url, `urn:kangyun:questionnaire:${s.id}`);
    assert.equal(q.version, s.questionnaire.version);
    assert.equal(q.status, s.licence.permissionRequired ? 'draft' : 'active', `${s.id} status follows its licence`);
    assert.ok(q.copyright);
  }
});

test('read and search by url; the scoring travels as FHIRPath variables and band extensions', async () => {
  const one = await doctor.get('/fhir/R4/Questionnaire/phq-9');
  assert.equal(one.status, 200, one.text);
  const variable = one.body.extension.find((e: { url: string }) => e.url === 'http://hl7.org/fhir/StructureDefinition/variable');
  assert.equal(variable.valueExpression.name, 'total');
  assert.equal(variable.valueExpression.language, 'text/fhirpath');
  const bands = one.body.extension.filter((e: { url: string }) => e.url === 'urn:kangyun:fhir:StructureDefinition/scoring-band');
  assert.equal(bands.length, 5);
  const byUrl = await doctor.get(`/fhir/R4/Questionnaire?url=${encodeURIComponent('urn:kangyun:questionnaire:gad-7')}`);
  assert.deepEqual(byUrl.body.entry.map((e: { resource: { id: string } }) => e.resource.id), ['gad-7']);
  const missing = await doctor.get('/fhir/R4/Questionnaire/no-such-scale');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.resourceType, 'OperationOutcome');
});

test('recorded assessments are QuestionnaireResponses: searched by patient and scale, read, audited, kept inside the institution', async () => {
  const patientId = await hospitalOnlyPatient(p, 'first');
  const saved = await doctor.post('/api/assessments', { patientId, scaleId: 'nrs-pain', items: [{ linkId: 'score', answer: [{ valueInteger: 5 }] }] });
  assert.equal(saved.status, 201, saved.text);
  const found = await doctor.get(`/fhir/R4/QuestionnaireResponse?patient=Patient/${patientId}&questionnaire=${encodeURIComponent('urn:kangyun:questionnaire:nrs-pain')}`);
  assert.equal(found.status, 200, found.text);
  const qr = found.body.entry.find((e: { resource: { id: string } }) => e.resource.id === String(saved.body.id))?.resource;
  assert.ok(qr, 'the recorded assessment is found');
  assert.equal(qr.questionnaire, 'urn:kangyun:questionnaire:nrs-pain|1.0.0');
  assert.equal(qr.subject.reference, `Patient/${patientId}`);
  assert.deepEqual(qr.item, [{ linkId: 'score', answer: [{ valueInteger: 5 }] }]);
  const read = await doctor.get(`/fhir/R4/QuestionnaireResponse/${saved.body.id}`);
  assert.equal(read.body.status, 'completed');
  const audited = await p.kernel.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'assessment.read' AND patient_id = $1 AND detail->>'via' = 'fhir'`, [patientId]);
  assert.ok(audited.rows[0].n >= 2, 'search and read are audited');
  const community = await p.as('dr.zhao');
  const outside = await community.get(`/fhir/R4/QuestionnaireResponse?patient=Patient/${patientId}`);
  assert.equal(outside.body.total, 0);
  assert.equal((await community.get(`/fhir/R4/QuestionnaireResponse/${saved.body.id}`)).status, 404);
});
