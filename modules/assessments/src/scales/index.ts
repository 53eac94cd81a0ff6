import type { ScaleDefinition } from '../scoring/types.js';
import { GAD7 } from './gad-7.js';
import { NRS_PAIN } from './nrs-pain.js';
import { PHQ9 } from './phq-9.js';

/** the built-in scale library (more instruments of ../shared/clinical/scales.md to come) */
export const BUILT_IN_SCALES: readonly ScaleDefinition[] = [NRS_PAIN, PHQ9, GAD7];
