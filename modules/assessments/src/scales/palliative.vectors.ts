import assert from 'node:assert/strict';
import type { QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { OPTION_SYSTEM } from './build.js';
import type { VectorAdapter } from './vector-adapter.js';

/**
 * How this group's test vectors (test-vectors.json) become answers, for vectors whose inputs are
 * not simply `items` (points per scored item, in order) or `score` (a single integer item).
 */
const choice = (linkId: string, code: string): QuestionnaireResponseItem => ({ linkId, answer: [{ valueCoding: { system: OPTION_SYSTEM, code } }] });
const int = (linkId: string, value: number): QuestionnaireResponseItem => ({ linkId, answer: [{ valueInteger: value }] });
const yesNo = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : fail(`not a boolean: ${String(v)}`));
const presentAbsent = (v: unknown) => (v === true ? 'present' : v === false ? 'absent' : fail(`not a boolean: ${String(v)}`));
function fail(message: string): never {
  throw new Error(message);
}
const num = (v: unknown, what: string) => (typeof v === 'number' ? v : fail(`${what}: not a number: ${String(v)}`));

const ESAS_CORE = ['pain', 'tiredness', 'drowsiness', 'nausea', 'appetite', 'dyspnea', 'depression', 'anxiety', 'wellbeing'];

/** the PPI band a PPS level falls in (scales.md §2.3) */
function ppsBand(level: number): string {
  if (level >= 10 && level <= 20) return 'pps-10-20';
  if (level >= 30 && level <= 50) return 'pps-30-50';
  if (level >= 60 && level <= 100) return 'pps-60-plus';
  return fail(`PPS ${level} has no PPI band`);
}

/** PaP lab bands (scales.md §2.4); values outside the published ranges are refused */
function wbcBand(wbc: number): string {
  if (wbc >= 4.8 && wbc <= 8.5) return 'normal';
  if (wbc >= 8.6 && wbc <= 11.0) return 'high';
  if (wbc > 11.0) return 'very-high';
  return fail(`WBC ${wbc} is outside the published PaP ranges`);
}
function lymphocyteBand(pct: number): string {
  if (pct >= 0 && pct <= 11.9) return 'very-low';
  if (pct >= 12 && pct <= 19.9) return 'low';
  if (pct >= 20 && pct <= 40) return 'normal';
  if (pct > 40) return 'above-40';
  return fail(`lymphocytes ${pct}% is outside the published PaP ranges`);
}

export const ADAPTERS: Record<string, VectorAdapter> = {
  'esas-r': {
    answers: (inputs) => [...ESAS_CORE, 'other'].filter((id) => inputs[id] !== undefined).map((id) => int(id, num(inputs[id], id))),
    check(result, expected) {
      if (expected.tsds !== undefined) assert.equal(result.scores.tsds, expected.tsds, 'TSDS');
      const itemBands = expected.item_bands as Record<string, string> | undefined;
      if (itemBands) {
        const actual = Object.fromEntries(result.bands.filter((b) => b.score in itemBands).map((b) => [b.score, b.code]));
        assert.deepEqual(actual, itemBands, 'per-item bands');
      }
    },
  },
  ppsv2: { answers: (inputs) => [choice('level', `pps-${num(inputs.level, 'level')}`)] },
  ppi: {
    answers: (inputs) => [
      choice('pps', ppsBand(num(inputs.pps, 'pps'))),
      choice('oral-intake', String(inputs.oral_intake)),
      choice('oedema', presentAbsent(inputs.oedema)),
      choice('dyspnoea-at-rest', presentAbsent(inputs.dyspnoea_at_rest)),
      choice('delirium', presentAbsent(inputs.delirium)),
    ],
  },
  pap: {
    answers: (inputs) => {
      const kps = num(inputs.kps, 'kps');
      return [
        choice('dyspnoea', yesNo(inputs.dyspnoea)),
        choice('anorexia', yesNo(inputs.anorexia)),
        choice('kps', kps >= 30 ? 'kps-30-plus' : kps >= 10 ? 'kps-10-20' : fail(`KPS ${kps} has no PaP band`)),
        choice('clinical-prediction-weeks', inputs.clinical_prediction_weeks === '>12' ? 'gt-12' : String(inputs.clinical_prediction_weeks)),
        choice('wbc', wbcBand(num(inputs.wbc_10e9_L, 'wbc'))),
        choice('lymphocyte-pct', lymphocyteBand(num(inputs.lymphocyte_pct, 'lymphocyte_pct'))),
      ];
    },
  },
};
