import { notFound } from '@kangyun/kernel';
import type { ScaleDefinition } from '../scoring/types.js';
import { BUILT_IN_SCALES } from './index.js';

const byId = new Map(BUILT_IN_SCALES.map((s) => [s.id, s]));

export function scaleById(id: string): ScaleDefinition {
  const scale = byId.get(id);
  if (!scale) throw notFound();
  return scale;
}

/** what a list of scales shows */
export function scaleSummary(s: ScaleDefinition) {
  const q = s.questionnaire;
  return {
    id: s.id, url: q.url, version: q.version, title: q.title, description: q.description ?? null,
    source: s.source, licence: s.licence, verification: s.verification,
    bands: s.scoring.bands.map(({ score, code, min, max, label }) => ({ score, code, min, max, label })),
  };
}
