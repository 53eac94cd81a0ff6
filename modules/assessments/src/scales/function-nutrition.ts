import type { ScaleDefinition } from '../scoring/types.js';
import { BARTHEL } from './barthel.js';
import { BRADEN } from './braden.js';
import { MNA_SF } from './mna-sf.js';
import { MORSE } from './morse.js';
import { NRS_2002 } from './nrs-2002.js';

/** built-in scales of this group, registered in index.ts (../shared/clinical/scales.md §5 nutrition, §6 function and safety) */
export const FUNCTION_NUTRITION_SCALES: ScaleDefinition[] = [NRS_2002, MNA_SF, BARTHEL, BRADEN, MORSE];
