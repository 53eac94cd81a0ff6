/**
 * Assessments (评估) and follow-up (随访), issue 4. So far: the scoring engine (FHIRPath over a
 * QuestionnaireResponse, declarative scores, bands and overrides) and the first built-in scales.
 * Storage, the API, FHIR Questionnaire/QuestionnaireResponse and the pages come next.
 */
export * from './scoring/types.js';
export { scoreResponse } from './scoring/engine.js';
export { validateResponse } from './scoring/validate.js';
export { BUILT_IN_SCALES } from './scales/index.js';
export { ASSESSMENT_MESSAGES } from './messages.js';
