/**
 * The engine refuses what does not fit the scale version a response names, naming the item, and
 * never turns a missing answer into 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '@kangyun/kernel';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { scoreResponse } from './engine.js';
import { GAD7 } from '../scales/gad-7.js';
import { NRS_PAIN } from '../scales/nrs-pain.js';
import { PHQ9 } from '../scales/phq-9.js';

const canonical = (s: typeof PHQ9) => `${s.questionnaire.url}|${s.questionnaire.version}`;
const nrs = (value: unknown, extra: Partial<QuestionnaireResponse> = {}): QuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: canonical(NRS_PAIN),
  item: [{ linkId: 'score', answer: [{ valueInteger: value as number }] }], ...extra,
});
const fieldErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.status, 422);
    return err.fieldErrors.map((e) => [e.field, e.code]);
  }
  assert.fail('expected a validation error');
};

test('an answer to another version of the scale is refused', () => {
  assert.deepEqual(fieldErrors(() => scoreResponse(NRS_PAIN, nrs(3, { questionnaire: `${NRS_PAIN.questionnaire.url}|0.9` }))), [['questionnaire', 'version_mismatch']]);
});

test('out-of-range and non-integer values name the item', () => {
  assert.deepEqual(fieldErrors(() => scoreResponse(NRS_PAIN, nrs(11))), [['item.score', 'out_of_range']]);
  assert.deepEqual(fieldErrors(() => scoreResponse(NRS_PAIN, nrs(-1))), [['item.score', 'out_of_range']]);
  assert.deepEqual(fieldErrors(() => scoreResponse(NRS_PAIN, nrs(2.5))), [['item.score', 'wrong_type']]);
  assert.deepEqual(fieldErrors(() => scoreResponse(NRS_PAIN, nrs('3'))), [['item.score', 'wrong_type']]);
});

test('an unknown item, an option the item does not offer and two answers to a single item are refused', () => {
  const r: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse', status: 'in-progress', questionnaire: canonical(GAD7),
    item: [
      { linkId: 'gad7-1', answer: [{ valueCoding: { system: 'urn:kangyun:scale-option', code: 'always' } }] },
      { linkId: 'gad7-2', answer: [{ valueCoding: { system: 'urn:kangyun:scale-option', code: 'not-at-all' } }, { valueCoding: { system: 'urn:kangyun:scale-option', code: 'several-days' } }] },
      { linkId: 'gad7-99', answer: [{ valueInteger: 1 }] },
    ],
  };
  assert.deepEqual(fieldErrors(() => scoreResponse(GAD7, r)), [['item.gad7-1', 'unknown_option'], ['item.gad7-2', 'one_answer'], ['item.gad7-99', 'unknown_item']]);
});

test('a completed response must answer every required item; a draft may stop half-way and is not scored', () => {
  const first = PHQ9.questionnaire.item!.find((i) => i.linkId === 'phq9-1')!;
  const answers = [{ linkId: 'phq9-1', answer: [{ valueCoding: first.answerOption![3].valueCoding }] }];
  const completed: QuestionnaireResponse = { resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: canonical(PHQ9), item: answers };
  const missing = fieldErrors(() => scoreResponse(PHQ9, completed));
  assert.equal(missing.length, 8);
  assert.ok(missing.every(([field, code]) => code === 'required' && /^item\.phq9-[2-9]$/.test(field)));
  const draft = scoreResponse(PHQ9, { ...completed, status: 'in-progress' });
  assert.equal(draft.scores.total, null, 'not assessable is not 0');
  assert.deepEqual(draft.bands, []);
});

test('the unscored difficulty item does not count towards the PHQ-9 total', () => {
  const items = PHQ9.questionnaire.item!.filter((i) => i.linkId.startsWith('phq9-') && i.linkId !== 'phq9-difficulty');
  const r: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: canonical(PHQ9),
    item: [
      ...items.map((i) => ({ linkId: i.linkId, answer: [{ valueCoding: i.answerOption![1].valueCoding }] })),
      { linkId: 'phq9-difficulty', answer: [{ valueCoding: PHQ9.questionnaire.item!.find((i) => i.linkId === 'phq9-difficulty')!.answerOption![3].valueCoding }] },
    ],
  };
  const result = scoreResponse(PHQ9, r);
  assert.equal(result.scores.total, 9);
  assert.deepEqual(result.overrides.map((o) => o.id), ['suicide-risk'], 'item 9 answered "several days" fires the override');
  assert.equal(result.overrides[0].task?.priority, 'stat');
});
