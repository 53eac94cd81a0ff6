/**
 * Assessments (评估) and follow-up (随访), issue 4. So far: the scoring engine (FHIRPath over a
 * QuestionnaireResponse, declarative scores, bands and overrides), the first built-in scales, and
 * recording assessments through /api. FHIR Questionnaire/QuestionnaireResponse, the pages and the
 * follow-up plans come next.
 */
import { fileURLToPath } from 'node:url';
import type { KangyunModule } from '@kangyun/kernel';
import { ASSESSMENT_MESSAGES } from './messages.js';
import { ASSESSMENT_PERMISSIONS } from './permissions.js';
import { assessmentRoutes } from './routes/assessments.js';
import { questionnaireProvider } from './fhir/questionnaire-provider.js';
import { questionnaireResponseProvider } from './fhir/response-provider.js';

export const assessmentsModule: KangyunModule = {
  name: 'assessments',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  permissions: ASSESSMENT_PERMISSIONS,
  messages: ASSESSMENT_MESSAGES,
  routes: (app, kernel) => assessmentRoutes(app, kernel),
  fhir: (kernel) => [questionnaireProvider, questionnaireResponseProvider(kernel)],
};

export * from './scoring/types.js';
export { scoreResponse } from './scoring/engine.js';
export { validateResponse } from './scoring/validate.js';
export { BUILT_IN_SCALES } from './scales/index.js';
export { ASSESSMENT_MESSAGES } from './messages.js';
