import assert from 'node:assert/strict';
import type { QuestionnaireResponseItem } from '@medplum/fhirtypes';
import type { ScaleDefinition, ScoreResult } from '../scoring/types.js';
import { BARTHEL, BARTHEL_LINK_IDS } from './barthel.js';
import { BRADEN, BRADEN_LINK_IDS } from './braden.js';
import { MNA_SF, MNA_SF_LINK_IDS } from './mna-sf.js';
import { MORSE, MORSE_LINK_IDS } from './morse.js';
import { NRS_2002, NRS2002_AGE, NRS2002_INITIAL_LINK_IDS, NRS2002_SEVERITY, NRS2002_STATUS } from './nrs-2002.js';
import type { VectorAdapter } from './vector-adapter.js';

/**
 * How this group's test vectors (test-vectors.json) become answers, for vectors whose inputs are
 * not simply `items` (points per scored item, in order) or `score` (a single integer item).
 */

/** the answer to a choice item that is worth the given points */
function worth(scale: ScaleDefinition, linkId: string, points: number): QuestionnaireResponseItem {
  const item = scale.questionnaire.item!.find((i) => i.linkId === linkId);
  assert.ok(item, `${scale.id}: no item ${linkId}`);
  const option = item.answerOption?.find((o) => o.extension?.find((e) => e.url.endsWith('ordinalValue'))?.valueDecimal === points);
  assert.ok(option, `${scale.id} ${linkId}: an option worth ${points}`);
  return { linkId, answer: [{ valueCoding: option.valueCoding }] };
}

/** inputs keyed like the source (`{ sensory: 2, … }`): each key's points answer the item it names */
function byKey(scale: ScaleDefinition, linkIds: Record<string, string>): VectorAdapter['answers'] {
  return (inputs) => Object.entries(inputs).map(([key, points]) => {
    assert.ok(linkIds[key], `${scale.id}: unknown input ${key}`);
    return worth(scale, linkIds[key], points as number);
  });
}

/**
 * Barthel: item points by key, or only a `total` (a band-boundary vector). Item points move in steps
 * of 5, so totals such as 41, 61 or 99 cannot be answered; such a total is answered with the nearest
 * reachable total (a multiple of 5) inside the band the scale's own bands give the vector's total,
 * items filled from the first. The library then checks the engine puts that response in the band
 * the source expects for the total, i.e. that the band table places the boundary where the source does.
 */
function barthelAnswers(inputs: Record<string, unknown>): QuestionnaireResponseItem[] {
  if (typeof inputs.total !== 'number') return byKey(BARTHEL, BARTHEL_LINK_IDS)(inputs);
  const t = inputs.total;
  const band = BARTHEL.scoring.bands.find((b) => t >= b.min && (b.max === null || t <= b.max));
  assert.ok(band, `barthel: no band holds ${t}`);
  const reachable = [...Array(21).keys()].map((i) => i * 5).filter((s) => s >= band.min && (band.max === null || s <= band.max));
  let left = reachable.reduce((best, s) => (Math.abs(s - t) < Math.abs(best - t) ? s : best));
  return Object.values(BARTHEL_LINK_IDS).map((linkId) => {
    const item = BARTHEL.questionnaire.item!.find((i) => i.linkId === linkId)!;
    const max = Math.max(...item.answerOption!.map((o) => o.extension![0].valueDecimal!));
    const points = Math.min(max, left);
    left -= points;
    return worth(BARTHEL, linkId, points);
  });
}

export const ADAPTERS: Record<string, VectorAdapter> = {
  'nrs-2002': {
    // `initial_any_yes` answers the first initial question (the others "no"); then the final screening
    answers(inputs) {
      const initial: QuestionnaireResponseItem[] = NRS2002_INITIAL_LINK_IDS.map((linkId, i) => ({
        linkId, answer: [{ valueBoolean: i === 0 && inputs.initial_any_yes === true }],
      }));
      if (inputs.initial_any_yes !== true) return initial;
      return [
        ...initial,
        worth(NRS_2002, NRS2002_STATUS, inputs.nutritional_status as number),
        worth(NRS_2002, NRS2002_SEVERITY, inputs.disease_severity as number),
        { linkId: NRS2002_AGE, answer: [{ valueInteger: inputs.age as number }] },
      ];
    },
    // `action` (negative initial screen): no total, no band, and the re-screen rule fires; otherwise no override
    check(result: ScoreResult, expected) {
      if (expected.action === undefined) {
        assert.deepEqual(result.overrides, []);
        return;
      }
      assert.equal(result.scores.total, null);
      assert.deepEqual(result.bands, []);
      assert.deepEqual(result.overrides.map((o) => o.id), ['initial-screen-negative']);
      assert.ok(result.overrides[0].action.en.toLowerCase().includes(String(expected.action).toLowerCase()), `action "${String(expected.action)}"`);
    },
  },
  // F is the BMI item (F1); F2 (calf circumference) stands in only when BMI is unavailable
  'mna-sf': {
    answers: (inputs) => byKey(MNA_SF, { ...MNA_SF_LINK_IDS, F: MNA_SF_LINK_IDS.F1 })(inputs),
  },
  barthel: { answers: barthelAnswers },
  braden: { answers: byKey(BRADEN, BRADEN_LINK_IDS) },
  morse: { answers: byKey(MORSE, MORSE_LINK_IDS) },
};
