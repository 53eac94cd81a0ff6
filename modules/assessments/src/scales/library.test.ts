/**
 * Every built-in scale scores its source's test vectors exactly (../shared/clinical/scales.json
 * test_cases, copied to test-vectors.json): inputs → score → band (→ override).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { scoreResponse } from '../scoring/engine.js';
import type { ScaleDefinition } from '../scoring/types.js';
import { questionIndex } from '../scoring/validate.js';
import { BUILT_IN_SCALES } from './index.js';

interface Vector { inputs: { items?: number[]; score?: number }; expected: { score?: number; band?: string; override?: string } }
const vectors = JSON.parse(readFileSync(new URL('./test-vectors.json', import.meta.url), 'utf8')) as { instruments: Record<string, Vector[]> };

/** a completed response answering the scored items in order with the options worth the given points */
function responseFor(scale: ScaleDefinition, points: number[]): QuestionnaireResponse {
  const scored = [...questionIndex(scale.questionnaire.item).values()].filter((q) => q.required);
  assert.equal(points.length, scored.length, `${scale.id}: ${scored.length} scored items`);
  const item: QuestionnaireResponseItem[] = scored.map((q, i) => {
    if (q.type === 'integer') return { linkId: q.linkId!, answer: [{ valueInteger: points[i] }] };
    const option = q.answerOption!.find((o) => o.extension?.[0]?.valueDecimal === points[i]);
    assert.ok(option, `${scale.id} ${q.linkId}: an option worth ${points[i]}`);
    return { linkId: q.linkId!, answer: [{ valueCoding: option!.valueCoding }] };
  });
  return { resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: `${scale.questionnaire.url}|${scale.questionnaire.version}`, item };
}

for (const scale of BUILT_IN_SCALES) {
  describe(`${scale.id}: the source's test vectors`, () => {
    const cases = vectors.instruments[scale.id];
    test('has test vectors', () => assert.ok(cases?.length, `no test vectors for ${scale.id}`));
    for (const [i, v] of (cases ?? []).entries()) {
      test(`vector ${i + 1}: ${JSON.stringify(v.inputs)} → ${JSON.stringify(v.expected)}`, () => {
        const points = v.inputs.items ?? [v.inputs.score!];
        const result = scoreResponse(scale, responseFor(scale, points));
        const main = scale.scoring.scores[0].id;
        if (v.expected.score !== undefined) assert.equal(result.scores[main], v.expected.score);
        if (v.expected.band !== undefined) assert.deepEqual(result.bands.map((b) => b.code), [v.expected.band]);
        assert.equal(result.overrides.length > 0, v.expected.override !== undefined, 'override fires exactly when the source says');
      });
    }
  });
}
