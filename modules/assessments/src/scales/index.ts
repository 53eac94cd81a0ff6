import type { ScaleDefinition } from '../scoring/types.js';
import { FUNCTION_NUTRITION_SCALES } from './function-nutrition.js';
import { GAD7 } from './gad-7.js';
import { NRS_PAIN } from './nrs-pain.js';
import { PALLIATIVE_SCALES } from './palliative.js';
import { PHQ9 } from './phq-9.js';
import { PSYCHOSOCIAL_SCALES } from './psychosocial.js';

/** the built-in scale library (../shared/clinical/scales.md) */
export const BUILT_IN_SCALES: readonly ScaleDefinition[] = [NRS_PAIN, PHQ9, GAD7, ...PALLIATIVE_SCALES, ...FUNCTION_NUTRITION_SCALES, ...PSYCHOSOCIAL_SCALES];
