import type { ScaleDefinition } from '../scoring/types.js';
import { ESAS_R } from './esas-r.js';
import { KPS } from './kps.js';
import { PAP } from './pap.js';
import { PPI } from './ppi.js';
import { PPSV2 } from './ppsv2.js';

/** built-in scales of this group, registered in index.ts (../shared/clinical/scales.md §1–2) */
export const PALLIATIVE_SCALES: ScaleDefinition[] = [ESAS_R, PPSV2, KPS, PPI, PAP];
