import type { QuestionnaireResponseItem } from '@medplum/fhirtypes';
import type { ScoreResult } from '../scoring/types.js';

/** test support: turns one scale's test-vector inputs into answers and checks its own expected keys */
export interface VectorAdapter {
  answers(inputs: Record<string, unknown>): QuestionnaireResponseItem[];
  /** asserts expected keys other than score/band/override (e.g. ESAS item bands); throws on mismatch */
  check?(result: ScoreResult, expected: Record<string, unknown>): void;
}
