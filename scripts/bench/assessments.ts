/**
 * `npm run bench:assessments`: issue 4's scoring figure — server-side scoring of a submitted
 * response, p99 per built-in scale (the largest scale is the target's case). In-process, no HTTP:
 * the engine alone. Each response answers every required item with a random option.
 */
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { BUILT_IN_SCALES, scoreResponse } from '@kangyun/assessments';
import { questionIndex } from '@kangyun/assessments/scoring/validate.ts';
import { log, round } from './util.js';

const RUNS = 5_000;
const WARMUP = 500;

function randomResponse(scale: (typeof BUILT_IN_SCALES)[number]): QuestionnaireResponse {
  const item = [...questionIndex(scale.questionnaire.item).values()].filter((q) => q.required).map((q) => {
    if (q.type === 'choice') {
      const o = q.answerOption![Math.floor(Math.random() * q.answerOption!.length)];
      return { linkId: q.linkId!, answer: [{ valueCoding: o.valueCoding }] };
    }
    const min = q.extension?.find((e) => e.url.endsWith('minValue'))?.valueInteger ?? 0;
    const max = q.extension?.find((e) => e.url.endsWith('maxValue'))?.valueInteger ?? 10;
    if (q.type === 'boolean') return { linkId: q.linkId!, answer: [{ valueBoolean: Math.random() < 0.5 }] };
    if (q.type === 'decimal') return { linkId: q.linkId!, answer: [{ valueDecimal: min + Math.random() * (max - min) }] };
    return { linkId: q.linkId!, answer: [{ valueInteger: min + Math.floor(Math.random() * (max - min + 1)) }] };
  });
  return { resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: `${scale.questionnaire.url}|${scale.questionnaire.version}`, item };
}

const rows: string[] = [];
for (const scale of [...BUILT_IN_SCALES].sort((a, b) => questionIndex(b.questionnaire.item).size - questionIndex(a.questionnaire.item).size)) {
  const responses = Array.from({ length: 200 }, () => randomResponse(scale));
  const times: number[] = [];
  let skipped = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t = performance.now();
    try {
      scoreResponse(scale, responses[i % responses.length]);
    } catch {
      skipped += 1; // a random combination the scale refuses (e.g. conditional items): not timed
      continue;
    }
    if (i >= WARMUP) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => round(times[Math.floor(times.length * p)] ?? NaN, 3);
  rows.push(`${scale.id.padEnd(24)} ${String(questionIndex(scale.questionnaire.item).size).padStart(3)} items  p50 ${q(0.5)} ms  p99 ${q(0.99)} ms  max ${round(times.at(-1) ?? NaN, 3)} ms  (${times.length} timed, ${skipped} refused)`);
}
log('scoring a completed response (engine only, in process):');
for (const r of rows) console.log(`  ${r}`);
