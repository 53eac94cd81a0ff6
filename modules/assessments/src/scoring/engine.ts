import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { answersOf, validateResponse } from './validate.js';
import type { ScaleDefinition, ScoreResult } from './types.js';

type Compiled = (resource: unknown, env?: Record<string, unknown>) => unknown[];

/** compiled expressions, shared by every scale (an expression's text is its key) */
const compiled = new Map<string, Compiled>();

function compile(expression: string): Compiled {
  let fn = compiled.get(expression);
  if (!fn) {
    fn = fhirpath.compile(expression, r4) as Compiled;
    compiled.set(expression, fn);
  }
  return fn;
}

/**
 * The one scoring engine: validates the response against the scale version it names, evaluates
 * each declared score (FHIRPath over the response, `%questionnaire` bound for weight()), finds the
 * band of each score and the overrides that fire (their rules see each score as `%<scoreId>`). A score whose required items are missing stays
 * null: "not assessable" is never 0.
 */
export function scoreResponse(scale: ScaleDefinition, response: QuestionnaireResponse): ScoreResult {
  validateResponse(scale, response);
  const answered = answersOf(response.item);
  const env = { questionnaire: scale.questionnaire };
  const scores: Record<string, number | null> = {};
  for (const s of scale.scoring.scores) {
    if (s.requires.some((linkId) => !answered.has(linkId))) {
      scores[s.id] = null;
      continue;
    }
    const [value] = compile(s.expression)(response, env);
    scores[s.id] = typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  const bands = scale.scoring.bands
    .filter((b) => {
      const v = scores[b.score];
      return v !== null && v !== undefined && v >= b.min && (b.max === null || v <= b.max);
    })
    .map(({ score, code, label, action, task }) => ({ score, code, label, action, ...(task ? { task } : {}) }));
  // overrides read the scores as %<scoreId> (an empty collection when not computed) instead of
  // summing the items again: each FHIRPath weight() lookup walks the Questionnaire
  const withScores: Record<string, unknown> = { ...env };
  for (const [id, v] of Object.entries(scores)) withScores[id] = v === null ? [] : v;
  const overrides = (scale.scoring.overrides ?? [])
    .filter((o) => compile(o.when)(response, withScores)[0] === true)
    .map(({ id, label, action, task }) => ({ id, label, action, ...(task ? { task } : {}) }));
  return { questionnaire: `${scale.questionnaire.url}|${scale.questionnaire.version}`, scores, bands, overrides };
}
