/**
 * Every built-in scale scores its source's test vectors exactly (../shared/clinical/scales.json
 * test_cases, copied to test-vectors.json): inputs → score → band (→ override, and whatever else
 * the vector expects). Vectors whose inputs are not plain item points go through the group's adapter.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { scoreResponse } from '../scoring/engine.js';
import type { ScaleDefinition } from '../scoring/types.js';
import { questionIndex } from '../scoring/validate.js';
import { BUILT_IN_SCALES } from './index.js';
import type { VectorAdapter } from './vector-adapter.js';
import { ADAPTERS as PALLIATIVE } from './palliative.vectors.js';
import { ADAPTERS as FUNCTION_NUTRITION } from './function-nutrition.vectors.js';
import { ADAPTERS as PSYCHOSOCIAL } from './psychosocial.vectors.js';

interface Vector { inputs: Record<string, unknown>; expected: Record<string, unknown> }
const vectors = JSON.parse(readFileSync(new URL('./test-vectors.json', import.meta.url), 'utf8')) as { instruments: Record<string, Vector[]> };
const adapters: Record<string, VectorAdapter> = { ...PALLIATIVE, ...FUNCTION_NUTRITION, ...PSYCHOSOCIAL };

/** answers worth the given points, one per scored (required) item in order */
function pointsAnswers(scale: ScaleDefinition, points: number[]): QuestionnaireResponseItem[] {
  const scored = [...questionIndex(scale.questionnaire.item).values()].filter((q) => q.required);
  assert.equal(points.length, scored.length, `${scale.id}: ${scored.length} scored items`);
  return scored.map((q, i) => {
    if (q.type === 'integer') return { linkId: q.linkId!, answer: [{ valueInteger: points[i] }] };
    const option = q.answerOption!.find((o) => o.extension?.find((e) => e.url.endsWith('ordinalValue'))?.valueDecimal === points[i]);
    assert.ok(option, `${scale.id} ${q.linkId}: an option worth ${points[i]}`);
    return { linkId: q.linkId!, answer: [{ valueCoding: option!.valueCoding }] };
  });
}

function answersFor(scale: ScaleDefinition, inputs: Record<string, unknown>): QuestionnaireResponseItem[] {
  const adapter = adapters[scale.id];
  if (adapter) return adapter.answers(inputs);
  if (Array.isArray(inputs.items)) return pointsAnswers(scale, inputs.items as number[]);
  if (typeof inputs.score === 'number') return pointsAnswers(scale, [inputs.score]);
  throw new Error(`${scale.id}: vector inputs ${JSON.stringify(inputs)} need an adapter (<group>.vectors.ts)`);
}

for (const scale of BUILT_IN_SCALES) {
  describe(`${scale.id}: the source's test vectors`, () => {
    const cases = vectors.instruments[scale.id];
    test('has test vectors', () => assert.ok(cases?.length, `no test vectors for ${scale.id}`));
    for (const [i, v] of (cases ?? []).entries()) {
      test(`vector ${i + 1}: ${JSON.stringify(v.inputs)} → ${JSON.stringify(v.expected)}`, () => {
        const response: QuestionnaireResponse = {
          resourceType: 'QuestionnaireResponse', status: 'completed',
          questionnaire: `${scale.questionnaire.url}|${scale.questionnaire.version}`, item: answersFor(scale, v.inputs),
        };
        const result = scoreResponse(scale, response);
        const main = scale.scoring.scores[0].id;
        if (v.expected.score !== undefined) assert.equal(result.scores[main], v.expected.score);
        if (v.expected.band !== undefined) assert.ok(result.bands.some((b) => b.score === main && b.code === v.expected.band), `band ${String(v.expected.band)} in ${JSON.stringify(result.bands.map((b) => [b.score, b.code]))}`);
        if ('override' in v.expected || !adapters[scale.id]?.check) {
          assert.equal(result.overrides.length > 0, v.expected.override !== undefined, 'an override fires exactly when the source says');
        }
        adapters[scale.id]?.check?.(result, v.expected);
      });
    }
  });
}
