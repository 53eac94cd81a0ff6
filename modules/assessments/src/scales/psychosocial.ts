import type { ScaleDefinition } from '../scoring/types.js';
import { BGQ } from './bgq.js';
import { ICG } from './icg.js';
import { NCCN_DT } from './nccn-dt.js';
import { PG13R } from './pg-13-r.js';
import { WONG_BAKER } from './wong-baker.js';

/** built-in scales of this group, registered in index.ts */
export const PSYCHOSOCIAL_SCALES: ScaleDefinition[] = [WONG_BAKER, NCCN_DT, BGQ, ICG, PG13R];
