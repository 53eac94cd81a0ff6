/**
 * Recording assessments over /api: scored on the server against the scale version, refused with
 * the item named, kept per institution, audited, listed newest first.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { PHQ9 } from '../scales/phq-9.js';
import { hospitalOnlyPatient } from '../test-helpers.js';

let p: TestPlatform;
let doctor: ApiClient; // dr.li, 示例市第一人民医院 肿瘤科
let community: ApiClient; // dr.zhao, 城东社区
let patientId: number;

before(async () => {
  p = await startTestPlatform();
  doctor = await p.as('dr.li');
  community = await p.as('dr.zhao');
  patientId = await hospitalOnlyPatient(p);
});
after(async () => { await p.close(); });

/** PHQ-9 answers worth the given points per item */
const phq9 = (points: number[]) => PHQ9.questionnaire.item!.filter((i) => i.required).map((i, n) => ({
  linkId: i.linkId, answer: [{ valueCoding: i.answerOption!.find((o) => o.extension![0].valueDecimal === points[n])!.valueCoding }],
}));

test('lists the built-in scales with version, source and licence', async () => {
  const res = await doctor.get('/api/assessments/scales');
  assert.equal(res.status, 200, res.text);
  const phq = res.body.items.find((s: { id: string }) => s.id === 'phq-9');
  assert.equal(phq.url, 'urn:kangyun:questionnaire:phq-9');
  assert.equal(phq.version, '1.0.0');
  assert.match(phq.source, /Kroenke/);
  assert.equal(phq.licence.permissionRequired, false);
  const one = await doctor.get('/api/assessments/scales/phq-9');
  assert.equal(one.body.questionnaire.resourceType, 'Questionnaire');
  assert.equal((await doctor.get('/api/assessments/scales/no-such-scale')).status, 404);
});

test('a completed PHQ-9 is scored on the server, banded, flagged, stored and audited', async () => {
  const res = await doctor.post('/api/assessments', { patientId, scaleId: 'phq-9', items: phq9([2, 2, 2, 2, 1, 1, 1, 1, 1]) });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.questionnaire, 'urn:kangyun:questionnaire:phq-9|1.0.0');
  assert.deepEqual(res.body.scores, { total: 13 });
  assert.deepEqual(res.body.bands.map((b: { code: string }) => b.code), ['moderate']);
  assert.equal(res.body.bands[0].action.zh, '医生评估，制定治疗计划（心理咨询、随访，必要时药物）。');
  assert.deepEqual(res.body.overrides.map((o: { id: string }) => o.id), ['suicide-risk']);
  const { rows } = await p.kernel.pool.query(`SELECT action, patient_id FROM audit_event WHERE entity_type = 'QuestionnaireResponse' AND entity_id = $1`, [String(res.body.id)]);
  assert.deepEqual(rows, [{ action: 'assessment.create', patient_id: patientId }]);
});

test('bad answers are refused with the item named, in the caller\'s language, and nothing is stored', async () => {
  const before = (await p.kernel.pool.query('SELECT count(*)::int AS n FROM assessment_response')).rows[0].n;
  const missing = await doctor.post('/api/assessments', { patientId, scaleId: 'phq-9', items: phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]).slice(0, 8) });
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['item.phq9-9', 'required']]);
  assert.equal(missing.body.errors[0].message, '“有不如死掉或用某种方式伤害自己的念头”：必答');
  const range = await doctor.post('/api/assessments', { patientId, scaleId: 'nrs-pain', items: [{ linkId: 'score', answer: [{ valueInteger: 12 }] }] }, { 'accept-language': 'en' });
  assert.equal(range.status, 422);
  assert.equal(range.body.errors[0].field, 'item.score');
  assert.match(range.body.errors[0].message, /between 0 and 10/);
  const typed = await doctor.post('/api/assessments', { patientId, scaleId: 'nrs-pain', items: [{ linkId: 'score', answer: [{ valueInteger: '3' }] }] });
  assert.equal(typed.status, 422, 'a string is not an integer (no coercion of bodies)');
  assert.equal((await p.kernel.pool.query('SELECT count(*)::int AS n FROM assessment_response')).rows[0].n, before);
});

test('a draft may stop half-way and is not scored', async () => {
  const res = await doctor.post('/api/assessments', { patientId, scaleId: 'phq-9', status: 'in-progress', items: phq9([3, 3, 3, 3, 3, 3, 3, 3, 3]).slice(0, 3) });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.status, 'in-progress');
  assert.deepEqual(res.body.scores, { total: null });
  assert.deepEqual(res.body.bands, []);
});

test('the history lists newest first, filters by scale, and stays inside the institution', async () => {
  await doctor.post('/api/assessments', { patientId, scaleId: 'nrs-pain', items: [{ linkId: 'score', answer: [{ valueInteger: 7 }] }] });
  const all = await doctor.get(`/api/patients/${patientId}/assessments`);
  assert.equal(all.status, 200, all.text);
  assert.equal(all.body.items[0].scaleId, 'nrs-pain');
  assert.deepEqual(all.body.items[0].bands.map((b: { code: string }) => b.code), ['severe']);
  const pain = await doctor.get(`/api/patients/${patientId}/assessments?scaleId=nrs-pain`);
  assert.ok(pain.body.items.every((a: { scaleId: string }) => a.scaleId === 'nrs-pain'));
  // a community doctor neither sees this hospital patient nor can assess them
  assert.equal((await community.get(`/api/patients/${patientId}/assessments`)).status, 422);
  assert.equal((await community.post('/api/assessments', { patientId, scaleId: 'nrs-pain', items: [{ linkId: 'score', answer: [{ valueInteger: 1 }] }] })).status, 422);
});
