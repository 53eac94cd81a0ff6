import assert from 'node:assert/strict';
import type { Coding, QuestionnaireItem, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import type { ScaleDefinition } from '../scoring/types.js';
import { questionIndex } from '../scoring/validate.js';
import { ICG } from './icg.js';
import { PG13R } from './pg-13-r.js';
import type { VectorAdapter } from './vector-adapter.js';
import { WONG_BAKER } from './wong-baker.js';

/**
 * How this group's test vectors (test-vectors.json) become answers, for vectors whose inputs are
 * not simply `items` (points per scored item, in order) or `score` (a single integer item).
 */

function item(scale: ScaleDefinition, linkId: string): QuestionnaireItem {
  const q = questionIndex(scale.questionnaire.item).get(linkId);
  assert.ok(q, `${scale.id}: no item ${linkId}`);
  return q!;
}

/** the coding of the option of `linkId` worth `points` */
function option(scale: ScaleDefinition, linkId: string, points: number): QuestionnaireResponseItem {
  const o = item(scale, linkId).answerOption?.find((a) => a.extension?.find((e) => e.url.endsWith('ordinalValue'))?.valueDecimal === points);
  assert.ok(o, `${scale.id} ${linkId}: an option worth ${points}`);
  return { linkId, answer: [{ valueCoding: o!.valueCoding as Coding }] };
}

export const ADAPTERS: Record<string, VectorAdapter> = {
  /** { face: 0|2|4|6|8|10 } */
  'wong-baker': {
    answers: (inputs) => [option(WONG_BAKER, 'face', inputs.face as number)],
  },
  /** { total }: any 19 answers adding up to the total (fill items with 4 points, then the remainder) */
  icg: {
    answers: (inputs) => {
      let left = inputs.total as number;
      return Array.from({ length: 19 }, (_, i) => {
        const points = Math.min(4, left);
        left -= points;
        return option(ICG, `icg-${i + 1}`, points);
      });
    },
  },
  /** { months_since_death, items_3to12, impairment }; item 1 (bereaved) is yes, as every vector presumes */
  'pg-13-r': {
    answers: (inputs) => [
      { linkId: 'pg13r-1', answer: [{ valueBoolean: true }] },
      { linkId: 'pg13r-2', answer: [{ valueInteger: inputs.months_since_death as number }] },
      ...(inputs.items_3to12 as number[]).map((points, i) => option(PG13R, `pg13r-${i + 3}`, points)),
      { linkId: 'pg13r-13', answer: [{ valueBoolean: inputs.impairment as boolean }] },
    ],
    /** `referral`: the psychologist referral fires; `action`: the follow-up override's action */
    check: (result, expected) => {
      if (typeof expected.referral === 'boolean') {
        const referral = result.overrides.find((o) => o.id === 'pgd-referral');
        assert.equal(referral !== undefined, expected.referral, 'psychologist referral exactly when the source says');
        if (referral) assert.equal(referral.task?.role, 'psychologist');
      }
      if (typeof expected.action === 'string') {
        const followUp = result.overrides.find((o) => o.id === 'pgd-follow-up');
        assert.ok(followUp, 'bereavement-worker follow-up fires');
        assert.equal(followUp!.action.en.toLowerCase().replace(/\.$/, ''), expected.action.toLowerCase());
      } else {
        assert.ok(!result.overrides.some((o) => o.id === 'pgd-follow-up'), 'no follow-up override unless the source expects one');
      }
    },
  },
};
