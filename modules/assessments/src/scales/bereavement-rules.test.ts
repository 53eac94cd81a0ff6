/**
 * The bereavement auto-referral (scales.md §7.7) as BGQ and ICG apply it: above the threshold at
 * ≥ 6 months → psychologist; earlier → supportive outreach; without the time since death, neither.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { scoreResponse } from '../scoring/engine.js';
import type { ScaleDefinition } from '../scoring/types.js';
import { BGQ } from './bgq.js';
import { ICG } from './icg.js';

/** every scored item answered with the option worth `points[i]`, plus the months since the death */
function answered(scale: ScaleDefinition, points: number[], months?: number) {
  const scored = scale.questionnaire.item!.filter((i) => i.required);
  const item: QuestionnaireResponseItem[] = scored.map((q, i) => ({
    linkId: q.linkId, answer: [{ valueCoding: q.answerOption!.find((o) => o.extension![0].valueDecimal === points[i])!.valueCoding }],
  }));
  if (months !== undefined) item.push({ linkId: 'months-since-death', answer: [{ valueInteger: months }] });
  const result = scoreResponse(scale, { resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: `${scale.questionnaire.url}|${scale.questionnaire.version}`, item });
  return result.overrides.map((o) => [o.id, o.task?.role]);
}

test('BGQ 8: referral to the psychologist at 7 months, outreach at 3, nothing without the date; 7 never refers', () => {
  const eight = [2, 2, 2, 1, 1];
  assert.deepEqual(answered(BGQ, eight, 7), [['psychologist-referral', 'psychologist']]);
  assert.deepEqual(answered(BGQ, eight, 3), [['supportive-outreach', 'social_worker']]);
  assert.deepEqual(answered(BGQ, eight), []);
  assert.deepEqual(answered(BGQ, [2, 2, 1, 1, 1], 7), []);
});

test('ICG: above 25 at 6 months refers; 25 does not', () => {
  const base = Array(19).fill(1); // 19
  const total = (n: number) => base.map((p, i) => (i < n - 19 ? p + 1 : p)); // raise the first items by one point each
  assert.deepEqual(answered(ICG, total(26), 6), [['psychologist-referral', 'psychologist']]);
  assert.deepEqual(answered(ICG, total(25), 6), []);
  assert.deepEqual(answered(ICG, total(26), 5), [['supportive-outreach', 'social_worker']]);
});
